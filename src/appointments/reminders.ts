// Reminders 48 h and 2 h before an appointment. A durable job per reminder, enqueued in the
// booking's transaction. At its time, if the appointment still stands, the job records the
// reminder in appointments.reminders and hands it to the notifications module, which shows it in
// the person's notification centre and sends it by their channels (e-mail, push) once.
import { notify } from '../notifications/index.ts';
import { enqueueJob, type JobHandler, type Sql } from '../platform/index.ts';
import { findAppointment, type Appointment } from './appointment.ts';
import type { Channel } from './compute-slots.ts';

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

const CHANNEL_WORDS: Record<Channel, { fr: string; en: string }> = {
  video: { fr: 'en visio', en: 'by video' },
  phone: { fr: 'par téléphone', en: 'by phone' },
  in_person: { fr: 'sur place', en: 'in person' },
};

const WHEN: Record<ReminderKind, { fr: string; en: string }> = {
  '48h': { fr: 'dans 2 jours', en: 'in 2 days' },
  '2h': { fr: 'dans 2 heures', en: 'in 2 hours' },
};

/** What the person reads in their notification centre, e-mail and push. */
export const reminderText = (appointment: Appointment, kind: ReminderKind) => {
  const channel = CHANNEL_WORDS[appointment.channel];
  const reason = appointment.reason.label;
  return {
    title: {
      fr: `Rendez-vous ${WHEN[kind].fr} : ${reason}`,
      en: `Appointment ${WHEN[kind].en}: ${reason}`,
    },
    body: {
      fr: `Votre rendez-vous ${channel.fr} (${reason}) est le ${appointment.label.fr}, heure de Paris. Vous pouvez le déplacer ou l’annuler depuis votre espace, dans les délais prévus.`,
      en: `Your appointment ${channel.en} (${reason}) is on ${appointment.label.en}, Paris time. You can move or cancel it from your space, within the deadlines.`,
    },
  };
};

/**
 * The reminder job: if the appointment is still booked at that time, records the reminder and
 * notifies the person. Keyed by appointment, kind and start: a retried job notifies once.
 */
export const recordReminder: JobHandler<ReminderPayload> = async ({ appointmentId, kind, startsAt }, { db }) => {
  await db.transaction(async (tx) => {
    const appointment = await findAppointment(tx, appointmentId, { forUpdate: true });
    if (!appointment || appointment.status !== 'booked') return;
    if (appointment.startsAt !== new Date(startsAt).toISOString()) return;
    const { hoursBefore } = REMINDERS.find((reminder) => reminder.kind === kind)!;
    await tx.query(
      `insert into appointments.reminders (appointment_id, person_id, kind, starts_at, due_at)
       values ($1, $2, $3, $4::timestamptz, $4::timestamptz - make_interval(hours => $5::int))
       on conflict (appointment_id, kind, starts_at) do nothing`,
      [appointment.id, appointment.personId, kind, appointment.startsAt, hoursBefore],
    );
    await notify(tx, {
      personId: appointment.personId,
      kind: 'appointment-reminder',
      ...reminderText(appointment, kind),
      link: `/mes-rendez-vous/${appointment.id}`,
      dedupeKey: `appointments.reminder:${appointment.id}:${kind}:${appointment.startsAt}`,
    });
  });
};
