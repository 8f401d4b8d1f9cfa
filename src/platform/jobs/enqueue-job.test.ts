import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../../main.ts';
import type { Db } from '../db/index.ts';
import { testDb } from '../testing/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import { getJob } from './get-job.ts';
import { listJobs } from './list-jobs.ts';
import { purgeDoneJobs } from './purge-done-jobs.ts';
import { claimJobs } from './queue.ts';
import { createJobRegistry } from './registry.ts';

describe('mise en file des travaux', () => {
  let db: Db;
  before(async () => {
    db = await testDb(migrationSources());
  });
  after(() => db.close());

  it('ne crée pas de doublon pour une clé d’idempotence déjà utilisée, et rend le travail existant', async () => {
    const first = await enqueueJob(db, { type: 'test.send-letter', payload: { to: 'a' }, idempotencyKey: 'letter-42' });
    const second = await db.transaction((tx) =>
      enqueueJob(tx, { type: 'test.send-letter', payload: { to: 'b' }, idempotencyKey: 'letter-42' }),
    );
    assert.equal(second, first);
    const { jobs } = await listJobs(db, { type: 'test.send-letter' });
    assert.equal(jobs.length, 1);
    assert.deepEqual(jobs[0]!.payload, { to: 'a' });
  });

  it('garde la date d’exécution et le nombre d’essais demandés', async () => {
    const id = await enqueueJob(db, { type: 'test.later', runAt: '2030-01-02T03:04:05.000Z', maxAttempts: 3 });
    const job = await getJob(db, id);
    assert.equal(job.runAt, '2030-01-02T03:04:05.000Z');
    assert.equal(job.maxAttempts, 3);
    assert.equal(job.status, 'queued');
    assert.equal(job.attempts, 0);
  });

  it('liste les plus récents d’abord, filtre par état et par type, et compte par état', async () => {
    const { jobs, counts } = await listJobs(db, { limit: 1 });
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]!.type, 'test.later');
    assert.deepEqual(counts, { queued: 2, running: 0, done: 0, dead: 0 });
    assert.equal((await listJobs(db, { status: 'dead' })).jobs.length, 0);
  });

  it('efface les travaux terminés anciens, et garde les autres', async () => {
    const old = await enqueueJob(db, { type: 'test.old' });
    const recent = await enqueueJob(db, { type: 'test.recent' });
    await db.query(
      "update platform.jobs set status = 'done', finished_at = now() - case when id = $1 then interval '40 days' else interval '1 hour' end where id in ($1, $2)",
      [old, recent],
    );
    assert.equal(await purgeDoneJobs(db, { olderThanMs: 30 * 24 * 3600 * 1000 }), 1);
    await assert.rejects(getJob(db, old), { status: 404 });
    assert.equal((await getJob(db, recent)).status, 'done');
  });

  it('fait passer les travaux urgents avant les autres, et le travail de fond en dernier', async () => {
    // Only this test's jobs in the queue.
    await db.query(`update platform.jobs set status = 'done', finished_at = now() where status = 'queued'`);
    const background = await enqueueJob(db, { type: 'test.enrol', priority: 'background' });
    const normal = await enqueueJob(db, { type: 'test.follow-up' });
    const later = await enqueueJob(db, { type: 'test.deliver', priority: 'urgent', runAt: '2099-01-01T00:00:00Z' });
    const urgent = await enqueueJob(db, { type: 'test.deliver', priority: 'urgent' });
    const order: number[] = [];
    for (let claim = 0; claim < 4; claim++)
      order.push(...(await claimJobs(db, { workerId: 'w', limit: 1, leaseMs: 60_000 })).map((job) => job.id));
    assert.deepEqual(order, [urgent, normal, background]);
    assert.equal((await getJob(db, later)).status, 'queued');
    assert.deepEqual(await claimJobs(db, { workerId: 'w', limit: 5, leaseMs: 60_000 }), []);
  });

  it('une rafale d’écritures ne met en file qu’un passage, qui ne part qu’une fois elles visibles', async () => {
    await db.query(`update platform.jobs set status = 'done', finished_at = now() where status = 'queued'`);
    const claim = () => claimJobs(db, { workerId: 'w', limit: 5, leaseMs: 60_000 });
    const first = await enqueueJob(db, { type: 'test.drain', joinQueued: true });
    assert.equal(await enqueueJob(db, { type: 'test.drain', joinQueued: true }), first);
    await db.transaction(async (tx) => {
      assert.equal(await enqueueJob(tx, { type: 'test.drain', joinQueued: true }), first);
      // On a server, a worker claiming meanwhile skips the job (PGlite waits for the transaction).
      if (db.kind === 'pg') assert.deepEqual(await claim(), []);
    });
    assert.deepEqual(
      (await claim()).map((job) => job.id),
      [first],
    );
    // A run already started may have read before the new writes: a new one is queued.
    assert.notEqual(await enqueueJob(db, { type: 'test.drain', joinQueued: true }), first);
  });

  it('refuse au démarrage un type de travail déclaré deux fois', () => {
    const handler = async () => {};
    assert.throws(
      () =>
        createJobRegistry([
          { name: 'a', jobs: { 'shared.job': handler } },
          { name: 'b', jobs: { 'shared.job': handler } },
        ]),
      /déclaré deux fois : shared\.job/,
    );
  });
});
