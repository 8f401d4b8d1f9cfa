import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { testConfig, testLogger } from '../platform/testing/index.ts';
import { logInAs, testGuichet } from '../testing.ts';
import { appointmentsModule } from './index.ts';
import { REMINDER_JOB } from './reminders.ts';
import { bookAppointment } from './reserve-slot.ts';
import { createFixture } from './test-fixtures.ts';

// Tuesday 2 March 2027, 10:00 Paris; booked on Monday 1 March at 07:00 Paris.
const STARTS_AT = '2027-03-02T09:00:00.000Z';
const NOW = Date.parse('2027-03-01T06:00:00Z');

describe('rappels de rendez-vous', async () => {
  const guichet = await testGuichet();
  const { app, db } = guichet;

  it('le rappel 2 h avant arrive dans le centre de notifications de la personne, une seule fois, avec le lien du rendez-vous', async () => {
    const { reasonId } = await createFixture(db);
    const personId = randomUUID();
    const booked = await bookAppointment(
      db,
      { personId, reasonId, channel: 'video', startsAt: STARTS_AT },
      { now: NOW },
    );
    const jobs = await db.query<{ payload: unknown }>(
      `select payload from platform.jobs where type = $1 and payload->>'appointmentId' = $2 and payload->>'kind' = '2h'`,
      [REMINDER_JOB, booked.id],
    );
    assert.equal(jobs.length, 1);
    const context = {
      jobId: 0,
      attempt: 1,
      db,
      config: testConfig(),
      logger: testLogger(),
      signal: new AbortController().signal,
    };
    // Run twice, as a retried job would: one notification.
    await appointmentsModule.jobs![REMINDER_JOB]!(jobs[0]!.payload, context);
    await appointmentsModule.jobs![REMINDER_JOB]!(jobs[0]!.payload, context);

    const { cookie } = await logInAs(guichet, {
      accountId: randomUUID(),
      role: 'citizen',
      displayName: 'Camille Martin',
      personId,
    });
    const response = await app.inject({ url: '/api/v1/notifications', headers: { cookie } });
    assert.equal(response.statusCode, 200);
    const { items, unreadCount } = response.json();
    assert.equal(unreadCount, 1);
    assert.equal(items[0].kind, 'appointment-reminder');
    assert.equal(items[0].title.fr, 'Rendez-vous dans 2 heures : Comprendre mes droits après une naissance');
    assert.equal(items[0].title.en, 'Appointment in 2 hours: Comprendre mes droits après une naissance');
    assert.match(items[0].body.fr, /en visio .* mardi 2 mars 2027 à 10 h 00, heure de Paris/);
    assert.equal(items[0].link, `/mes-rendez-vous/${booked.id}`);
  });
});
