// Holding and booking a slot. The database decides who gets a slot: the exclusion constraint
// `advisor_not_double_booked` refuses a second overlapping hold or booking of one advisor, even when
// two transactions insert at the same instant (no check-then-insert race); bookings for the same
// advisors take turns (`lockAdvisors`) so that such a race never ends in a deadlock. A free advisor lost to
// a concurrent booking is skipped for the next one; when none is left, the person is told (409)
// and offered the next free slots.
import { AppError, type Db, type Sql } from '../platform/index.ts';
import { findAppointment, type Appointment } from './appointment.ts';
import { getReason, type Reason } from './catalogue.ts';
import type { Channel } from './compute-slots.ts';
import { checkSlot, orderByLoad } from './check-slot.ts';
import { nextAvailableSlots } from './find-available-slots.ts';
import { recordBooking } from './record-booking.ts';
import { inSavepoint, lockAdvisors, personBusy, SlotTakenError } from './slot-errors.ts';

/** How long a held slot waits for the person's confirmation. */
export const HOLD_MINUTES = 10;

export type ReserveSlotInput = {
  personId: string;
  reasonId: string;
  channel: Channel;
  /** UTC instant of the slot's start, as the slots list gives it. */
  startsAt: string;
  siteId?: string | undefined;
  bookedBy?: 'citizen' | 'agent';
};

const assertBookableBy = (reason: Reason, bookedBy: 'citizen' | 'agent') => {
  if (bookedBy === 'agent' || reason.bookableBy === 'citizen') return;
  throw new AppError('reason_for_agents', {
    status: 403,
    field: 'reasonId',
    messages: {
      fr: 'Ce rendez-vous se prend auprès d’un conseiller, par téléphone ou à l’accueil.',
      en: 'This appointment is booked through an advisor, by phone or at the front desk.',
    },
  });
};

/** Expired holds free their time: removed before any new hold or booking is written. */
export const dropExpiredHolds = (tx: Sql, now: number) =>
  tx.query(`delete from appointments.appointments where status = 'held' and hold_expires_at <= $1`, [
    new Date(now).toISOString(),
  ]);

const reserve = async (
  db: Db,
  input: ReserveSlotInput,
  { now, isHold }: { now: number; isHold: boolean },
): Promise<Appointment> => {
  const bookedBy = input.bookedBy ?? 'citizen';
  const reason = await getReason(db, input.reasonId);
  assertBookableBy(reason, bookedBy);
  const { startMs, endMs, freeAdvisorIds } = await checkSlot(db, { ...input, reason }, { now });
  const nowIso = new Date(now).toISOString();
  const appointment = await db.transaction(async (tx) => {
    await dropExpiredHolds(tx, now);
    // One hold per person at a time: choosing another slot lets the previous one go.
    if (isHold) {
      await tx.query(`delete from appointments.appointments where person_id = $1 and status = 'held'`, [
        input.personId,
      ]);
    }
    await lockAdvisors(tx, freeAdvisorIds);
    for (const advisorId of await orderByLoad(tx, { advisorIds: freeAdvisorIds, startMs })) {
      const attempt = await inSavepoint(tx, () =>
        tx.query<{ id: string }>(
          `insert into appointments.appointments
             (reason_id, advisor_id, site_id, person_id, channel, status, starts_at, ends_at, busy,
              hold_expires_at, booked_by, booked_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8,
                   tstzrange($7::timestamptz - make_interval(mins => $9::int), $8::timestamptz + make_interval(mins => $10::int)),
                   $11, $12, $13)
           returning id`,
          [
            reason.id,
            advisorId,
            input.channel === 'in_person' ? input.siteId : null,
            input.personId,
            input.channel,
            isHold ? 'held' : 'booked',
            new Date(startMs).toISOString(),
            new Date(endMs).toISOString(),
            reason.bufferBeforeMinutes,
            reason.bufferAfterMinutes,
            isHold ? new Date(now + HOLD_MINUTES * 60_000).toISOString() : null,
            bookedBy,
            isHold ? null : nowIso,
          ],
        ),
      );
      if (!attempt.isDone) {
        if (attempt.constraint === 'person_not_double_booked') throw personBusy();
        continue;
      }
      const created = (await findAppointment(tx, attempt.value[0]!.id))!;
      if (!isHold) await recordBooking(tx, created, 'booked', now);
      return created;
    }
    return null;
  });
  if (appointment) return appointment;
  throw new SlotTakenError(
    await nextAvailableSlots(db, { reason, channel: input.channel, siteId: input.siteId, after: startMs, now }),
  );
};

/** Holds a slot for HOLD_MINUTES while the person reads what to prepare and confirms. */
export const holdSlot = (db: Db, input: ReserveSlotInput, { now = Date.now() }: { now?: number } = {}) =>
  reserve(db, input, { now, isHold: true });

/** Books a slot at once (hold and confirmation in one step): event, reminders, retention. */
export const bookAppointment = (db: Db, input: ReserveSlotInput, { now = Date.now() }: { now?: number } = {}) =>
  reserve(db, input, { now, isHold: false });
