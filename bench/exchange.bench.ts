// npm run bench:exchange — "tell us once" end to end with the eight bodies: births declared by
// citizens, signed, checked and queued by the hub, delivered over HTTP to each body's connector
// and applied there. On PGlite, then on PostgreSQL when TEST_DATABASE_URL is set. Prints, per target:
//   - intake: declarations/s accepted by the hub with no delivery running (8 submitters at once);
//   - sustained delivery: deliveries/s draining that backlog (the workers started after it);
//   - live: declarations sent at a fixed offered rate while the workers deliver, with declarations/s,
//     deliveries/s and p50/p99 from the start of the submission to the last body's acknowledgement;
//   - the same while one body fails 10 % of calls (half of them after applying: the answer is
//     lost) and another is down for 5 s, with the count of lost and duplicated deliveries.
// Sizes: BENCH_HOUSEHOLDS (500), BENCH_BACKLOG (1000 declarations), BENCH_LIVE (300 declarations
// per live phase), BENCH_RATE (10 declarations/s offered), BENCH_CONCURRENCY (8 submitters for the
// backlog); BENCH_TARGETS=pg or pglite for one target only. The default runs in a few minutes.
import http from 'node:http';
import net from 'node:net';
import { setBodyAvailability } from '../src/bodies/index.ts';
import { submitDeclaration } from '../src/declarations/index.ts';
import { loadHub, type Hub } from '../src/exchange/index.ts';
import { birthOf } from '../src/exchange-test-kit.ts';
import { buildGuichet, migrationSources, type Guichet } from '../src/main.ts';
import type { Db } from '../src/platform/index.ts';
import { testConfig, testDb, testLogger } from '../src/platform/testing/index.ts';
import { seedDemo } from '../src/seed.ts';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 500);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 1000);
const LIVE = Number(process.env.BENCH_LIVE ?? 300);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const FAILING_BODY = 'cpam';
const DOWN_BODY = 'dgfip';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connector in front of a body that fails one call in ten: half before it, half after (the answer is lost). */
const flakyProxy = async (target: string) => {
  let calls = 0;
  let failures = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      calls++;
      const draw = Math.random();
      if (draw < 0.05) {
        failures++;
        response.writeHead(503).end();
        return;
      }
      try {
        const answer = await fetch(`${target}${request.url!.replace(/^\/bodies\/[a-z-]+/, '')}`, {
          method: request.method,
          headers: { 'content-type': 'application/json' },
          body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await answer.arrayBuffer());
        if (draw < 0.1) {
          failures++;
          response.writeHead(502).end();
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
      } catch {
        response.writeHead(502).end();
      }
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/bodies/${FAILING_BODY}`,
    stats: () => ({ calls, failures }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** Parents with a NIR and a famille, who can declare a birth. */
const declarants = async (db: Db) =>
  (
    await db.query<{ person_id: string }>(
      `select distinct m.person_id from people.famille_members m join people.persons p on p.id = m.person_id
        where m.role = 'parents' and p.nir is not null order by m.person_id`,
    )
  ).map((row) => row.person_id);

type Submitted = { id: string; at: number };

/** Submits one birth; `at`: when the person pressed "send". */
const declareOne = async (db: Db, hub: Hub, personId: string, givenNames: string): Promise<Submitted> => {
  const at = Date.now();
  const { id } = await submitDeclaration(db, hub, { personId, input: birthOf([{ givenNames }]) });
  return { id, at };
};

const reportRefusal = (errors: number, error: unknown) => {
  if (errors < 3) console.error(`  déclaration refusée : ${(error as Error).message.slice(0, 200)}`);
};

/** Declares `count` births as fast as `CONCURRENCY` submitters can, each by the next declarant in turn. */
const declareBacklog = async (db: Db, hub: Hub, persons: string[], count: number, label: string) => {
  const submitted: Submitted[] = [];
  let next = 0;
  let errors = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const n = next++;
        try {
          submitted.push(await declareOne(db, hub, persons[n % persons.length]!, `${label}-${n}`));
        } catch (error) {
          reportRefusal(errors++, error);
        }
      }
    }),
  );
  return { submitted, errors, seconds: (Date.now() - startedAt) / 1000, startedAt };
};

/** Declares `count` births at `RATE` per second whatever the answers (an open loop, as citizens do). */
const declareLive = async (db: Db, hub: Hub, persons: string[], count: number, label: string) => {
  const submitted: Submitted[] = [];
  let errors = 0;
  const startedAt = Date.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < count; n++) {
    await sleep(startedAt + (n * 1000) / RATE - Date.now());
    pending.push(
      declareOne(db, hub, persons[n % persons.length]!, `${label}-${n}`).then(
        (declaration) => void submitted.push(declaration),
        (error: unknown) => reportRefusal(errors++, error),
      ),
    );
  }
  await Promise.all(pending);
  return { submitted, errors, seconds: (Date.now() - startedAt) / 1000, startedAt };
};

/** Waits until every message of these declarations is acknowledged (or the time is up). */
const waitDelivered = async (db: Db, ids: string[], timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ waiting: number }>(
      `select count(*)::int as waiting from exchange.outbox where correlation_id = any($1::text[]) and status <> 'delivered'`,
      [ids],
    );
    if (!row!.waiting || Date.now() > deadline) return row!.waiting;
    await sleep(100);
  }
};

const deliveryFigures = async (db: Db, run: Submitted[], fromMs: number) => {
  const rows = await db.query<{ correlation_id: string; messages: number; last: string | Date | null }>(
    `select correlation_id, count(*)::int as messages, max(delivered_at) as last from exchange.outbox
      where correlation_id = any($1::text[]) group by correlation_id`,
    [run.map((declaration) => declaration.id)],
  );
  const submittedAt = new Map(run.map((declaration) => [declaration.id, declaration.at]));
  const latencies = rows.flatMap((row) =>
    row.last ? [new Date(row.last).getTime() - submittedAt.get(row.correlation_id)!] : [],
  );
  const lastAck = Math.max(...rows.flatMap((row) => (row.last ? [new Date(row.last).getTime()] : [])));
  const messages = rows.reduce((sum, row) => sum + row.messages, 0);
  return {
    messages,
    deliveriesPerSecond: messages / ((lastAck - fromMs) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
};

/**
 * Lost: a message the hub accepted that its recipient never recorded. Duplicated: a message
 * recorded twice by its recipient, or a birth opened twice (CAF children, CNAV children per parent, civil records).
 */
const lostAndDuplicated = async (db: Db, run: Submitted[], label: string) => {
  const ids = run.map((declaration) => declaration.id);
  const inboxes = ['caf', 'cpam', 'msa', 'urssaf', 'france_travail', 'cnav', 'dgfip', 'etat_civil']
    .map((body) => `select message_id from body_${body}.inbox`)
    .join(' union all ');
  const [lost] = await db.query<{ n: number }>(
    `select count(*)::int as n from exchange.outbox o
      where o.correlation_id = any($1::text[])
        and (o.status <> 'delivered' or not exists (select 1 from (${inboxes}) i where i.message_id = o.message_id))`,
    [ids],
  );
  const [twice] = await db.query<{ n: number }>(
    `select coalesce(sum(n - 1), 0)::int as n from (
       select count(*) as n from (${inboxes}) i
        where i.message_id in (select message_id from exchange.outbox where correlation_id = any($1::text[]))
        group by i.message_id) t`,
    [ids],
  );
  const births = await db.query<{ n: number }>(
    `select coalesce(sum(n - 1), 0)::int as n from (
       select count(*) as n from body_caf.enfants where given_names like $1 group by given_names
       union all select count(*) from body_cnav.enfants where given_names like $1 group by parent_nir, given_names
       union all select count(*) from body_etat_civil.actes where given_names like $1 group by given_names) t`,
    [`${label}-%`],
  );
  const reasons = await db.query<{ recipient: string; status: string; error: string | null; n: number }>(
    `select recipient, status, left(last_error, 160) as error, count(*)::int as n from exchange.outbox
      where correlation_id = any($1::text[]) and status <> 'delivered' group by 1, 2, 3`,
    [ids],
  );
  for (const reason of reasons)
    console.log(`  non livré : ${reason.n} × ${reason.recipient} (${reason.status}) ${reason.error ?? ''}`);
  return { lost: lost!.n, duplicated: twice!.n + births[0]!.n };
};

const rounded = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—');

const benchTarget = async (target: 'pglite' | 'pg') => {
  if (target === 'pglite') delete process.env.TEST_DATABASE_URL;
  const db = await testDb(migrationSources());
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let guichet: Guichet | undefined;
  try {
    guichet = await buildGuichet({
      config: testConfig({ PUBLIC_URL: url, WORKER_CONCURRENCY: '2', EXCHANGE_RETRY_MAX_MS: '2000' }),
      db,
      logger: testLogger(),
    });
    await guichet.app.listen({ port, host: '127.0.0.1' });
    const seedStart = Date.now();
    await seedDemo(db, { households: HOUSEHOLDS, seed: 7, config: guichet.config });
    const hub = await loadHub(db, guichet.config);
    const persons = await declarants(db);
    console.log(
      `\n== ${target} : ${HOUSEHOLDS} foyers (${((Date.now() - seedStart) / 1000).toFixed(1)} s), ${persons.length} déclarants`,
    );
    let isSound = true;
    /** Waits for the phase's messages, prints its figures, counts what was lost or applied twice. */
    const settle = async (phase: Awaited<ReturnType<typeof declareLive>>, label: string, fromMs: number) => {
      const ids = phase.submitted.map((declaration) => declaration.id);
      const left = await waitDelivered(db, ids, 300_000);
      const figures = await deliveryFigures(db, phase.submitted, fromMs);
      const { lost, duplicated } = await lostAndDuplicated(db, phase.submitted, label);
      isSound &&= lost === 0 && duplicated === 0;
      const notes = [left ? `${left} non livrés` : '', phase.errors ? `${phase.errors} refusées` : ''].filter(Boolean);
      return {
        ...figures,
        summary: `${figures.messages} messages, ${rounded(figures.deliveriesPerSecond)} livraisons/s, perdues ${lost}, en double ${duplicated}${notes.length ? ` (${notes.join(', ')})` : ''}`,
      };
    };

    // 1. A backlog: the declarations first (the hub's intake alone), then the workers drain it.
    const backlog = await declareBacklog(db, hub, persons, BACKLOG, 'Stock');
    // Statistics as a running hub has them (autovacuum; an hourly analyze on PGlite): this database
    // is minutes old, and its planner would take the thousands of waiting messages for none.
    await db.exec('analyze');
    const drainStart = Date.now();
    guichet.workers.start();
    const drained = await settle(backlog, 'Stock', drainStart);
    console.log(
      `  réception : ${backlog.submitted.length} déclarations à ${rounded(backlog.submitted.length / backlog.seconds)}/s (${CONCURRENCY} en parallèle, sans livraison)`,
    );
    console.log(`  livraison soutenue (stock) : ${drained.summary}`);

    // 2. Live: declarations at a fixed rate while the workers deliver.
    const live = await declareLive(db, hub, persons, LIVE, 'Direct');
    const liveFigures = await settle(live, 'Direct', live.startedAt);
    console.log(
      `  en direct (${RATE} déclarations/s offertes) : ${rounded(live.submitted.length / live.seconds)} déclarations/s, ${liveFigures.summary} ; envoi → dernier acquittement p50 ${liveFigures.p50} ms, p99 ${liveFigures.p99} ms`,
    );

    // 3. Faults: one body fails 10 % of calls, another is down for 5 s.
    const proxy = await flakyProxy(`${url}/bodies/${FAILING_BODY}`);
    await db.query('update exchange.parties set base_url = $1 where id = $2', [proxy.url, FAILING_BODY]);
    setBodyAvailability(DOWN_BODY, false);
    const downFor = setTimeout(() => setBodyAvailability(DOWN_BODY, true), 5_000);
    const faulty = await declareLive(db, hub, persons, LIVE, 'Panne');
    const faultyFigures = await settle(faulty, 'Panne', faulty.startedAt);
    clearTimeout(downFor);
    setBodyAvailability(DOWN_BODY, true);
    const { calls, failures } = proxy.stats();
    console.log(
      `  avec pannes (${FAILING_BODY} : ${failures} appels sur ${calls} en échec ; ${DOWN_BODY} arrêté 5 s) : ${rounded(faulty.submitted.length / faulty.seconds)} déclarations/s, ${faultyFigures.summary} ; p50 ${faultyFigures.p50} ms, p99 ${faultyFigures.p99} ms`,
    );
    await proxy.close();
    return isSound;
  } finally {
    if (guichet) await guichet.stop();
    else await db.close();
  }
};

// BENCH_TARGETS=pg (or pglite) to measure one only.
const targets = (process.env.BENCH_TARGETS ?? 'pglite,pg').split(',');
const postgresUrl = process.env.TEST_DATABASE_URL;
let isSound = true;
if (targets.includes('pglite')) isSound = await benchTarget('pglite');
if (targets.includes('pg') && postgresUrl) {
  process.env.TEST_DATABASE_URL = postgresUrl;
  isSound = (await benchTarget('pg')) && isSound;
} else if (targets.includes('pg'))
  console.log('\n(PostgreSQL : définissez TEST_DATABASE_URL pour mesurer aussi sur un serveur)');
if (!isSound) process.exitCode = 1;
