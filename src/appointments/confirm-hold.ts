// Confirming a held slot makes it an appointment. The hold's row kept the time for the person all
// along (the exclusion constraint), so a confirmation cannot lose the slot while the row exists,
// even a little after the hold's expiry if nobody needed the time meanwhile.
import { AppError, type Db } from '../platform/index.ts';
import { findAppointment, getOwnAppointment } from './appointment.ts';
import { recordBooking } from './record-booking.ts';

export const confirmHold = async (
  db: Db,
  { personId, holdId }: { personId: string; holdId: string },
  { now = Date.now() }: { now?: number } = {},
) => {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; starts_at: string | Date }>(
      `update appointments.appointments set status = 'booked', hold_expires_at = null, booked_at = $3
        where id = $1 and person_id = $2 and status = 'held' and starts_at > $3
        returning id, starts_at`,
      [holdId, personId, new Date(now).toISOString()],
    );
    if (!row) return null;
    const appointment = (await findAppointment(tx, row.id))!;
    await recordBooking(tx, appointment, 'booked', now);
    return appointment;
  });
  if (result) return result;
  // Not confirmed: already booked (a second click), or the hold is gone.
  const [existing] = await db.query<{ status: string }>(
    'select status from appointments.appointments where id = $1 and person_id = $2',
    [holdId, personId],
  );
  if (existing && existing.status === 'booked') return getOwnAppointment(db, personId, holdId);
  if (existing && existing.status === 'held') {
    throw new AppError('slot_in_past', {
      field: 'startsAt',
      messages: { fr: 'Ce créneau est déjà passé.', en: 'This slot is in the past.' },
    });
  }
  throw new AppError('hold_expired', {
    status: 409,
    field: 'holdId',
    messages: {
      fr: 'La réservation provisoire a expiré. Choisissez de nouveau un créneau.',
      en: 'The temporary hold has expired. Choose a slot again.',
    },
  });
};

/** Releases a hold (the person chose another time or gave up). */
export const releaseHold = async (db: Db, { personId, holdId }: { personId: string; holdId: string }) => {
  await db.query(`delete from appointments.appointments where id = $1 and person_id = $2 and status = 'held'`, [
    holdId,
    personId,
  ]);
};
