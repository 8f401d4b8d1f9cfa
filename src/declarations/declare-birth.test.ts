import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { drainOutbox } from '../exchange/index.ts';
import { birthOf, findCouple, seededHub } from '../exchange-test-kit.ts';
import type { SessionHeaders } from '../testing.ts';

type Recipient = { party: string; status: string; code: string; legalBasis: string; why: { fr: string } };

describe('déclarer une naissance une seule fois', async () => {
  const guichet = await seededHub();
  const { app, db, hub } = guichet;
  let family: Awaited<ReturnType<typeof findCouple>>;
  let headers: SessionHeaders;
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

  before(async () => {
    family = await findCouple(db, { regime: 'general' });
    headers = await guichet.loginAs(family.personId);
  });

  it('montre avant l’envoi quels organismes seront prévenus, pourquoi et sur quelle base légale', async () => {
    const response = await app.inject({ url: '/api/v1/declarations/preview?type=naissance', headers });
    assert.equal(response.statusCode, 200, response.body);
    const preview = response.json();
    assert.equal(preview.regime, 'general');
    assert.deepEqual(
      preview.recipients.map((r: Recipient) => r.party),
      ['caf', 'cpam', 'cnav', 'dgfip', 'etat-civil'],
    );
    const caf = preview.recipients.find((r: Recipient) => r.party === 'caf');
    assert.match(caf.legalBasis, /L531-1/);
    assert.match(caf.why.fr, /prime à la naissance/);
    assert.ok(preview.prefill.values.children[0].familyName);
  });

  it('refuse une déclaration au lieu de naissance invalide en nommant le champ, sans rien écrire', async () => {
    const input = birthOf([{ givenNames: 'Léa' }]);
    input.children[0]!.birthPlace = 'Paris';
    const response = await app.inject({ method: 'POST', url: '/api/v1/declarations', headers, payload: input });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'children.0.birthPlace');
    assert.match(response.json().messages.fr, /code INSEE/i);
    assert.equal(await count('declarations.declarations'), 0);
    assert.equal(await count('exchange.outbox'), 0);
  });

  it('refuse un champ inconnu et une date de naissance future', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers,
      payload: { ...birthOf([{ givenNames: 'Léa' }]), nir: '1' },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'nir');
    const future = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers,
      payload: birthOf([{ givenNames: 'Léa' }], { birthDate: '2999-01-01' }),
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'children.0.birthDate');
  });

  it('fait reconnaître et appliquer la naissance de jumeaux par la CAF, la CPAM, la CNAV, la DGFiP et l’état civil, une fois chacun', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers,
      payload: birthOf([
        { givenNames: 'Léa Marie', sex: 'F' },
        { givenNames: 'Noé', sex: 'M' },
      ]),
    });
    assert.equal(response.statusCode, 201, response.body);
    const sent = response.json();
    assert.deepEqual(
      sent.recipients.map((r: Recipient) => `${r.party}:${r.status}`),
      ['caf:sent', 'cpam:sent', 'cnav:sent', 'dgfip:sent', 'etat-civil:sent'],
    );
    assert.equal(sent.isComplete, false);

    const report = await drainOutbox(db, hub);
    assert.equal(report.delivered, 5);
    // Delivering again finds nothing: each message went once.
    assert.equal((await drainOutbox(db, hub)).claimed, 0);

    const status = await app.inject({ url: `/api/v1/declarations/${sent.id}`, headers });
    assert.equal(status.statusCode, 200);
    assert.deepEqual(
      status.json().recipients.map((r: Recipient) => `${r.party}:${r.status}:${r.code}`),
      [
        'caf:processed:ACK-00',
        'cpam:processed:ACK-00',
        'cnav:processed:ACK-00',
        'dgfip:processed:ACK-00',
        'etat-civil:processed:ACK-00',
      ],
    );
    assert.equal(status.json().isComplete, true);

    const correlation = [sent.id];
    for (const schema of ['body_caf', 'body_cpam', 'body_cnav', 'body_dgfip', 'body_etat_civil'])
      assert.equal(await count(`${schema}.inbox where correlation_id = $1`, correlation), 1, schema);
    assert.equal(await count('body_msa.inbox'), 0);
    assert.equal(
      await count(
        `body_caf.prestations where benefit = 'paje_naissance' and status = 'a_instruire' and correlation_id = $1`,
        correlation,
      ),
      2,
    );
    assert.equal(await count('body_caf.enfants where correlation_id = $1', correlation), 2);
    assert.equal(await count('body_cpam.ayants_droit where correlation_id = $1', correlation), 2);
    assert.ok((await count('body_cnav.enfants where correlation_id = $1', correlation)) >= 2);
    assert.equal(
      await count(`body_dgfip.foyer_personnes where role = 'personne_a_charge' and correlation_id = $1`, correlation),
      2,
    );
    assert.equal(
      await count(`body_etat_civil.actes where kind = 'naissance' and correlation_id = $1 and parent1_nir = $2`, [
        sent.id,
        family.nir,
      ]),
      2,
    );
  });

  it('envoie la naissance d’une famille agricole à la MSA au lieu de la CAF et de la CPAM', async () => {
    const farmers = await findCouple(db, { regime: 'agricole' });
    const farmerHeaders = await guichet.loginAs(farmers.personId);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: farmerHeaders,
      payload: birthOf([{ givenNames: 'Jeanne' }]),
    });
    assert.equal(response.statusCode, 201, response.body);
    const parties = response.json().recipients.map((r: Recipient) => r.party);
    assert.ok(parties.includes('msa'));
    assert.ok(!parties.includes('caf') && !parties.includes('cpam'));
    await drainOutbox(db, hub);
    const status = (
      await app.inject({ url: `/api/v1/declarations/${response.json().id}`, headers: farmerHeaders })
    ).json();
    assert.equal(status.recipients.find((r: Recipient) => r.party === 'msa').status, 'processed');
    assert.equal(
      await count(`body_msa.prestations where benefit = 'paje_naissance' and correlation_id = $1`, [
        response.json().id,
      ]),
      1,
    );
  });

  it('ne montre pas la déclaration d’une autre personne', async () => {
    const [declaration] = await db.query<{ id: string }>(
      'select id from declarations.declarations where person_id = $1',
      [family.personId],
    );
    const other = await findCouple(db, { regime: 'general', skip: 1 });
    const response = await app.inject({
      url: `/api/v1/declarations/${declaration!.id}`,
      headers: await guichet.loginAs(other.personId),
    });
    assert.equal(response.statusCode, 404);
  });

  it('suit la déclaration en direct par server-sent events', async () => {
    const [declaration] = await db.query<{ id: string }>(
      'select id from declarations.declarations where person_id = $1',
      [family.personId],
    );
    const response = await fetch(`${guichet.url}/api/v1/declarations/${declaration!.id}/events`, {
      headers: { cookie: headers.cookie },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const text = await response.text();
    assert.match(text, /^event: status\ndata: \{/);
    assert.equal(JSON.parse(text.split('data: ')[1]!).isComplete, true);
  });

  it('ne garde jamais un NIR dans le schéma de la plateforme d’échange', async () => {
    const nirs = new Set(
      (await db.query<{ nir: string }>('select nir from people.persons where nir is not null')).map((row) => row.nir),
    );
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'exchange'`,
    );
    for (const { table_name } of tables) {
      const rows = await db.query<{ text: string }>(`select t::text as text from exchange.${table_name} t`);
      for (const { text } of rows)
        for (const match of text.match(/[1-478][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}/g) ?? [])
          assert.ok(!nirs.has(match), `NIR trouvé dans exchange.${table_name}`);
    }
    assert.ok((await db.query('select 1 from exchange.directory limit 1')).length, 'le répertoire est rempli');
  });
});
