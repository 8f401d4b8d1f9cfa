import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { createJobRegistry, installJobRegistry, type Db } from '../platform/index.ts';
import { testConfig, testDatabaseKind, testDb, testLogger } from '../platform/testing/index.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { confirmHold } from './confirm-hold.ts';
import { appointmentsModule } from './index.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { bookAppointment, holdSlot } from './reserve-slot.ts';
import { SlotTakenError } from './slot-errors.ts';
import { createFixture } from './test-fixtures.ts';

// Monday 1 March 2027, 07:00 Paris.
const NOW = Date.parse('2027-03-01T06:00:00Z');
const TUESDAY_9 = '2027-03-02T08:00:00.000Z';
const MINUTE = 60_000;

describe('réserver un créneau', () => {
  let db: Db;
  before(async () => {
    db = await testDb(migrationSources());
    installJobRegistry(createJobRegistry([appointmentsModule]));
  });
  after(() => db.close());

  const refusal =
    (code: string, field = 'startsAt') =>
    (error: { code: string; field?: string; status: number }) => {
      assert.equal(error.code, code);
      assert.equal(error.field, field);
      return true;
    };

  it('retient un créneau 10 minutes puis le confirme : événement et rappels 48 h et 2 h avant', async () => {
    const { reasonId } = await createFixture(db);
    const personId = randomUUID();
    const hold = await holdSlot(
      db,
      { personId, reasonId, channel: 'video', startsAt: '2027-03-05T09:00:00Z' },
      { now: NOW },
    );
    assert.equal(hold.status, 'held');
    assert.equal(hold.holdExpiresAt, new Date(NOW + 10 * MINUTE).toISOString());
    const booked = await confirmHold(db, { personId, holdId: hold.id }, { now: NOW + MINUTE });
    assert.equal(booked.status, 'booked');
    assert.equal(booked.label.fr, 'vendredi 5 mars 2027 à 10 h 00');
    const [event] = await db.query<{ type: string; subject: string; payload: { appointmentId: string } }>(
      `select type, subject, payload from platform.events where payload->>'appointmentId' = $1`,
      [booked.id],
    );
    assert.equal(event!.type, 'appointments.booked');
    assert.equal(event!.subject, personId);
    const jobs = await db.query<{ run_at: Date | string; payload: { kind: string } }>(
      `select run_at, payload from platform.jobs where type = 'appointments.record-reminder' and payload->>'appointmentId' = $1 order by run_at`,
      [booked.id],
    );
    assert.deepEqual(
      jobs.map((job) => [job.payload.kind, new Date(job.run_at).toISOString()]),
      [
        ['48h', '2027-03-03T09:00:00.000Z'],
        ['2h', '2027-03-05T07:00:00.000Z'],
      ],
    );
    // A second click on "confirm" changes nothing.
    assert.equal((await confirmHold(db, { personId, holdId: hold.id }, { now: NOW + MINUTE })).id, booked.id);
  });

  it('le travail de rappel enregistre le rappel (remis aux notifications), et rien si le rendez-vous a bougé', async () => {
    const { reasonId } = await createFixture(db);
    const personId = randomUUID();
    const booked = await bookAppointment(
      db,
      { personId, reasonId, channel: 'phone', startsAt: '2027-03-04T10:00:00Z' },
      { now: NOW },
    );
    // Run the jobs as the worker would: the handler declared in the manifest, with each job's payload.
    const jobs = await db.query<{ type: string; payload: unknown }>(
      `select type, payload from platform.jobs where payload->>'appointmentId' = $1`,
      [booked.id],
    );
    const context = {
      jobId: 0,
      attempt: 1,
      db,
      config: testConfig(),
      logger: testLogger(),
      signal: new AbortController().signal,
    };
    for (const job of jobs) await appointmentsModule.jobs![job.type]!(job.payload, context);
    // The appointment moved: the old jobs find nothing to remind.
    await rescheduleAppointment(db, { appointmentId: booked.id, startsAt: '2027-03-04T10:30:00Z' }, { now: NOW });
    for (const job of jobs) await appointmentsModule.jobs![job.type]!(job.payload, context);
    const reminders = await db.query<{ kind: string; due_at: Date | string }>(
      'select kind, due_at from appointments.reminders where appointment_id = $1 order by due_at',
      [booked.id],
    );
    assert.deepEqual(
      reminders.map((reminder) => [reminder.kind, new Date(reminder.due_at).toISOString()]),
      [
        ['48h', '2027-03-02T10:00:00.000Z'],
        ['2h', '2027-03-04T08:00:00.000Z'],
      ],
    );
  });

  it('refuse en nommant le champ : un créneau passé, trop proche, au-delà de la fenêtre ou hors des plages', async () => {
    const { reasonId } = await createFixture(db, { minNoticeMinutes: 24 * 60, bookingWindowDays: 14 });
    const book = (startsAt: string) =>
      bookAppointment(db, { personId: randomUUID(), reasonId, channel: 'video', startsAt }, { now: NOW });
    await assert.rejects(book('2027-02-26T08:00:00Z'), refusal('slot_in_past'));
    await assert.rejects(book('2027-03-01T10:00:00Z'), refusal('slot_too_soon'));
    await assert.rejects(book('2027-03-29T08:00:00Z'), refusal('slot_beyond_window'));
    await assert.rejects(book('2027-03-02T14:00:00Z'), refusal('slot_not_open'));
    await assert.rejects(book('2027-03-02T08:10:00Z'), refusal('slot_not_open'));
    await assert.rejects(book('2027-03-06T08:00:00Z'), refusal('slot_not_open'));
    const [{ count }] = (await db.query<{ count: number }>(
      'select count(*)::int as count from appointments.appointments where reason_id = $1',
      [reasonId],
    )) as [{ count: number }];
    assert.equal(count, 0);
  });

  it('répond 409 avec les créneaux suivants quand le créneau est déjà pris', async () => {
    const { reasonId } = await createFixture(db);
    await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 },
      { now: NOW },
    );
    await assert.rejects(
      bookAppointment(db, { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 }, { now: NOW }),
      (error: SlotTakenError) => {
        assert.ok(error instanceof SlotTakenError);
        assert.equal(error.status, 409);
        assert.deepEqual(
          error.nextSlots.slice(0, 2).map((slot) => slot.startsAt),
          ['2027-03-02T08:30:00.000Z', '2027-03-02T09:00:00.000Z'],
        );
        return true;
      },
    );
  });

  it('une réservation provisoire bloque le créneau, puis le libère à son expiration', async () => {
    const { reasonId } = await createFixture(db);
    await holdSlot(db, { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 }, { now: NOW });
    await assert.rejects(
      holdSlot(db, { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 }, { now: NOW + MINUTE }),
      SlotTakenError,
    );
    const later = await holdSlot(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 },
      { now: NOW + 11 * MINUTE },
    );
    assert.equal(later.status, 'held');
  });

  it('confie le rendez-vous au conseiller le moins chargé de la semaine', async () => {
    const { reasonId, advisorIds } = await createFixture(db, { advisors: 2 });
    const first = await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 },
      { now: NOW },
    );
    const second = await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: '2027-03-03T08:00:00Z' },
      { now: NOW },
    );
    assert.notEqual(first.advisor.id, second.advisor.id);
    assert.deepEqual(new Set([first.advisor.id, second.advisor.id]), new Set(advisorIds));
  });

  it(`20 confirmations simultanées du même créneau : une seule réussit, les autres reçoivent 409 (${testDatabaseKind()})`, async () => {
    const { reasonId } = await createFixture(db);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        bookAppointment(db, { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 }, { now: NOW }),
      ),
    );
    const booked = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    assert.equal(booked.length, 1);
    assert.equal(refused.length, 19);
    for (const { reason } of refused) {
      assert.ok(reason instanceof SlotTakenError, String(reason));
      assert.ok(reason.nextSlots.length > 0);
    }
    const rows = await db.query(`select 1 from appointments.appointments where reason_id = $1 and status = 'booked'`, [
      reasonId,
    ]);
    assert.equal(rows.length, 1);
  });

  // Ten rounds: two inserts racing for one advisor can deadlock (PostgreSQL aborts one), which
  // only shows in some rounds; the loser must retry, not lose a booking another advisor could take.
  it('20 confirmations simultanées avec 3 conseillers libres, dix fois : chaque fois 3 rendez-vous, un par conseiller', async () => {
    for (let round = 0; round < 10; round++) {
      const { reasonId } = await createFixture(db, { advisors: 3 });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          bookAppointment(
            db,
            { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 },
            { now: NOW },
          ),
        ),
      );
      const booked = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      for (const result of results) {
        if (result.status === 'rejected') assert.ok(result.reason instanceof SlotTakenError, String(result.reason));
      }
      assert.equal(booked.length, 3);
      assert.equal(new Set(booked.map((appointment) => appointment.advisor.id)).size, 3);
    }
  });

  it('la base refuse d’elle-même deux rendez-vous qui se chevauchent pour un conseiller', async () => {
    const { reasonId, advisorIds } = await createFixture(db);
    const insert = (start: string, end: string) =>
      db.query(
        `insert into appointments.appointments (reason_id, advisor_id, person_id, channel, status, starts_at, ends_at, busy)
         values ($1, $2, $3, 'video', 'booked', $4, $5, tstzrange($4, $5))`,
        [reasonId, advisorIds[0], randomUUID(), start, end],
      );
    await insert('2027-03-10T08:00:00Z', '2027-03-10T08:30:00Z');
    await assert.rejects(insert('2027-03-10T08:15:00Z', '2027-03-10T08:45:00Z'), /advisor_not_double_booked/);
  });

  it('déplace un rendez-vous (même identifiant, séquence + 1) et libère l’ancien créneau', async () => {
    const { reasonId } = await createFixture(db, { changeDeadlineMinutes: 24 * 60 });
    const personId = randomUUID();
    const booked = await bookAppointment(
      db,
      { personId, reasonId, channel: 'video', startsAt: TUESDAY_9 },
      { now: NOW },
    );
    // 15 minutes later overlaps its own old time: allowed, it is the same appointment.
    const moved = await rescheduleAppointment(
      db,
      { personId, appointmentId: booked.id, startsAt: '2027-03-02T08:30:00Z' },
      { now: NOW },
    );
    assert.equal(moved.id, booked.id);
    assert.equal(moved.startsAt, '2027-03-02T08:30:00.000Z');
    assert.equal(moved.sequence, 1);
    const other = await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: TUESDAY_9 },
      { now: NOW },
    );
    assert.equal(other.status, 'booked');
    const [event] = await db.query<{ type: string }>(
      `select type from platform.events where payload->>'appointmentId' = $1 order by id desc limit 1`,
      [booked.id],
    );
    assert.equal(event!.type, 'appointments.rescheduled');
  });

  it('annule jusqu’au délai du motif, plus après', async () => {
    const { reasonId } = await createFixture(db, { changeDeadlineMinutes: 24 * 60 });
    const personId = randomUUID();
    const booked = await bookAppointment(
      db,
      { personId, reasonId, channel: 'video', startsAt: '2027-03-03T08:00:00Z' },
      { now: NOW },
    );
    await assert.rejects(
      cancelAppointment(db, { personId, appointmentId: booked.id }, { now: Date.parse('2027-03-02T09:00:00Z') }),
      (error: { code: string; status: number }) => error.code === 'change_deadline_passed' && error.status === 409,
    );
    await assert.rejects(cancelAppointment(db, { personId: randomUUID(), appointmentId: booked.id }, { now: NOW }), {
      code: 'not_found',
    });
    const cancelled = await cancelAppointment(db, { personId, appointmentId: booked.id }, { now: NOW });
    assert.equal(cancelled.status, 'excused');
    assert.equal(cancelled.sequence, 1);
    const again = await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: '2027-03-03T08:00:00Z' },
      { now: NOW },
    );
    assert.equal(again.status, 'booked');
  });
});
