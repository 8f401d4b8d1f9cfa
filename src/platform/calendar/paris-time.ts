// Europe/Paris wall-clock time ↔ UTC instants, with Node's ICU time-zone data: opening ranges are
// written in Paris local time, appointments are stored in UTC, labels are shown in Paris time.
// Correct across daylight-saving changes (last Sunday of March and of October).
import { addDays, isoWeekday } from './calendar-days.ts';

export const PARIS = 'Europe/Paris';
const MINUTE = 60_000;
const DAY = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const localParts = (utcMs: number): LocalParts => {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
};

/** Minutes Paris is ahead of UTC at this instant: 60 in winter, 120 in summer. */
export const parisOffsetMinutes = (utcMs: number) => {
  const p = localParts(utcMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / MINUTE);
};

const utcCache = new Map<string, number>();

/**
 * The UTC instant of a Paris wall-clock time (`minutes` after local midnight of `date`). A time
 * that does not exist (02:30 on the last Sunday of March) maps to the instant an hour later on
 * the clock; a time that exists twice (02:30 on the last Sunday of October) to its first occurrence.
 */
export const parisToUtc = (date: string, minutes: number): number => {
  const key = `${date}|${minutes}`;
  const cached = utcCache.get(key);
  if (cached !== undefined) return cached;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  // The offsets in force a day before and a day after; the larger one first gives the earlier instant.
  const before = parisOffsetMinutes(naive - DAY);
  const after = parisOffsetMinutes(naive + DAY);
  const candidates = [...new Set([before, after])].sort((a, b) => b - a);
  const valid = candidates.find((offset) => parisOffsetMinutes(naive - offset * MINUTE) === offset);
  const result = naive - (valid ?? before) * MINUTE;
  if (utcCache.size > 50_000) utcCache.clear();
  utcCache.set(key, result);
  return result;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** The Paris calendar date of an instant, as YYYY-MM-DD. */
export const parisDate = (utcMs: number) => {
  const p = localParts(utcMs);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** The Paris wall-clock time of an instant, as HH:MM. */
export const parisTime = (utcMs: number) => {
  const p = localParts(utcMs);
  return `${pad(p.hour)}:${pad(p.minute)}`;
};

/** The Monday of the ISO week of a date. */
export const weekStart = (date: string) => addDays(date, 1 - isoWeekday(date));

/** Every date from `from` to `to`, both included. */
export const datesBetween = (from: string, to: string) => {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
};

const frLabel = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const enLabel = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "mardi 24 novembre 2026 à 9 h 30" / "Tuesday, 24 November 2026 at 09:30", in Paris time. */
export const parisLabel = (utcMs: number) => {
  const date = new Date(utcMs);
  const time = parisTime(utcMs);
  const [hours, minutes] = time.split(':') as [string, string];
  return {
    fr: `${frLabel.format(date)} à ${Number(hours)} h ${minutes}`,
    en: `${enLabel.format(date)} at ${time}`,
  };
};

/** "HH:MM" or "HH:MM:SS" (PostgreSQL's time) as minutes after midnight. */
export const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};
