// The slot arithmetic, pure (RDV-Solidarités' rule with Cal.com's limits): a reason's duration laid
// over each advisor's weekly opening ranges, minus public holidays, absences and the time already
// taken (appointments and live holds, with their buffers), kept between the minimum notice and the
// end of the booking window. Nothing here reads the database or the clock.
import { isAlsaceMoselle, publicHoliday, datesBetween, isoWeekday, parisToUtc } from '../platform/index.ts';

export const CHANNELS = ['video', 'phone', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What of a reason the arithmetic needs. */
export type SlotRules = {
  durationMinutes: number;
  bookingWindowDays: number;
  minNoticeMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};

/** One weekly opening range of one advisor, at one site, already filtered on the reason and channel. */
export type OpeningRange = {
  advisorId: string;
  siteId: string;
  siteCommuneCode: string;
  weekday: number;
  startMinutes: number;
  endMinutes: number;
  validFrom: string;
  validUntil: string | null;
};

/** A [start, end) interval in UTC milliseconds. */
export type Interval = readonly [number, number];

export type SlotInput = {
  rules: SlotRules;
  ranges: OpeningRange[];
  /** Time already taken, by advisor: appointments' and live holds' busy ranges (buffers included). */
  busy: Map<string, Interval[]>;
  absences: Map<string, Interval[]>;
  /** Paris calendar dates, both included. */
  from: string;
  to: string;
  now: number;
  /** Group slots by site (in person: the person comes to one place). */
  bySite: boolean;
};

export type ComputedSlot = {
  startMs: number;
  endMs: number;
  siteId: string | null;
  /** Advisors whose opening covers the slot, on a working day, not absent. */
  openAdvisorIds: string[];
  /** Of those, the ones with no appointment or hold in the way. */
  freeAdvisorIds: string[];
};

/** The earliest and latest start a reason allows at this instant. */
export const bookingLimits = (rules: SlotRules, now: number) => ({
  earliest: now + rules.minNoticeMinutes * MINUTE,
  latest: now + rules.bookingWindowDays * DAY,
});

/** Sorted, merged intervals: then one binary search tells whether a span meets any of them. */
const mergeIntervals = (intervals: Interval[] | undefined): Interval[] => {
  if (!intervals?.length) return [];
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [[sorted[0]![0], sorted[0]![1]]];
  for (const [from, to] of sorted.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
};

const overlaps = (merged: Interval[], start: number, end: number) => {
  // The last interval starting before `end` is the only one that can reach past `start`.
  let low = 0;
  let high = merged.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (merged[middle]![0] < end) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && merged[found]![1] > start;
};

const mergedOf = (cache: Map<string, Interval[]>, source: Map<string, Interval[]>, advisorId: string) => {
  let merged = cache.get(advisorId);
  if (!merged) {
    merged = mergeIntervals(source.get(advisorId));
    cache.set(advisorId, merged);
  }
  return merged;
};

/**
 * Every slot of the period, in start order, with the advisors open and free at it. Slots start at
 * each range's opening and follow each other by the reason's duration. Ranges are stepped in UTC
 * between their local opening and closing instants, so a range across a change of time holds its
 * true number of slots.
 */
export const computeSlots = ({ rules, ranges, busy, absences, from, to, now, bySite }: SlotInput): ComputedSlot[] => {
  const { earliest, latest } = bookingLimits(rules, now);
  const duration = rules.durationMinutes * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  // Advisors of a team share their ranges: step each distinct range once, then check each advisor.
  const byWeekday = new Map<number, Map<string, { range: OpeningRange; advisorIds: string[] }>>();
  for (const range of ranges) {
    const groups = byWeekday.get(range.weekday) ?? new Map<string, { range: OpeningRange; advisorIds: string[] }>();
    byWeekday.set(range.weekday, groups);
    const key = `${range.startMinutes}|${range.endMinutes}|${range.siteId}|${range.siteCommuneCode}|${range.validFrom}|${range.validUntil}`;
    const group = groups.get(key);
    if (group) group.advisorIds.push(range.advisorId);
    else groups.set(key, { range, advisorIds: [range.advisorId] });
  }
  const mergedBusy = new Map<string, Interval[]>();
  const mergedAbsences = new Map<string, Interval[]>();
  // Arrays, not Sets (far less garbage); an advisor met twice at one slot (two ranges) is deduplicated at the end.
  const slots = new Map<
    string,
    { startMs: number; siteId: string | null; open: string[]; free: string[]; groups: number }
  >();

  for (const date of datesBetween(from, to)) {
    const groups = byWeekday.get(isoWeekday(date));
    if (!groups) continue;
    for (const { range, advisorIds } of groups.values()) {
      if (date < range.validFrom || (range.validUntil && date > range.validUntil)) continue;
      if (publicHoliday(date, { isAlsaceMoselle: isAlsaceMoselle(range.siteCommuneCode) })) continue;
      const opens = parisToUtc(date, range.startMinutes);
      const closes = parisToUtc(date, range.endMinutes);
      if (closes < earliest || opens > latest) continue;
      const siteId = bySite ? range.siteId : null;
      for (let start = opens; start + duration <= closes; start += duration) {
        if (start < earliest || start > latest) continue;
        const end = start + duration;
        const key = bySite ? `${start}|${siteId}` : String(start);
        let slot = slots.get(key);
        if (slot) slot.groups++;
        for (const advisorId of advisorIds) {
          if (overlaps(mergedOf(mergedAbsences, absences, advisorId), start, end)) continue;
          if (!slot) {
            slot = { startMs: start, siteId, open: [], free: [], groups: 1 };
            slots.set(key, slot);
          }
          slot.open.push(advisorId);
          if (!overlaps(mergedOf(mergedBusy, busy, advisorId), start - before, end + after)) slot.free.push(advisorId);
        }
      }
    }
  }
  return [...slots.values()]
    .sort((a, b) => a.startMs - b.startMs || (a.siteId ?? '').localeCompare(b.siteId ?? ''))
    .map((slot) => ({
      startMs: slot.startMs,
      endMs: slot.startMs + duration,
      siteId: slot.siteId,
      openAdvisorIds: slot.groups > 1 ? [...new Set(slot.open)] : slot.open,
      freeAdvisorIds: slot.groups > 1 ? [...new Set(slot.free)] : slot.free,
    }));
};
