import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, parisDate } from '../platform/index.ts';
import { expectedBirthForFirstExam, seedAndLogIn, testGuichet } from '../testing.ts';
import { personCalendars } from './person-journeys.ts';
import { enrolInJourneys, enrolOnDeclaration, remindPerson } from './reminders.ts';

/** The journeys' subscriber run on the declaration just submitted, as its background job would. */
const enrolOnLastDeclaration = async (context: Parameters<typeof enrolOnDeclaration>[1]) => {
  const [event] = await context.db.query<{ id: number; subject: string; payload: unknown; occurred_at: string }>(
    `select id, subject, payload, occurred_at from platform.events where type = 'declarations.submitted'
      order by id desc limit 1`,
  );
  await enrolOnDeclaration(
    {
      id: event!.id,
      type: 'declarations.submitted',
      subject: event!.subject,
      payload: event!.payload as never,
      occurredAt: event!.occurred_at,
      recordedBy: 'declarations',
    },
    context,
  );
};

describe('rappels des étapes du parcours', async () => {
  const guichet = await testGuichet();
  const { app, db, config, logger } = guichet;
  let personId: string;
  let camille: { cookie: string; 'x-csrf-token': string };

  before(async () => {
    const logIn = await seedAndLogIn(guichet);
    camille = await logIn('camille.martin@demo.guichet.fr');
    personId = (await app.inject({ url: '/api/v1/session', headers: camille })).json().user.personId;
  });

  const context = { jobId: 1, attempt: 1, db, config, logger, signal: new AbortController().signal };
  const notificationsOf = (id: string) =>
    // The notifications module's table, read at this test's edge to see what it was handed.
    db.query<{ dedupe_key: string; title_fr: string; due_at: string }>(
      'select dedupe_key, title_fr, due_at from notifications.notifications where person_id = $1 order by dedupe_key',
      [id],
    );

  it('confie chaque rappel du jour et du lendemain aux notifications, une seule fois, puis se reprogramme', async () => {
    const [calendar] = await personCalendars(db, personId, '2026-11-24');
    const step = calendar!.steps.find((candidate) => candidate.reminders.some((r) => r.on > '2026-11-24'))!;
    const day = step.reminders.find((r) => r.on > '2026-11-24')!.on;
    await db.transaction((tx) => enrolInJourneys(tx, personId, day));
    await remindPerson({ personId, date: day }, context);
    await remindPerson({ personId, date: day }, context);
    const sent = (await notificationsOf(personId)).filter((row) => row.dedupe_key.includes(`:${step.id}:`));
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.title_fr, new RegExp(step.title.fr.replace(/[()]/g, '.')));
    // 9:00 in Paris is 8:00 UTC in winter, 7:00 in summer.
    assert.match(new Date(sent[0]!.due_at).toISOString(), new RegExp(`^${day}T0[78]:00`));
    const next = await db.query<{ run_at: string }>(
      `select run_at from platform.jobs where type = 'journeys.remind-person' and payload->>'personId' = $1
        and payload->>'date' > $2`,
      [personId, day],
    );
    assert.equal(next.length, 1);
  });

  it('inscrit les deux parents aux rappels quand une grossesse est déclarée', async () => {
    const declared = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: camille,
      payload: { type: 'grossesse', expectedOn: '2027-04-12', pregnantPerson: 'declarant' },
    });
    assert.equal(declared.statusCode, 201, declared.body);
    const jobs = await db.query(
      `select 1 from platform.jobs where type = 'event:declarations.submitted:journeys.enrol-parents'`,
    );
    assert.equal(jobs.length, 1, 'un travail de fond par abonné');
    await enrolOnLastDeclaration(context);
    const enrolled = await db.query('select person_id from journeys.enrolments');
    assert.ok(enrolled.length >= 2, 'Camille et Julien');
  });
});

describe('rappels du jour même', async () => {
  const guichet = await testGuichet();
  const { app, db, config, logger } = guichet;
  const context = { jobId: 1, attempt: 1, db, config, logger, signal: new AbortController().signal };

  it('une étape que Camille déclare après la tournée du jour lui est rappelée le jour même', async () => {
    const camille = await (await seedAndLogIn(guichet))('camille.martin@demo.guichet.fr');
    const personId = (await app.inject({ url: '/api/v1/session', headers: camille })).json().user.personId;
    const today = parisDate(Date.now());
    // Already on the reminder runs, and today's run is over.
    await db.transaction((tx) => enrolInJourneys(tx, personId, today));
    await remindPerson({ personId, date: today }, context);
    await db.query(
      `update platform.jobs set status = 'done', finished_at = now()
        where type = 'journeys.remind-person' and payload->>'personId' = $1 and payload->>'date' = $2`,
      [personId, today],
    );
    // A pregnancy whose 1st prenatal examination is due in a week: its reminder, a week before, is today.
    const expectedOn = expectedBirthForFirstExam(addDays(today, 7));
    const declared = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: camille,
      payload: { type: 'grossesse', expectedOn, pregnantPerson: 'declarant' },
    });
    assert.equal(declared.statusCode, 201, declared.body);
    await enrolOnLastDeclaration(context);
    const runs = await db.query<{ payload: { personId: string; date: string } }>(
      `select payload from platform.jobs
        where type = 'journeys.remind-person' and status = 'queued' and payload->>'personId' = $1 and payload->>'date' = $2`,
      [personId, today],
    );
    assert.equal(runs.length, 1, 'une tournée de plus aujourd’hui');
    await remindPerson(runs[0]!.payload, context);
    const reminders = await db.query<{ title_fr: string; due_at: string }>(
      `select title_fr, due_at from notifications.notifications where person_id = $1 and title_fr = $2`,
      [personId, 'Bientôt : 1er examen prénatal'],
    );
    assert.equal(reminders.length, 1);
    assert.equal(parisDate(Date.parse(reminders[0]!.due_at)), today);
  });
});
