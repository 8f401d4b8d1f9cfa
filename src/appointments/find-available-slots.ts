// The slots a person can choose from: read what the arithmetic needs, then compute (never stored).
import {
  AppError,
  type Sql,
  addDays,
  minutesOf,
  parisDate,
  parisLabel,
  parisTime,
  parisToUtc,
} from '../platform/index.ts';
import { getReason, type Reason } from './catalogue.ts';
import { computeSlots, type Channel, type ComputedSlot, type Interval, type OpeningRange } from './compute-slots.ts';

/** The longest period one request may ask for. */
export const MAX_SPAN_DAYS = 92;

export type Slot = {
  startsAt: string;
  endsAt: string;
  /** The site, for an appointment in person; null by video or phone. */
  siteId: string | null;
  localDate: string;
  localTime: string;
  label: { fr: string; en: string };
  freeAdvisors: number;
};

export type FindAvailableSlotsInput = {
  reasonId: string;
  channel: Channel;
  /** Paris calendar dates, both included. */
  from: string;
  to: string;
  siteId?: string | undefined;
};

export const assertChannel = (reason: Reason, channel: Channel) => {
  if (reason.channels.includes(channel)) return;
  throw new AppError('channel_not_offered', {
    field: 'channel',
    messages: {
      fr: `Ce motif ne se traite pas par ce moyen. Moyens possibles : ${reason.channels.join(', ')}.`,
      en: `This reason is not offered through this channel. Channels offered: ${reason.channels.join(', ')}.`,
    },
  });
};

/** advisor, site, site's commune, weekday, start and end times, valid from and until. */
type RangeTuple = [string, string, string, number, string, string, string, string | null];
type IntervalRow = { advisor_id: string; starts_at: string | Date; ends_at: string | Date };

const toIntervals = (rows: IntervalRow[]) => {
  const byAdvisor = new Map<string, Interval[]>();
  for (const row of rows) {
    const list = byAdvisor.get(row.advisor_id) ?? [];
    list.push([new Date(row.starts_at).getTime(), new Date(row.ends_at).getTime()]);
    byAdvisor.set(row.advisor_id, list);
  }
  return byAdvisor;
};

/**
 * Computes the slots of a reason over Paris dates, with every advisor open and free at each.
 * `excludeAppointmentId` leaves one appointment's own time out (moving it may overlap itself).
 */
export const computeReasonSlots = async (
  db: Sql,
  {
    reason,
    channel,
    from,
    to,
    siteId,
    now,
    excludeAppointmentId,
  }: {
    reason: Reason;
    channel: Channel;
    from: string;
    to: string;
    siteId?: string | undefined;
    now: number;
    excludeAppointmentId?: string;
  },
): Promise<ComputedSlot[]> => {
  // One JSON value rather than thousands of rows: turning each row's columns into values is what
  // costs most here (on PGlite, three times the query itself for 200 advisors).
  const [row] = await db.query<{ ranges: RangeTuple[] }>(
    `select coalesce(json_agg(json_build_array(o.advisor_id, o.site_id, s.commune_code, o.weekday, o.start_time,
                                               o.end_time, o.valid_from, o.valid_until)), '[]') as ranges
       from appointments.opening_ranges o
       join appointments.opening_range_reasons rr on rr.opening_range_id = o.id and rr.reason_id = $1
       join appointments.sites s on s.id = o.site_id
      where $2 = any(o.channels) and o.valid_from <= $4::date and (o.valid_until is null or o.valid_until >= $3::date)
        and ($5::uuid is null or o.site_id = $5)`,
    [reason.id, channel, from, to, siteId ?? null],
  );
  const ranges = row!.ranges;
  if (!ranges.length) return [];
  const advisorIds = [...new Set(ranges.map(([advisorId]) => advisorId))];
  // A day's margin each side: buffers and absences reach across midnight.
  const periodStart = new Date(parisToUtc(addDays(from, -1), 0)).toISOString();
  const periodEnd = new Date(parisToUtc(addDays(to, 2), 0)).toISOString();
  const [busy, absences] = await Promise.all([
    db.query<IntervalRow>(
      `select advisor_id, lower(busy) as starts_at, upper(busy) as ends_at from appointments.appointments
        where advisor_id = any($1::uuid[]) and busy && tstzrange($2, $3)
          and (status in ('booked', 'seen', 'no_show') or (status = 'held' and hold_expires_at > $4))
          and ($5::uuid is null or id <> $5)`,
      [advisorIds, periodStart, periodEnd, new Date(now).toISOString(), excludeAppointmentId ?? null],
    ),
    db.query<IntervalRow>(
      `select advisor_id, starts_at, ends_at from appointments.absences
        where advisor_id = any($1::uuid[]) and starts_at < $3 and ends_at > $2`,
      [advisorIds, periodStart, periodEnd],
    ),
  ]);
  const openingRanges: OpeningRange[] = ranges.map(
    ([advisorId, rangeSiteId, siteCommuneCode, weekday, start, end, validFrom, validUntil]) => ({
      advisorId,
      siteId: rangeSiteId,
      siteCommuneCode,
      weekday,
      startMinutes: minutesOf(start),
      endMinutes: minutesOf(end),
      validFrom,
      validUntil,
    }),
  );
  return computeSlots({
    rules: reason,
    ranges: openingRanges,
    busy: toIntervals(busy),
    absences: toIntervals(absences),
    from,
    to,
    now,
    bySite: channel === 'in_person',
  });
};

export const toSlot = (slot: ComputedSlot): Slot => ({
  startsAt: new Date(slot.startMs).toISOString(),
  endsAt: new Date(slot.endMs).toISOString(),
  siteId: slot.siteId,
  localDate: parisDate(slot.startMs),
  localTime: parisTime(slot.startMs),
  label: parisLabel(slot.startMs),
  freeAdvisors: slot.freeAdvisorIds.length,
});

const badPeriod = (field: string, fr: string, en: string) =>
  new AppError('invalid_period', { field, messages: { fr, en } });

/**
 * The free slots of a reason by a channel between two Paris dates, each with its number of free
 * advisors; slots before the minimum notice or past the booking window are left out.
 */
export const findAvailableSlots = async (
  db: Sql,
  { reasonId, channel, from, to, siteId }: FindAvailableSlotsInput,
  { now = Date.now() }: { now?: number } = {},
) => {
  const reason = await getReason(db, reasonId);
  assertChannel(reason, channel);
  if (to < from)
    throw badPeriod('to', 'La date de fin précède la date de début.', 'The end date is before the start date.');
  if (to > addDays(from, MAX_SPAN_DAYS - 1)) {
    throw badPeriod(
      'to',
      `Demandez au plus ${MAX_SPAN_DAYS} jours à la fois.`,
      `Ask for at most ${MAX_SPAN_DAYS} days at a time.`,
    );
  }
  const slots = await computeReasonSlots(db, { reason, channel, from, to, siteId, now });
  return {
    reason: { id: reason.id, label: reason.label, durationMinutes: reason.durationMinutes },
    channel,
    slots: slots.filter((slot) => slot.freeAdvisorIds.length > 0).map(toSlot),
  };
};

/** The next free slots from an instant (a refused booking offers them). */
export const nextAvailableSlots = async (
  db: Sql,
  {
    reason,
    channel,
    siteId,
    after,
    now,
    count = 5,
  }: { reason: Reason; channel: Channel; siteId?: string | undefined; after: number; now: number; count?: number },
): Promise<Slot[]> => {
  const found: Slot[] = [];
  // Week by week, so that a busy agenda is not read in one piece.
  for (let from = parisDate(after), weeks = 0; found.length < count && weeks < 14; from = addDays(from, 7), weeks++) {
    const slots = await computeReasonSlots(db, { reason, channel, from, to: addDays(from, 6), siteId, now });
    for (const slot of slots) {
      if (slot.startMs > after && slot.freeAdvisorIds.length > 0 && found.length < count) found.push(toSlot(slot));
    }
  }
  return found;
};
