// The person cancels their appointment (status excused), until the reason's deadline. The time
// is free again at once: the exclusion constraint only counts live appointments.
import { AppError, type Db } from '../platform/index.ts';
import { assertBeforeChangeDeadline, findAppointment, getOwnAppointment } from './appointment.ts';
import { getReason } from './catalogue.ts';
import { publishAppointmentEvent } from './record-booking.ts';

export const cancelAppointment = async (
  db: Db,
  { personId, appointmentId }: { personId: string; appointmentId: string },
  { now = Date.now() }: { now?: number } = {},
) => {
  const current = await getOwnAppointment(db, personId, appointmentId);
  if (current.status !== 'booked') {
    throw new AppError('not_booked', {
      status: 409,
      messages: { fr: 'Ce rendez-vous n’est plus à venir.', en: 'This appointment is no longer upcoming.' },
    });
  }
  const reason = await getReason(db, current.reason.id);
  assertBeforeChangeDeadline(current, reason.changeDeadlineMinutes, now);
  return db.transaction(async (tx) => {
    await tx.query(
      `update appointments.appointments set status = 'excused', cancelled_at = $2, sequence = sequence + 1
        where id = $1 and status = 'booked'`,
      [appointmentId, new Date(now).toISOString()],
    );
    const cancelled = (await findAppointment(tx, appointmentId))!;
    await publishAppointmentEvent(tx, 'cancelled', cancelled, { by: 'person' });
    return cancelled;
  });
};
