// Calendar arithmetic on civil dates (YYYY-MM-DD strings, no time zone): what legal deadlines count.
import { publicHoliday } from './public-holidays.ts';

// Dates as day numbers since 1970-01-01, by integer arithmetic (Howard Hinnant's civil-date
// algorithms): a journey computes thousands of dates, and a Date object per step costs far more.
const daysInMonth = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

const toDayNumber = (date: string) => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // 2026-02-30 is no date: only a real day of a real month passes.
  if (
    date.length !== 10 ||
    date[4] !== '-' ||
    date[7] !== '-' ||
    !Number.isInteger(year) ||
    !(month >= 1 && month <= 12)
  )
    throw new RangeError(`date invalide : ${date}`);
  if (!(Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)))
    throw new RangeError(`date invalide : ${date}`);
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const fromDayNumber = (days: number) => {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
};

export const addDays = (date: string, days: number) => fromDayNumber(toDayNumber(date) + days);

export const addWeeks = (date: string, weeks: number) => addDays(date, weeks * 7);

/** Same day `months` later; a day the month lacks becomes its last day (31 January + 1 month = 28/29 February). */
export const addMonths = (date: string, months: number) => {
  toDayNumber(date);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)), 2)}`;
};

/** 1 = Monday … 7 = Sunday (1 January 1970 was a Thursday). */
export const isoWeekday = (date: string) => ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;

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
export const daysBetween = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);
