// Moving an appointment to another slot, in one transaction: the row itself moves (same id, ICS
// SEQUENCE + 1), so the person never holds two slots nor loses the first before getting the second.
// The same exclusion constraint guards the new time; the current advisor is kept when free.
import type { Db } from '../platform/index.ts';
import { assertBeforeChangeDeadline, findAppointment, getOwnAppointment, type Appointment } from './appointment.ts';
import { getReason } from './catalogue.ts';
import { checkSlot, orderByLoad } from './check-slot.ts';
import type { Channel } from './compute-slots.ts';
import { nextAvailableSlots } from './find-available-slots.ts';
import { recordBooking } from './record-booking.ts';
import { dropExpiredHolds } from './reserve-slot.ts';
import { inSavepoint, lockAdvisors, personBusy, SlotTakenError } from './slot-errors.ts';
import { AppError } from '../platform/index.ts';

export type RescheduleInput = {
  appointmentId: string;
  startsAt: string;
  channel?: Channel | undefined;
  siteId?: string | undefined;
};

const notBooked = () =>
  new AppError('not_booked', {
    status: 409,
    messages: { fr: 'Ce rendez-vous n’est plus à venir.', en: 'This appointment is no longer upcoming.' },
  });

/**
 * Moves a booked appointment. `personId` set: the person acts, within the reason's deadline;
 * unset: an agent acts (no deadline).
 */
export const rescheduleAppointment = async (
  db: Db,
  { personId, ...input }: RescheduleInput & { personId?: string },
  { now = Date.now() }: { now?: number } = {},
): Promise<Appointment> => {
  const current = personId
    ? await getOwnAppointment(db, personId, input.appointmentId)
    : await findAppointment(db, input.appointmentId);
  if (!current) throw notBooked();
  if (current.status !== 'booked') throw notBooked();
  const reason = await getReason(db, current.reason.id);
  if (personId) assertBeforeChangeDeadline(current, reason.changeDeadlineMinutes, now);
  const channel = input.channel ?? current.channel;
  const siteId = channel === 'in_person' ? (input.siteId ?? current.siteId ?? undefined) : undefined;
  const { startMs, endMs, freeAdvisorIds } = await checkSlot(
    db,
    { reason, channel, startsAt: input.startsAt, siteId },
    { now, excludeAppointmentId: current.id },
  );
  const moved = await db.transaction(async (tx) => {
    await dropExpiredHolds(tx, now);
    await lockAdvisors(tx, freeAdvisorIds);
    const order = await orderByLoad(tx, { advisorIds: freeAdvisorIds, startMs, preferred: current.advisor.id });
    for (const advisorId of order) {
      const attempt = await inSavepoint(tx, () =>
        tx.query<{ id: string }>(
          `update appointments.appointments
              set advisor_id = $2, channel = $3, site_id = $4, starts_at = $5, ends_at = $6,
                  busy = tstzrange($5::timestamptz - make_interval(mins => $7::int), $6::timestamptz + make_interval(mins => $8::int)),
                  sequence = sequence + 1
            where id = $1 and status = 'booked'
            returning id`,
          [
            current.id,
            advisorId,
            channel,
            siteId ?? null,
            new Date(startMs).toISOString(),
            new Date(endMs).toISOString(),
            reason.bufferBeforeMinutes,
            reason.bufferAfterMinutes,
          ],
        ),
      );
      if (!attempt.isDone) {
        if (attempt.constraint === 'person_not_double_booked') throw personBusy();
        continue;
      }
      if (!attempt.value.length) throw notBooked();
      const appointment = (await findAppointment(tx, current.id))!;
      await recordBooking(tx, appointment, 'rescheduled', now);
      return appointment;
    }
    return null;
  });
  if (moved) return moved;
  throw new SlotTakenError(await nextAvailableSlots(db, { reason, channel, siteId, after: startMs, now }));
};
