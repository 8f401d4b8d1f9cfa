// What follows a booking, in its transaction: the event, the reminders, the documents' retention.
import { enqueueJob, publishEvent, type Sql } from '../platform/index.ts';
import type { Appointment } from './appointment.ts';
import { PURGE_DOCUMENTS_JOB, RETENTION_DAYS } from './documents.ts';
import { scheduleReminders } from './reminders.ts';

export type AppointmentEventPayload = {
  appointmentId: string;
  personId: string;
  reasonId: string;
  reasonCode: string;
  body: string;
  advisorId: string;
  channel: string;
  startsAt: string;
  endsAt: string;
};

const payloadOf = (appointment: Appointment): AppointmentEventPayload => ({
  appointmentId: appointment.id,
  personId: appointment.personId,
  reasonId: appointment.reason.id,
  reasonCode: appointment.reason.code,
  body: appointment.reason.body,
  advisorId: appointment.advisor.id,
  channel: appointment.channel,
  startsAt: appointment.startsAt,
  endsAt: appointment.endsAt,
});

/** Publishes `appointments.<what>` about the person, in the caller's transaction. */
export const publishAppointmentEvent = (
  tx: Sql,
  what: 'booked' | 'rescheduled' | 'cancelled' | 'status-changed',
  appointment: Appointment,
  extra: Record<string, unknown> = {},
) =>
  publishEvent(tx, {
    type: `appointments.${what}`,
    subject: appointment.personId,
    payload: { ...payloadOf(appointment), status: appointment.status, ...extra },
  });

/** A new or moved booking: event, reminders, and the deletion of its documents after retention. */
export const recordBooking = async (tx: Sql, appointment: Appointment, what: 'booked' | 'rescheduled', now: number) => {
  await publishAppointmentEvent(tx, what, appointment);
  await scheduleReminders(tx, appointment, now);
  const purgeAt = new Date(Date.parse(appointment.endsAt) + RETENTION_DAYS * 86_400_000);
  await enqueueJob(tx, {
    type: PURGE_DOCUMENTS_JOB,
    runAt: purgeAt,
    idempotencyKey: `${PURGE_DOCUMENTS_JOB}:${purgeAt.toISOString().slice(0, 10)}`,
  });
};
