import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../../main.ts';
import { openPg, type Db } from '../db/index.ts';
import { testDb, testLogger } from '../testing/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import { getJob } from './get-job.ts';
import type { JobHandler } from './job.ts';
import { createJobRegistry } from './registry.ts';
import { retryJob } from './retry-job.ts';
import { createWorker, retryDelayMs, type WorkerOptions } from './worker.ts';

// Waits for a condition read from the database; the timeout is generous, never asserted.
const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`délai dépassé en attendant : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const sameDatabaseUrl = async (db: Db) => {
  const [{ name }] = (await db.query<{ name: string }>('select current_database() as name')) as [{ name: string }];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
};

const statusOf = async (db: Db, id: number) => (await getJob(db, id)).status;

describe('travailleur de la file de travaux', () => {
  let db: Db;
  const runs: number[] = [];
  const failures = new Map<number, number>();
  let releaseSlowJob: () => void = () => {};
  let slowJobStarted: () => void = () => {};

  const handlers: Record<string, JobHandler> = {
    'test.record': async (payload: { value: number }) => {
      runs.push(payload.value);
    },
    'test.always-fails': async (_payload, { jobId }) => {
      failures.set(jobId, (failures.get(jobId) ?? 0) + 1);
      throw new Error('le service de la caisse ne répond pas');
    },
    'test.fails-until-retried': async (_payload, { jobId }) => {
      if ((failures.get(jobId) ?? 0) < 1) {
        failures.set(jobId, 1);
        throw new Error('première fois en échec');
      }
    },
    'test.slow': async () => {
      slowJobStarted();
      await new Promise<void>((resolve) => (releaseSlowJob = resolve));
    },
    'test.never-ends': (_payload, { signal }) =>
      new Promise<void>((_resolve, reject) => {
        slowJobStarted();
        signal.addEventListener('abort', () => reject(new Error('interrompu')));
      }),
  };
  const registry = createJobRegistry([{ name: 'test', jobs: handlers }]);
  // Each of the two concurrent workers signs its runs, to show both took part.
  const recordOnceAs =
    (worker: string): JobHandler<{ n: number }> =>
    async (payload, { jobId, db: jobDb }) => {
      await jobDb.query('insert into public.job_runs (job_id, n, worker) values ($1, $2, $3)', [
        jobId,
        payload.n,
        worker,
      ]);
    };
  const registryOf = (worker: string) =>
    createJobRegistry([{ name: 'test', jobs: { 'test.record-once': recordOnceAs(worker) } }]);
  const startWorker = (options: Partial<WorkerOptions> = {}) => {
    const worker = createWorker({
      db,
      logger: testLogger(),
      registry,
      pollIntervalMs: 20,
      retryDelay: () => 5,
      ...options,
    });
    worker.start();
    return worker;
  };

  before(async () => {
    db = await testDb(migrationSources());
    await db.exec(
      'create table public.job_runs (job_id bigint primary key, n int not null unique, worker text not null)',
    );
  });
  after(() => db.close());

  it('exécute un travail une seule fois et le marque terminé', async () => {
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.record', payload: { value: 41 } });
    await waitFor(async () => (await statusOf(db, id)) === 'done', 'travail terminé');
    await worker.stop();
    const job = await getJob(db, id);
    assert.deepEqual(runs, [41]);
    assert.equal(job.attempts, 1);
    assert.equal(job.lockedBy, null);
    assert.ok(job.finishedAt);
  });

  it('réessaie un travail en échec plus tard, puis le met de côté (dead) avec son erreur', async () => {
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.always-fails', maxAttempts: 3 });
    await waitFor(async () => (await statusOf(db, id)) === 'dead', 'travail mis de côté');
    await worker.stop();
    const job = await getJob(db, id);
    assert.equal(failures.get(id), 3);
    assert.equal(job.attempts, 3);
    assert.match(job.lastError ?? '', /le service de la caisse ne répond pas/);
    assert.ok(job.finishedAt);
  });

  it('repousse le nouvel essai selon un délai exponentiel', async () => {
    const worker = startWorker({ retryDelay: retryDelayMs });
    const id = await enqueueJob(db, { type: 'test.always-fails', maxAttempts: 5 });
    await waitFor(
      async () => (await getJob(db, id)).attempts === 1 && (await statusOf(db, id)) === 'queued',
      'premier échec',
    );
    await worker.stop();
    const [row] = await db.query<{ delay: number }>(
      'select extract(epoch from run_at - now()) as delay from platform.jobs where id = $1',
      [id],
    );
    // 2^1 s with ±25 % jitter, minus the moments spent since the failure.
    assert.ok(Number(row!.delay) > 0.5, `délai ${row!.delay}`);
    assert.ok(Number(row!.delay) <= 2.5, `délai ${row!.delay}`);
  });

  it('calcule des délais de 2^n secondes, avec ±25 % de hasard et plafonnés à une heure', () => {
    assert.equal(
      retryDelayMs(1, () => 0.5),
      2000,
    );
    assert.equal(
      retryDelayMs(3, () => 0.5),
      8000,
    );
    assert.equal(
      retryDelayMs(3, () => 0),
      6000,
    );
    assert.equal(
      retryDelayMs(3, () => 1),
      10_000,
    );
    assert.equal(
      retryDelayMs(30, () => 0.5),
      3_600_000,
    );
  });

  it('relance un travail mis de côté, avec ses essais remis à zéro', async () => {
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.fails-until-retried', maxAttempts: 1 });
    await waitFor(async () => (await statusOf(db, id)) === 'dead', 'travail mis de côté');
    const retried = await retryJob(db, id);
    assert.equal(retried.status, 'queued');
    assert.equal(retried.attempts, 0);
    await waitFor(async () => (await statusOf(db, id)) === 'done', 'travail relancé terminé');
    await worker.stop();
    assert.equal((await getJob(db, id)).attempts, 1);
  });

  it('refuse de relancer un travail qui n’est pas mis de côté, et dit pourquoi', async () => {
    const id = await enqueueJob(db, { type: 'test.record', payload: { value: 0 }, runAt: '2999-01-01T00:00:00Z' });
    await assert.rejects(retryJob(db, id), { code: 'job_not_dead', status: 409 });
    await assert.rejects(retryJob(db, 999_999), { code: 'not_found', status: 404 });
  });

  it('met de côté un travail dont aucun module ne déclare le type, avec une erreur claire', async () => {
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.nobody-knows-me', maxAttempts: 5 });
    await waitFor(async () => (await statusOf(db, id)) === 'dead', 'travail inconnu mis de côté');
    await worker.stop();
    const job = await getJob(db, id);
    assert.equal(job.attempts, 1);
    assert.match(job.lastError ?? '', /Type de travail inconnu « test\.nobody-knows-me »/);
  });

  it('reprend un travail dont le bail a expiré (travailleur arrêté brutalement)', async () => {
    const [{ id }] = (await db.query<{ id: number }>(
      `insert into platform.jobs (type, payload, status, attempts, locked_by, locked_until)
       values ('test.record', '{"value": 7}', 'running', 1, 'crashed-worker', now() - interval '1 minute')
       returning id`,
    )) as [{ id: number }];
    const [{ id: lastTry }] = (await db.query<{ id: number }>(
      `insert into platform.jobs (type, payload, status, attempts, max_attempts, locked_by, locked_until)
       values ('test.record', '{"value": 8}', 'running', 2, 2, 'crashed-worker', now() - interval '1 minute')
       returning id`,
    )) as [{ id: number }];
    const worker = startWorker();
    await waitFor(async () => (await statusOf(db, id)) === 'done', 'travail repris');
    await waitFor(async () => (await statusOf(db, lastTry)) === 'dead', 'dernier essai mis de côté');
    await worker.stop();
    assert.equal((await getJob(db, id)).attempts, 2);
    assert.ok(runs.includes(7));
    assert.ok(!runs.includes(8));
    assert.match((await getJob(db, lastTry)).lastError ?? '', /Bail expiré/);
  });

  it('écrit le résultat d’un travail après une coupure de la connexion, sans attendre la fin du bail', async () => {
    let cuts = 0;
    const cutOnce: Db = {
      ...db,
      query: (async (text: string, params?: readonly unknown[]) => {
        if (text.includes("set status = 'done'") && cuts++ === 0)
          throw new Error('terminating connection due to administrator command');
        return db.query(text, params);
      }) as Db['query'],
    };
    const worker = startWorker({ db: cutOnce, leaseMs: 10 * 60 * 1000 });
    const id = await enqueueJob(db, { type: 'test.record', payload: { value: 42 } });
    await waitFor(async () => (await statusOf(db, id)) === 'done', 'résultat écrit au second essai');
    await worker.stop();
    assert.equal(cuts, 2, 'une écriture coupée, puis une réussie');
    assert.equal((await getJob(db, id)).attempts, 1, 'le travail n’a pas été repris');
  });

  it('laisse finir le travail en cours quand on arrête le travailleur', async () => {
    const started = new Promise<void>((resolve) => (slowJobStarted = resolve));
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.slow' });
    await started;
    const stopped = worker.stop({ graceMs: 60_000 });
    assert.equal(await statusOf(db, id), 'running');
    releaseSlowJob();
    await stopped;
    assert.equal(await statusOf(db, id), 'done');
  });

  it('rend à la file le travail qui ne finit pas dans le délai de grâce', async () => {
    const started = new Promise<void>((resolve) => (slowJobStarted = resolve));
    const worker = startWorker();
    const id = await enqueueJob(db, { type: 'test.never-ends' });
    await started;
    await worker.stop({ graceMs: 50 });
    const job = await getJob(db, id);
    assert.equal(job.status, 'queued');
    assert.equal(job.attempts, 0);
    assert.equal(job.lockedBy, null);
    await db.query("update platform.jobs set status = 'dead', finished_at = now() where id = $1", [id]);
  });

  it('deux travailleurs en parallèle exécutent 200 travaux chacun exactement une fois', async () => {
    await db.query(
      `insert into platform.jobs (type, payload)
       select 'test.record-once', jsonb_build_object('n', n) from generate_series(1, 200) as n`,
    );
    // On a server, the second worker has its own connection pool, as a second process would.
    const otherDb = db.kind === 'pg' ? await openPg(await sameDatabaseUrl(db), 4) : db;
    const workers = [
      startWorker({ concurrency: 3, registry: registryOf('a') }),
      startWorker({ db: otherDb, concurrency: 3, registry: registryOf('b') }),
    ];
    await waitFor(
      async () =>
        Number(
          (
            await db.query<{ count: number }>(
              "select count(*)::int as count from platform.jobs where type = 'test.record-once' and status = 'done'",
            )
          )[0]!.count,
        ) === 200,
      '200 travaux terminés',
      60_000,
    );
    await Promise.all(workers.map((worker) => worker.stop()));
    if (otherDb !== db) await otherDb.close();
    const [summary] = await db.query<{ runs: number; retried: number; workers: number }>(
      `select (select count(*)::int from public.job_runs) as runs,
              (select count(*)::int from platform.jobs where type = 'test.record-once' and (attempts <> 1 or last_error is not null)) as retried,
              (select count(distinct worker)::int from public.job_runs) as workers`,
    );
    assert.equal(summary!.runs, 200);
    assert.equal(summary!.retried, 0);
    assert.equal(summary!.workers, 2);
  });
});
