// Faults with real processes: the CAF's node runs as its own process on its own database
// (`guichet body caf`), delivery runs in `guichet worker` processes, and the test stops, kills
// (SIGKILL) and cuts them off from the database. Needs a PostgreSQL server (TEST_DATABASE_URL):
// several processes cannot share an in-process PGlite.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testDatabaseKind } from '../platform/testing/index.ts';
import { seededHub } from '../exchange-test-kit.ts';
import { signMessage, type SignedMessage } from './message.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const HOUSEHOLDS = 40;
const SEED = 11;

const skip =
  testDatabaseKind() === 'pg'
    ? false
    : 'pannes avec de vrais processus : il faut un serveur PostgreSQL (TEST_DATABASE_URL), plusieurs processus ne partagent pas un PGlite';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A `guichet …` process; its output is kept to read its logs. */
const guichetProcess = (args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, ['bin/guichet.js', ...args], {
    env: { ...process.env, GUICHET_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
};

const waitFor = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 50_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const stop = async (process: { child: ChildProcess; exited: Promise<number | null> }, signal: NodeJS.Signals) => {
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill(signal);
  await process.exited;
};

describe('pannes réelles : rien de perdu, rien d’appliqué deux fois', { skip }, async () => {
  if (skip) return;
  const adminUrl = process.env.TEST_DATABASE_URL!;
  let cleanup = async () => {};
  const cafPort = await freePort();
  const cafUrl = `http://127.0.0.1:${cafPort}/bodies/caf`;
  // The hub reaches the CAF at the address of its own process; the other bodies run in the hub's.
  // Registered before the hub's own: the processes stop before its database is dropped.
  after(() => cleanup());
  const guichet = await seededHub({ households: HOUSEHOLDS, env: { BODY_CAF_URL: cafUrl } });
  const { db, hub, url } = guichet;
  const [{ name: hubDatabase }] = (await db.query<{ name: string }>('select current_database() as name')) as [
    { name: string },
  ];
  const cafDatabase = `guichet_body_caf_${randomBytes(5).toString('hex')}`;
  const cafDb = new pg.Pool({ connectionString: withDatabase(adminUrl, cafDatabase), max: 2 });
  cafDb.on('error', () => {});
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  admin.on('error', () => {});

  type Running = ReturnType<typeof guichetProcess>;
  let caf: Running | undefined;
  const workers: Running[] = [];
  const startCaf = async () => {
    caf = guichetProcess(
      [
        'body',
        'caf',
        '--port',
        String(cafPort),
        '--host',
        '127.0.0.1',
        '--hub-url',
        url,
        '--database-url',
        withDatabase(adminUrl, cafDatabase),
        '--households',
        String(HOUSEHOLDS),
        '--seed',
        String(SEED),
      ],
      { PGAPPNAME: 'guichet-body-caf' },
    );
    // Starting a process is slow on a loaded machine: not counted in the tests' own delays.
    await waitFor('démarrage du nœud de la CAF', () => caf!.output().includes('prêt'), 180_000);
  };
  const startWorker = async () => {
    const worker = guichetProcess(['worker'], {
      DATABASE_URL: withDatabase(adminUrl, hubDatabase),
      PUBLIC_URL: url,
      PGAPPNAME: 'guichet-worker',
      EXCHANGE_LEASE_MS: '3000',
      EXCHANGE_TIMEOUT_MS: '2000',
      EXCHANGE_RETRY_MAX_MS: '1500',
      // The machine may be slow to start the CAF again: no dead letter meanwhile.
      EXCHANGE_MAX_ATTEMPTS: '1000',
      LOG_LEVEL: 'info',
    });
    workers.push(worker);
    await waitFor('démarrage d’un travailleur', () => worker.output().includes('travailleur démarré'), 180_000);
    return worker;
  };

  // Persons with a NIR: each one's messages must reach the CAF in the order they were sent.
  const nirs = (
    await db.query<{ nir: string }>('select nir from people.persons where nir is not null order by nir limit 12')
  ).map((row) => row.nir);
  const birthToCaf = (nir: string, run: string, rank: number): SignedMessage =>
    signMessage(hub.embeddedKey('guichet'), {
      idempotencyKey: `pannes:${run}:${nir}:${rank}`,
      correlationId: `pannes:${run}:${nir}:${String(rank).padStart(4, '0')}`,
      recipient: 'caf',
      type: 'naissance.declaree',
      category: 'naissance',
      purpose: 'prestations_familiales',
      subjects: [{ nir }],
      content: {
        declarant: { nir, givenNames: 'Test', familyName: 'Testard' },
        otherParent: null,
        children: [
          { givenNames: `Rang ${rank}`, familyName: 'Testard', sex: 'F', birthDate: '2026-01-02', birthPlace: '75056' },
        ],
      },
    });
  /** Sends `perPerson` births for each person through the hub's intake, in rounds so each person's come in order. */
  const send = async (run: string, perPerson: number) => {
    const messages = Array.from({ length: perPerson }, (_, rank) =>
      nirs.map((nir) => birthToCaf(nir, run, rank)),
    ).flat();
    for (let start = 0; start < messages.length; start += 500) {
      const response = await fetch(`${url}/exchange/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: messages.slice(start, start + 500) }),
      });
      const text = await response.text();
      assert.equal(response.status, 200, text);
      const { results } = JSON.parse(text) as { results: { status: string }[] };
      assert.ok(results.every((result) => result.status === 'accepted'));
    }
    return messages.length;
  };
  const outbox = async (run: string) =>
    (
      await db.query<{ delivered: number; pending: number }>(
        `select count(*) filter (where status = 'delivered')::int as delivered, count(*) filter (where status = 'pending')::int as pending
           from exchange.outbox where correlation_id like $1`,
        [`pannes:${run}:%`],
      )
    )[0]!;
  /** What the CAF's own database holds for a run: each message received once, each birth opened once, in order. */
  const cafStore = async (run: string) => {
    const inbox = await cafDb.query<{ correlation_id: string; status: string }>(
      `select correlation_id, status from body_caf.inbox where correlation_id like $1 order by seq`,
      [`pannes:${run}:%`],
    );
    const children = await cafDb.query<{ correlation_id: string; n: number }>(
      `select correlation_id, count(*)::int as n from body_caf.enfants where correlation_id like $1 group by correlation_id`,
      [`pannes:${run}:%`],
    );
    const seen = new Map<string, number>();
    let isInOrder = true;
    for (const { correlation_id } of inbox.rows) {
      const [, , nir, rank] = correlation_id.split(':');
      if (Number(rank) !== (seen.get(nir!) ?? -1) + 1) isInOrder = false;
      seen.set(nir!, Number(rank));
    }
    return {
      received: inbox.rows.length,
      distinct: new Set(inbox.rows.map((row) => row.correlation_id)).size,
      processed: inbox.rows.filter((row) => row.status === 'processed').length,
      births: children.rows.length,
      appliedTwice: children.rows.filter((row) => row.n > 1).length,
      isInOrder,
    };
  };
  /** What the queue and the workers were doing, when a wait times out. */
  const diagnosis = async (run: string) => ({
    outbox: await db.query(
      `select status, attempts, last_error is not null as failed, count(*)::int as n from exchange.outbox
        where correlation_id like $1 group by 1, 2, 3 order by 1, 2`,
      [`pannes:${run}:%`],
    ),
    jobs: await db.query(
      `select status, attempts, left(last_error, 300) as error, count(*)::int as n from platform.jobs
        where type = 'exchange.deliver' group by 1, 2, 3`,
    ),
    workers: workers.map((worker) => worker.output().slice(-2000)),
  });
  const assertAllOnce = async (run: string, total: number) => {
    await waitFor(`livraison de tous les messages (${run})`, async () => (await outbox(run)).delivered === total).catch(
      async (error: Error) => {
        throw new Error(`${error.message}\n${JSON.stringify(await diagnosis(run), null, 1)}`);
      },
    );
    const store = await cafStore(run);
    assert.deepEqual(store, {
      received: total,
      distinct: total,
      processed: total,
      births: total,
      appliedTwice: 0,
      isInOrder: true,
    });
  };

  before(async () => {
    await admin.query(`create database ${cafDatabase}`);
    await startCaf();
  });
  cleanup = async () => {
    for (const worker of workers) await stop(worker, 'SIGKILL');
    if (caf) await stop(caf, 'SIGTERM');
    await cafDb.end();
    await admin.query(`drop database if exists ${cafDatabase} with (force)`);
    await admin.end();
  };

  it('un organisme arrêté : ses messages attendent et lui sont livrés à son retour, dans l’ordre de chaque personne', async () => {
    await stop(caf!, 'SIGTERM');
    const worker = await startWorker();
    const total = await send('panne', 3);
    await waitFor('premiers essais en échec', async () => {
      const [row] = await db.query<{ failed: number }>(
        `select count(*)::int as failed from exchange.outbox where correlation_id like 'pannes:panne:%' and last_error is not null`,
      );
      return row!.failed >= nirs.length;
    });
    const [tried] = await db.query<{ behind: number; delivered: number }>(
      `select count(*) filter (where attempts > 0 and correlation_id not like '%:0000')::int as behind,
              count(*) filter (where status = 'delivered')::int as delivered
         from exchange.outbox where correlation_id like 'pannes:panne:%'`,
    );
    assert.deepEqual(tried, { behind: 0, delivered: 0 }, 'seule la tête de chaque file est tentée');
    await startCaf();
    await assertAllOnce('panne', total);
    await stop(worker, 'SIGTERM');
  });

  it('un travailleur tué (kill -9) au milieu d’un lot : aucun message perdu, aucun appliqué deux fois', async () => {
    const first = await startWorker();
    const total = await send('kill', 30);
    await waitFor('un lot en cours', async () => (await outbox('kill')).delivered >= nirs.length * 2);
    await stop(first, 'SIGKILL');
    const atKill = await outbox('kill');
    assert.ok(atKill.pending > 0, 'le travailleur est tué avant la fin');
    await startWorker();
    // The dead worker's claims come back after their lease; the next message's arrival wakes the new worker.
    await send('kill-reveil', 1);
    await assertAllOnce('kill', total);
  });

  it('les connexions à la base coupées (pg_terminate_backend) : aucun message perdu, aucun appliqué deux fois', async () => {
    const total = await send('coupure', 30);
    for (const threshold of [nirs.length * 2, nirs.length * 10]) {
      await waitFor('des messages livrés', async () => (await outbox('coupure')).delivered >= threshold).catch(
        async (error: Error) => {
          throw new Error(`${error.message}\n${JSON.stringify(await diagnosis('coupure'), null, 1)}`);
        },
      );
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name in ('guichet-worker', 'guichet-body-caf')`,
      );
    }
    await send('coupure-reveil', 1);
    await assertAllOnce('coupure', total);
  });

  it('refuse un message mal formé, non signé, rejoué ou non autorisé, le journalise et n’applique rien', async () => {
    const before = await cafStore('refus');
    const postToCaf = (body: unknown) =>
      fetch(`${cafUrl}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const malformed = await postToCaf({ messages: [{ envelope: { messageId: 'pas-un-uuid' }, signature: 'x' }] });
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as { code: string }).code, 'invalid_input');

    const genuine = birthToCaf(nirs[0]!, 'refus', 0);
    const forged = {
      ...genuine,
      envelope: { ...genuine.envelope, messageId: randomUUID(), idempotencyKey: 'pannes:refus:faux' },
    };
    const unsigned = await postToCaf({ messages: [forged] });
    assert.equal(unsigned.status, 200);
    const [refusal] = ((await unsigned.json()) as { acknowledgements: { status: string; code: string }[] })
      .acknowledgements;
    assert.deepEqual([refusal!.status, refusal!.code], ['rejected', 'REJ-10']);
    await waitFor('le refus est journalisé', () => caf!.output().includes('signature invalide'));

    const once = await postToCaf({ messages: [genuine] });
    const twice = await postToCaf({ messages: [genuine] });
    const acks = await Promise.all(
      [once, twice].map(
        async (response) =>
          ((await response.json()) as { acknowledgements: { isReplay: boolean }[] }).acknowledgements[0]!,
      ),
    );
    assert.deepEqual(
      acks.map((ack) => ack.isReplay),
      [false, true],
    );

    const notAllowed = signMessage(hub.embeddedKey('guichet'), {
      ...genuine.envelope,
      messageId: randomUUID(),
      idempotencyKey: 'pannes:refus:finalite',
      purpose: 'quotient_familial',
    });
    const intake = await fetch(`${url}/exchange/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [notAllowed] }),
    });
    const [result] = ((await intake.json()) as { results: { status: string; code: string }[] }).results;
    assert.deepEqual([result!.status, result!.code], ['refused', 'REJ-20']);
    const [logged] = await db.query<{ n: number }>(
      `select count(*)::int as n from exchange.message_log where message_id = $1 and event = 'refused' and code = 'REJ-20'`,
      [notAllowed.envelope.messageId],
    );
    assert.equal(logged!.n, 1);
    const [queued] = await db.query<{ n: number }>(
      `select count(*)::int as n from exchange.outbox where message_id = $1`,
      [notAllowed.envelope.messageId],
    );
    assert.equal(queued!.n, 0, 'jamais mis en file');

    const afterwards = await cafStore('refus');
    assert.equal(afterwards.received - before.received, 1, 'seul le message authentique est reçu, une fois');
    assert.equal(afterwards.births - before.births, 1);
  });
});
