import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setBodyAvailability } from '../bodies/index.ts';
import { drainOutbox } from './deliver-outbox.ts';
import { signMessage, type SignedMessage } from './message.ts';
import { verifyMessageLog } from './message-log.ts';
import { findDirectoryEntries } from './record-holdings.ts';
import { birthOf, findCouple, seededHub } from '../exchange-test-kit.ts';
import type { SessionHeaders } from '../testing.ts';

const DAY = 86_400_000;
const later = (days: number) => () => new Date(Date.now() + days * DAY);

describe('acheminement des messages par la plateforme d’échange', async () => {
  const guichet = await seededHub();
  const { app, db, hub, url } = guichet;
  let family: Awaited<ReturnType<typeof findCouple>>;
  let headers: SessionHeaders;
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;
  const declare = async (givenNames: string, who = headers) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: who,
      payload: birthOf([{ givenNames }]),
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const status = async (id: string, who = headers) =>
    (await app.inject({ url: `/api/v1/declarations/${id}`, headers: who })).json().recipients as {
      party: string;
      status: string;
      isRetrying: boolean;
      code: string;
    }[];
  const postTo = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const birthMessage = (party: string, overrides: Partial<SignedMessage['envelope']> = {}, signer = 'guichet') =>
    signMessage(hub.embeddedKey(signer), {
      idempotencyKey: `test:${randomUUID()}`,
      correlationId: `test:${randomUUID()}`,
      recipient: party as SignedMessage['envelope']['recipient'],
      type: 'naissance.declaree',
      category: 'naissance',
      purpose: party === 'caf' ? 'prestations_familiales' : 'etat_civil',
      subjects: [{ nir: family.nir }],
      content: {
        declarant: { nir: family.nir, givenNames: 'Test', familyName: 'Testard' },
        otherParent: null,
        children: [
          { givenNames: 'Rejeu', familyName: 'Testard', sex: 'M', birthDate: '2026-01-02', birthPlace: '75056' },
        ],
      },
      ...overrides,
    });

  before(async () => {
    family = await findCouple(db, { regime: 'general' });
    headers = await guichet.loginAs(family.personId);
  });
  after(() => {
    for (const party of ['caf', 'etat-civil']) setBodyAvailability(party, true);
  });

  it('fait attendre les messages d’un organisme en panne, puis les livre dans l’ordre à son retour', async () => {
    setBodyAvailability('caf', false);
    const first = await declare('Premier');
    const second = await declare('Second');
    const report = await drainOutbox(db, hub);
    assert.equal(report.failed, 1, 'seul le premier message de la file de la CAF est tenté');
    assert.equal(report.delivered, 8);
    const waiting = (await status(first)).find((r) => r.party === 'caf')!;
    assert.deepEqual([waiting.status, waiting.isRetrying, waiting.code], ['sent', true, 'ERR-50']);
    assert.equal((await status(second)).find((r) => r.party === 'caf')!.status, 'sent');
    const [behind] = await db.query<{ attempts: number }>(
      `select attempts from exchange.outbox where correlation_id = $1 and recipient = 'caf'`,
      [second],
    );
    assert.equal(behind!.attempts, 0, 'le second attend derrière le premier');
    // Still down when the backoff is over: nothing is lost, nothing jumps the queue.
    assert.equal((await drainOutbox(db, hub, { now: later(1) })).failed, 1);

    setBodyAvailability('caf', true);
    const back = await drainOutbox(db, hub, { now: later(2) });
    assert.equal(back.delivered, 2);
    const received = await db.query<{ correlation_id: string }>(
      `select correlation_id from body_caf.inbox where correlation_id = any($1::text[]) order by seq`,
      [[first, second]],
    );
    assert.deepEqual(
      received.map((row) => row.correlation_id),
      [first, second],
    );
    assert.equal((await status(second)).find((r) => r.party === 'caf')!.status, 'processed');
  });

  it('met de côté un message après son dernier essai, le montre aux administrateurs et le renvoie à la demande', async () => {
    setBodyAvailability('etat-civil', false);
    const id = await declare('Abandon');
    await drainOutbox(db, hub, { maxAttempts: 1 });
    assert.equal((await status(id)).find((r) => r.party === 'etat-civil')!.status, 'failed');
    const admin = await guichet.loginAdmin();
    assert.equal((await app.inject({ url: '/api/v1/admin/exchange/dead-letters', headers })).statusCode, 403);
    const list = await app.inject({ url: '/api/v1/admin/exchange/dead-letters', headers: admin });
    assert.equal(list.statusCode, 200);
    const dead = list.json().deadLetters.find((letter: { correlationId: string }) => letter.correlationId === id);
    assert.equal(dead.recipient, 'etat-civil');
    assert.ok(!JSON.stringify(list.json()).includes(family.nir));

    setBodyAvailability('etat-civil', true);
    const retry = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/exchange/dead-letters/${dead.messageId}/retry`,
      headers: admin,
    });
    assert.equal(retry.statusCode, 200, retry.body);
    await drainOutbox(db, hub);
    assert.equal((await status(id)).find((r) => r.party === 'etat-civil')!.status, 'processed');
    const events = await db.query<{ event: string }>(
      `select event from exchange.message_log where message_id = $1 order by seq`,
      [dead.messageId],
    );
    assert.deepEqual(
      events.map((row) => row.event),
      ['accepted', 'dead', 'retried', 'delivered'],
    );
  });

  it('applique une seule fois un message rejoué avec la même clé d’idempotence', async () => {
    const message = birthMessage('caf');
    const firstAnswer = await postTo('/bodies/caf/messages', { messages: [message] });
    assert.equal(firstAnswer.status, 200);
    assert.deepEqual((await firstAnswer.json()).acknowledgements[0], {
      messageId: message.envelope.messageId,
      status: 'processed',
      code: 'ACK-00',
      reason: null,
      isReplay: false,
    });
    const replay = await (await postTo('/bodies/caf/messages', { messages: [message] })).json();
    assert.equal(replay.acknowledgements[0].isReplay, true);
    assert.equal(replay.acknowledgements[0].status, 'processed');
    // The same key under a new message id (a sender that retried from scratch) is still the same message.
    const again = birthMessage('caf', {
      idempotencyKey: message.envelope.idempotencyKey,
      correlationId: message.envelope.correlationId,
    });
    assert.equal(
      (await (await postTo('/bodies/caf/messages', { messages: [again] })).json()).acknowledgements[0].isReplay,
      true,
    );
    assert.equal(await count('body_caf.prestations where correlation_id = $1', [message.envelope.correlationId]), 1);
  });

  it('refuse un message à la signature invalide, à l’organisme comme à la plateforme, sans rien appliquer', async () => {
    const message = birthMessage('caf');
    // Same signature, another declarant: the content no longer matches what the guichet signed.
    const forged = {
      ...message,
      envelope: {
        ...message.envelope,
        content: {
          ...message.envelope.content,
          declarant: { nir: family.otherNir, givenNames: 'Faux', familyName: 'Faux' },
        },
      },
    };
    const atBody = await (await postTo('/bodies/caf/messages', { messages: [forged] })).json();
    assert.equal(atBody.acknowledgements[0].status, 'rejected');
    assert.equal(atBody.acknowledgements[0].code, 'REJ-10');
    assert.equal(await count('body_caf.inbox where idempotency_key = $1', [message.envelope.idempotencyKey]), 0);
    // The real one, sent afterwards, is not blocked by the forgery.
    assert.equal(
      (await (await postTo('/bodies/caf/messages', { messages: [message] })).json()).acknowledgements[0].isReplay,
      false,
    );

    const atHub = await postTo('/exchange/v1/messages', {
      messages: [birthMessage('etat-civil', {}, 'urssaf')].map((m) => ({ ...m, signature: message.signature })),
    });
    const result = (await atHub.json()).results[0];
    assert.deepEqual([result.status, result.code], ['refused', 'REJ-10']);
    assert.equal(
      await count(`exchange.message_log where message_id = $1 and event = 'refused' and code = 'REJ-10'`, [
        result.messageId,
      ]),
      1,
    );
    assert.equal(await count('exchange.outbox where message_id = $1', [result.messageId]), 0);
  });

  it('refuse et journalise un message vers un destinataire non autorisé, qui ne reçoit rien', async () => {
    const before = await count('body_france_travail.inbox');
    const unauthorised = birthMessage('france-travail', { purpose: 'prestations_familiales' }, 'urssaf');
    const answer = await (await postTo('/exchange/v1/messages', { messages: [unauthorised] })).json();
    assert.deepEqual([answer.results[0].status, answer.results[0].code], ['refused', 'REJ-20']);
    assert.match(answer.results[0].reason.fr, /non autorisé/);
    const [logged] = await db.query<{ sender: string; recipient: string; category: string; code: string }>(
      `select sender, recipient, category, code from exchange.message_log where message_id = $1 and event = 'refused'`,
      [unauthorised.envelope.messageId],
    );
    assert.deepEqual(logged, { sender: 'urssaf', recipient: 'france-travail', category: 'naissance', code: 'REJ-20' });
    assert.equal(await count('exchange.outbox where message_id = $1', [unauthorised.envelope.messageId]), 0);
    await drainOutbox(db, hub);
    assert.equal(await count('body_france_travail.inbox'), before);
  });

  it('refuse un message sur une personne dont le destinataire n’a pas de dossier quand la délibération l’exige', async () => {
    const stranger = birthMessage('cpam', { purpose: 'assurance_maladie', subjects: [{ nir: '299129912345678' }] });
    const answer = await (await postTo('/exchange/v1/messages', { messages: [stranger] })).json();
    assert.deepEqual([answer.results[0].status, answer.results[0].code], ['refused', 'REJ-21']);
  });

  it('livre une seule fois chaque message quand deux travailleurs se disputent la file', async () => {
    const ids = [await declare('Course un'), await declare('Course deux'), await declare('Course trois')];
    const [a, b] = await Promise.all([drainOutbox(db, hub, { batchSize: 2 }), drainOutbox(db, hub, { batchSize: 2 })]);
    assert.equal(a.delivered + b.delivered, 15);
    for (const schema of ['body_caf', 'body_cpam', 'body_cnav', 'body_dgfip', 'body_etat_civil'])
      assert.equal(await count(`${schema}.inbox where correlation_id = any($1::text[])`, [ids]), 3, schema);
    const order = await db.query<{ correlation_id: string }>(
      `select correlation_id from body_dgfip.inbox where correlation_id = any($1::text[]) order by seq`,
      [ids],
    );
    assert.deepEqual(
      order.map((row) => row.correlation_id),
      ids,
    );
  });

  it('tient le répertoire à jour par les déclarations signées des organismes', async () => {
    const message = signMessage(hub.embeddedKey('urssaf'), {
      idempotencyKey: `holdings:${randomUUID()}`,
      correlationId: 'holdings:urssaf',
      recipient: 'hub',
      type: 'repertoire.declaration',
      category: 'repertoire',
      purpose: 'declaration_dossier',
      subjects: [{ nir: family.nir }],
      content: {
        holdings: [
          {
            nir: family.nir,
            capacity: 'cotisant',
            reference: '12345678901234',
            periodStart: '2026-01-01',
            periodEnd: null,
            isHeld: true,
          },
        ],
      },
    });
    const response = await postTo('/exchange/v1/holdings', message);
    assert.equal(response.status, 200, await response.clone().text());
    assert.ok(
      (await findDirectoryEntries(db, hub, family.nir)).some(
        (entry) => entry.party === 'urssaf' && entry.capacity === 'cotisant',
      ),
    );
    const forged = await postTo('/exchange/v1/holdings', {
      ...message,
      envelope: { ...message.envelope, sender: 'caf' },
    });
    assert.equal(forged.status, 401);
  });

  it('vérifie le journal chaîné et détecte une ligne altérée', async () => {
    const intact = await verifyMessageLog(db);
    assert.equal(intact.isIntact, true);
    assert.ok(intact.rows > 20);
    await assert.rejects(db.query(`update exchange.message_log set recipient = 'dgfip' where seq = 3`), /ajout seul/);
    // Someone with the database owner's rights goes around the trigger: the chain still tells.
    await db.exec(`alter table exchange.message_log disable trigger message_log_append_only;
                   update exchange.message_log set recipient = 'dgfip' where seq = 3;
                   alter table exchange.message_log enable trigger message_log_append_only;`);
    assert.deepEqual(await verifyMessageLog(db), { isIntact: false, rows: 3, brokenAt: 3, reason: 'hash' });
    const admin = await guichet.loginAdmin();
    assert.equal(
      (await app.inject({ url: '/api/v1/admin/exchange/log/verify', headers: admin })).json().isIntact,
      false,
    );
  });
});
