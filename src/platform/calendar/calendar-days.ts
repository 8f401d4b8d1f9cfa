// Calendar arithmetic on civil dates (YYYY-MM-DD strings, no time zone): what legal deadlines count.
import { publicHoliday } from './public-holidays.ts';

const toUtc = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  // 2026-02-30 parses as 2 March: only a date that reads back the same is a real one.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date)
    throw new RangeError(`date invalide : ${date}`);
  return day;
};
const fromUtc = (day: Date) => day.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => {
  const day = toUtc(date);
  day.setUTCDate(day.getUTCDate() + days);
  return fromUtc(day);
};

export const addWeeks = (date: string, weeks: number) => addDays(date, weeks * 7);

/** Same day `months` later; a day the month lacks becomes its last day (31 January + 1 month = 28/29 February). */
export const addMonths = (date: string, months: number) => {
  const day = toUtc(date);
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return fromUtc(target);
};

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => toUtc(date).getUTCDay() || 7;

export type HolidayOptions = { isAlsaceMoselle?: boolean };

/** Monday to Friday and not a public holiday (a "jour ouvré"). */
export const isBusinessDay = (date: string, options: HolidayOptions = {}) =>
  isoWeekday(date) <= 5 && !publicHoliday(date, options);

/** Monday to Saturday and not a public holiday (a "jour ouvrable", what the Code du travail counts for leaves). */
export const isJourOuvrable = (date: string, options: HolidayOptions = {}) =>
  isoWeekday(date) <= 6 && !publicHoliday(date, options);

/** The date itself if it is a business day, else the next one (a deadline falling on a day off is extended). */
export const onOrNextBusinessDay = (date: string, options: HolidayOptions = {}) => {
  let day = date;
  while (!isBusinessDay(day, options)) day = addDays(day, 1);
  return day;
};

/** `count` business days after `date` (the date itself not counted). */
export const addBusinessDays = (date: string, count: number, options: HolidayOptions = {}) => {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isBusinessDay(day, options)) left -= 1;
  }
  return day;
};

/** Whole days from `from` to `to` (negative when `to` is before). */
export const daysBetween = (from: string, to: string) =>
  Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
