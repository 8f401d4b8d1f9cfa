import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parisDate } from '../platform/index.ts';
import { seedDemo } from '../seed.ts';
import { testGuichet } from '../testing.ts';
import { personCalendars } from './person-journeys.ts';
import { ENROL_JOB, enrolPersonsFromFiles, REMIND_JOB, remindPerson } from './reminders.ts';

describe('rappels des parcours lus dans le dossier, sans ouvrir le calendrier', async () => {
  const guichet = await testGuichet();
  const { db, config, logger } = guichet;
  const context = { jobId: 1, attempt: 1, db, config, logger, signal: new AbortController().signal };
  // The people and jobs tables, read at this test's edge: who is who, and what was scheduled.
  const personId = async (email: string) =>
    (await db.query<{ id: string }>('select id from people.persons where email = $1', [email]))[0]!.id;

  it('inscrit dès le chargement Élodie (handicap) et Camille (grossesse), pas Maxime, et rappelle son dossier MDPH à Élodie', async () => {
    await seedDemo(db, { households: 5, seed: 9 });
    // The workers' part: each chunk of the population, read by its job.
    const chunks = await db.query<{ payload: { personIds: string[] } }>(
      'select payload from platform.jobs where type = $1',
      [ENROL_JOB],
    );
    assert.ok(chunks.length >= 1);
    for (const { payload } of chunks) await enrolPersonsFromFiles(payload, context);
    const [elodie, camille, maxime] = await Promise.all(
      ['elodie.fontaine', 'camille.martin', 'maxime.girard'].map((name) => personId(`${name}@demo.guichet.fr`)),
    );
    const enrolled = new Set(
      (await db.query<{ person_id: string }>('select person_id from journeys.enrolments')).map((row) => row.person_id),
    );
    assert.ok(enrolled.has(elodie!), 'Élodie');
    assert.ok(enrolled.has(camille!), 'Camille');
    assert.ok(!enrolled.has(maxime!), 'Maxime n’est sur aucun parcours');
    const runs = await db.query<{ date: string }>(
      `select payload->>'date' as date from platform.jobs where type = $1 and payload->>'personId' = $2`,
      [REMIND_JOB, elodie],
    );
    assert.deepEqual(
      runs.map((run) => run.date),
      [parisDate(Date.now())],
    );
    // The day of her first reminder, her run reminds her of the MDPH file without her ever visiting.
    const [disability] = await personCalendars(db, elodie!, parisDate(Date.now()));
    const day = disability!.steps.flatMap((step) => step.reminders.map((reminder) => reminder.on)).sort()[0]!;
    await remindPerson({ personId: elodie!, date: day }, context);
    const reminders = await db.query<{ dedupe_key: string }>(
      'select dedupe_key from notifications.notifications where person_id = $1',
      [elodie],
    );
    assert.ok(
      reminders.some((row) => row.dedupe_key.startsWith(`journeys:${elodie}:handicap:`)),
      JSON.stringify(reminders),
    );
  });
});
