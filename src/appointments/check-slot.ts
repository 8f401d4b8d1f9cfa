// A chosen start checked against the reason's rules, in order: the past, the minimum notice, the
// booking window, the opening ranges; then who is free. Each refusal names the field and the reason.
import type { Sql } from '../platform/index.ts';
import type { Reason } from './catalogue.ts';
import { bookingLimits, type Channel } from './compute-slots.ts';
import { assertChannel, computeReasonSlots, nextAvailableSlots } from './find-available-slots.ts';
import { SlotTakenError, slotRefused } from './slot-errors.ts';
import { AppError, parisDate } from '../platform/index.ts';

export type ChosenSlot = { reason: Reason; channel: Channel; startsAt: string; siteId?: string | undefined };

/** The advisors free at a chosen slot (at least one), or the reason it cannot be booked. */
export const checkSlot = async (
  db: Sql,
  { reason, channel, startsAt, siteId }: ChosenSlot,
  { now, excludeAppointmentId }: { now: number; excludeAppointmentId?: string },
) => {
  assertChannel(reason, channel);
  if (channel === 'in_person' && !siteId) {
    throw new AppError('site_required', {
      field: 'siteId',
      messages: { fr: 'Choisissez le lieu du rendez-vous.', en: 'Choose where the appointment takes place.' },
    });
  }
  const startMs = Date.parse(startsAt);
  const { earliest, latest } = bookingLimits(reason, now);
  if (startMs <= now) {
    throw slotRefused('slot_in_past', 'Ce créneau est déjà passé.', 'This slot is in the past.');
  }
  if (startMs < earliest) {
    const hours = Math.round((reason.minNoticeMinutes / 60) * 10) / 10;
    throw slotRefused(
      'slot_too_soon',
      `Ce motif se réserve au moins ${hours} h à l’avance.`,
      `This reason must be booked at least ${hours} h ahead.`,
    );
  }
  if (startMs > latest) {
    throw slotRefused(
      'slot_beyond_window',
      `Ce motif se réserve au plus ${reason.bookingWindowDays} jours à l’avance.`,
      `This reason can be booked at most ${reason.bookingWindowDays} days ahead.`,
    );
  }
  const date = parisDate(startMs);
  const slots = await computeReasonSlots(db, {
    reason,
    channel,
    from: date,
    to: date,
    siteId,
    now,
    excludeAppointmentId,
  });
  const slot = slots.find((candidate) => candidate.startMs === startMs);
  if (!slot) {
    throw slotRefused(
      'slot_not_open',
      'Aucun conseiller ne reçoit pour ce motif à cette heure (hors des plages d’ouverture, jour férié ou absence).',
      'No advisor receives for this reason at that time (outside opening ranges, public holiday or absence).',
    );
  }
  if (!slot.freeAdvisorIds.length) {
    throw new SlotTakenError(await nextAvailableSlots(db, { reason, channel, siteId, after: startMs, now }));
  }
  return { startMs, endMs: slot.endMs, freeAdvisorIds: slot.freeAdvisorIds };
};

/**
 * Free advisors ordered for a balanced load: fewest appointments in the Paris week of the slot
 * first, then a stable order. `preferred` (the advisor already assigned) comes first when free.
 */
export const orderByLoad = async (
  db: Sql,
  { advisorIds, startMs, preferred }: { advisorIds: string[]; startMs: number; preferred?: string },
) => {
  const rows = await db.query<{ advisor_id: string; load: number }>(
    `select id as advisor_id,
            (select count(*)::int from appointments.appointments a
              where a.advisor_id = v.id and a.status in ('held', 'booked', 'seen', 'no_show')
                and a.starts_at >= date_trunc('week', $2::timestamptz at time zone 'Europe/Paris') at time zone 'Europe/Paris'
                and a.starts_at < (date_trunc('week', $2::timestamptz at time zone 'Europe/Paris') + interval '7 days') at time zone 'Europe/Paris') as load
       from appointments.advisors v where v.id = any($1::uuid[])`,
    [advisorIds, new Date(startMs).toISOString()],
  );
  return rows
    .sort(
      (a, b) =>
        Number(b.advisor_id === preferred) - Number(a.advisor_id === preferred) ||
        a.load - b.load ||
        a.advisor_id.localeCompare(b.advisor_id),
    )
    .map((row) => row.advisor_id);
};
