// Reminders 48 h and 2 h before an appointment. A durable job per reminder, enqueued in the
// booking's transaction. The notifications module does not exist yet: until it does, the job
// records the reminder in appointments.reminders (delivered_at null), where that module will pick
// it up and deliver it by the person's channels (e-mail, SMS, push).
import { enqueueJob, type JobHandler, type Sql } from '../platform/index.ts';
import type { Appointment } from './appointment.ts';

export const REMINDER_JOB = 'appointments.record-reminder';
export const REMINDERS = [
  { kind: '48h', hoursBefore: 48 },
  { kind: '2h', hoursBefore: 2 },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];
export type ReminderPayload = { appointmentId: string; kind: ReminderKind; startsAt: string };

/**
 * Enqueues the reminders still ahead (a booking made 30 h before gets only the 2 h one). Keyed by
 * the start time: a moved appointment gets new jobs, and the old ones find nothing to remind.
 */
export const scheduleReminders = async (tx: Sql, appointment: Appointment, now: number) => {
  const startMs = Date.parse(appointment.startsAt);
  for (const { kind, hoursBefore } of REMINDERS) {
    const dueMs = startMs - hoursBefore * 3_600_000;
    if (dueMs <= now) continue;
    const payload: ReminderPayload = { appointmentId: appointment.id, kind, startsAt: appointment.startsAt };
    await enqueueJob(tx, {
      type: REMINDER_JOB,
      payload,
      runAt: new Date(dueMs),
      idempotencyKey: `${REMINDER_JOB}:${appointment.id}:${kind}:${appointment.startsAt}`,
    });
  }
};

/** The reminder job: records the reminder if the appointment is still booked at that time. */
export const recordReminder: JobHandler<ReminderPayload> = async ({ appointmentId, kind, startsAt }, { db }) => {
  await db.query(
    `insert into appointments.reminders (appointment_id, person_id, kind, starts_at, due_at)
     select id, person_id, $2, starts_at, starts_at - make_interval(hours => $3::int)
       from appointments.appointments
      where id = $1 and status = 'booked' and starts_at = $4::timestamptz
     on conflict (appointment_id, kind, starts_at) do nothing`,
    [appointmentId, kind, kind === '48h' ? 48 : 2, startsAt],
  );
};
