import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../../main.ts';
import type { Db } from '../db/index.ts';
import { listJobs } from '../jobs/list-jobs.ts';
import { createJobRegistry, subscriberJobType } from '../jobs/registry.ts';
import type { JobContext } from '../jobs/job.ts';
import { createWorker } from '../jobs/worker.ts';
import { testDb, testLogger } from '../testing/index.ts';
import type { DomainEvent } from './event.ts';
import { publishEvent } from './publish-event.ts';

const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`délai dépassé en attendant : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

type BirthDeclared = { childFirstName: string };

describe('événements du domaine', () => {
  let db: Db;
  const calendar: string[] = [];
  const registry = createJobRegistry([
    {
      name: 'journeys',
      subscribers: {
        'people.birth-declared': {
          'start-journey': async (event: DomainEvent<BirthDeclared>) => {
            calendar.push(`${event.subject}:${event.payload.childFirstName}`);
          },
        },
      },
    },
    {
      name: 'notifications',
      subscribers: {
        'people.birth-declared': {
          // The mail server is down for the first two attempts, whatever the machine's speed.
          notify: async (_event: DomainEvent, { attempt }: JobContext) => {
            if (attempt <= 2) throw new Error('serveur de courriel indisponible');
          },
        },
      },
    },
  ]);

  before(async () => {
    db = await testDb(migrationSources());
  });
  after(() => db.close());

  it('enregistre l’événement et un travail par abonné, dans la même transaction', async () => {
    const event = await db.transaction((tx) =>
      publishEvent(
        tx,
        { type: 'people.birth-declared', subject: 'person-1', payload: { childFirstName: 'Léa' } },
        registry,
      ),
    );
    assert.equal(event.recordedBy, 'people');
    assert.equal(event.subject, 'person-1');
    const { jobs } = await listJobs(db);
    assert.deepEqual(jobs.map((job) => job.type).sort(), [
      subscriberJobType('people.birth-declared', 'journeys', 'start-journey'),
      subscriberJobType('people.birth-declared', 'notifications', 'notify'),
    ]);
    assert.deepEqual(jobs[0]!.payload, event);
  });

  it('n’enregistre rien, ni événement ni travail, quand la transaction est annulée', async () => {
    const [beforeRollback] = await db.query<{ events: number; jobs: number }>(
      'select (select count(*)::int from platform.events) as events, (select count(*)::int from platform.jobs) as jobs',
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await publishEvent(
          tx,
          { type: 'people.birth-declared', subject: 'person-2', payload: { childFirstName: 'Tom' } },
          registry,
        );
        throw new Error('la déclaration est incomplète');
      }),
      /la déclaration est incomplète/,
    );
    const [afterRollback] = await db.query<{ events: number; jobs: number }>(
      'select (select count(*)::int from platform.events) as events, (select count(*)::int from platform.jobs) as jobs',
    );
    assert.deepEqual(afterRollback, beforeRollback);
  });

  it('refuse de modifier ou d’effacer un événement enregistré', async () => {
    const event = await publishEvent(db, { type: 'people.moved', subject: 'person-3' }, registry);
    await assert.rejects(db.query("update platform.events set subject = 'x' where id = $1", [event.id]), /ajout seul/);
    await assert.rejects(db.query('delete from platform.events where id = $1', [event.id]), /ajout seul/);
    await assert.rejects(db.query('truncate platform.events'), /ajout seul/);
    const [row] = await db.query<{ subject: string }>('select subject from platform.events where id = $1', [event.id]);
    assert.equal(row!.subject, 'person-3');
  });

  it('réessaie seul l’abonné en échec, sans rejouer les autres', async () => {
    const worker = createWorker({ db, logger: testLogger(), registry, pollIntervalMs: 20, retryDelay: () => 5 });
    worker.start();
    const notifyType = subscriberJobType('people.birth-declared', 'notifications', 'notify');
    await waitFor(async () => (await listJobs(db)).counts.done === 2, 'les deux abonnés servis');
    await worker.stop();
    assert.deepEqual(calendar, ['person-1:Léa']);
    assert.equal((await listJobs(db, { type: notifyType })).jobs[0]!.attempts, 3);
  });

  it('enregistre l’événement sans travail quand personne ne l’écoute', async () => {
    const jobCount = (await listJobs(db)).jobs.length;
    await publishEvent(db, { type: 'people.nobody-listens', recordedBy: 'people' }, registry);
    assert.equal((await listJobs(db)).jobs.length, jobCount);
  });
});
