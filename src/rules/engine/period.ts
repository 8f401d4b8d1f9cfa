// Periods as OpenFisca writes them: a month `2024-09`, a year `2024`, rolling periods
// `month:2024-01:3` or `year:2022-01:3`, and `eternity` for values that never change.
import { NotSupportedError } from './errors.ts';

export type PeriodUnit = 'month' | 'year' | 'eternity';

/** A period: `size` units starting on the first day of month `month` (1–12) of `year`. */
export type Period = { unit: PeriodUnit; year: number; month: number; size: number };

export const ETERNITY: Period = { unit: 'eternity', year: 0, month: 1, size: 1 };

const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const ROLLING = /^(month|year):(\d{4})(?:-(\d{2}))?(?::(\d+))?$/;

export class PeriodError extends Error {
  override name = 'PeriodError';
}

const checkMonth = (text: string, month: number) => {
  if (month < 1 || month > 12) throw new PeriodError(`période invalide « ${text} » : le mois doit être entre 01 et 12`);
};

/** Periods already parsed, by text: every request names the same few (periods are never
 *  written to, so one object serves them all). Bounded: texts come from requests. */
const parsed = new Map<string, Period>();
const PARSED_MAX = 4096;

/** Parses `2024-09`, `2024`, `month:2024-01:3`, `year:2022-01:3`, `year:2024`, `eternity`. */
export const parsePeriod = (input: string | number): Period => {
  const text = String(input);
  let period = parsed.get(text);
  if (!period) {
    period = parsePeriodText(text.trim());
    if (parsed.size < PARSED_MAX) parsed.set(text, period);
  }
  return period;
};

const parsePeriodText = (text: string): Period => {
  if (text === 'eternity' || text === 'ETERNITY') return ETERNITY;
  let match = MONTH.exec(text);
  if (match) {
    const month = Number(match[2]);
    checkMonth(text, month);
    return { unit: 'month', year: Number(match[1]), month, size: 1 };
  }
  match = YEAR.exec(text);
  if (match) return { unit: 'year', year: Number(match[1]), month: 1, size: 1 };
  match = ROLLING.exec(text);
  if (match) {
    const month = match[3] === undefined ? 1 : Number(match[3]);
    checkMonth(text, month);
    const size = match[4] === undefined ? 1 : Number(match[4]);
    if (size < 1) throw new PeriodError(`période invalide « ${text} » : la durée doit être au moins 1`);
    return { unit: match[1] as 'month' | 'year', year: Number(match[2]), month, size };
  }
  throw new PeriodError(`période invalide « ${text} » : attendu 2024-09, 2024, month:2024-01:3 ou year:2022-01:3`);
};

const pad = (n: number) => String(n).padStart(2, '0');

// Texts of months and years, made once: the engine asks for them at every calculation.
const monthTexts = new Map<number, string>();
const yearTexts = new Map<number, string>();
const startTexts = new Map<number, string>();

const monthText = (year: number, monthNumber: number): string => {
  const index = year * 12 + monthNumber;
  let text = monthTexts.get(index);
  if (text === undefined) {
    text = `${year}-${pad(monthNumber)}`;
    monthTexts.set(index, text);
  }
  return text;
};

/** Canonical text of a period, as OpenFisca prints it (and the key of caches and traces). */
export const periodKey = (p: Period): string => {
  if (p.unit === 'eternity') return 'eternity';
  if (p.unit === 'month' && p.size === 1) return monthText(p.year, p.month);
  if (p.unit === 'year' && p.size === 1 && p.month === 1) {
    let text = yearTexts.get(p.year);
    if (text === undefined) {
      text = String(p.year);
      yearTexts.set(p.year, text);
    }
    return text;
  }
  return `${p.unit}:${p.year}-${pad(p.month)}:${p.size}`;
};

export const month = (year: number, monthNumber: number): Period => {
  const index = year * 12 + (monthNumber - 1);
  return { unit: 'month', year: Math.floor(index / 12), month: (index % 12) + 1, size: 1 };
};

export const year = (y: number): Period => ({ unit: 'year', year: y, month: 1, size: 1 });

/** Number of months a period covers (eternity has none). */
export const monthCount = (p: Period): number =>
  p.unit === 'eternity' ? 0 : p.unit === 'month' ? p.size : p.size * 12;

/** The months of a period, in order. */
export const monthsOf = (p: Period): Period[] => {
  const months: Period[] = [];
  for (let i = 0; i < monthCount(p); i++) months.push(month(p.year, p.month + i));
  return months;
};

/** The calendar years of a period that starts on January (the only ones a yearly variable has). */
export const yearsOf = (p: Period): Period[] => {
  if (p.unit !== 'year' || p.month !== 1)
    throw new PeriodError(`la période ${periodKey(p)} ne se découpe pas en années civiles`);
  return Array.from({ length: p.size }, (_, i) => year(p.year + i));
};

export const firstMonth = (p: Period): Period => month(p.year, p.month);

/** The calendar year containing the start of a period. */
export const thisYear = (p: Period): Period => year(p.year);

/** Shifts a period by `n` of its own units (or by `n` units of `unit`). */
export const offset = (p: Period, n: number, unit: 'month' | 'year' = p.unit === 'year' ? 'year' : 'month'): Period => {
  if (p.unit === 'eternity') return p;
  const shift = unit === 'year' ? n * 12 : n;
  const start = month(p.year, p.month + shift);
  return { ...p, year: start.year, month: start.month };
};

/** The calendar year two years before (family benefits compare N-2 resources). */
export const nMinus2 = (p: Period): Period => year(p.year - 2);

/** The three months before the month of `p` (RSA and prime d'activité resources). */
export const lastThreeMonths = (p: Period): Period => {
  const start = month(p.year, p.month - 3);
  return { unit: 'month', year: start.year, month: start.month, size: 3 };
};

/** ISO date of the first day of the period. */
export const startDate = (p: Period): string => {
  if (p.unit === 'eternity') return '0001-01-01';
  const index = p.year * 12 + p.month;
  let text = startTexts.get(index);
  if (text === undefined) {
    text = `${monthText(p.year, p.month)}-01`;
    startTexts.set(index, text);
  }
  return text;
};

/** ISO date of the last day of the period. */
export const endDate = (p: Period): string => {
  if (p.unit === 'eternity') return '9999-12-31';
  const last = month(p.year, p.month + monthCount(p) - 1);
  const days = new Date(Date.UTC(last.year, last.month, 0)).getUTCDate();
  return `${last.year}-${pad(last.month)}-${pad(days)}`;
};

const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;

/** Values by year and month (month 0: the year itself), found by array index rather than by
 *  hashing a key: the engine looks up a plan and parameters at every calculation. Years outside
 *  1900–2199 are kept in a Map. */
export class MonthTable<T> {
  private readonly years = new Array<Array<T | undefined> | undefined>(TABLE_YEARS);
  private readonly others = new Map<number, T>();

  get(year: number, monthNumber: number): T | undefined {
    const y = year - TABLE_FIRST_YEAR;
    if (y >= 0 && y < TABLE_YEARS) return this.years[y]?.[monthNumber];
    return this.others.get(year * 13 + monthNumber);
  }

  set(year: number, monthNumber: number, value: T): void {
    const y = year - TABLE_FIRST_YEAR;
    if (y >= 0 && y < TABLE_YEARS) (this.years[y] ??= new Array<T | undefined>(13))[monthNumber] = value;
    else this.others.set(year * 13 + monthNumber, value);
  }
}

/** The value of the decimal digits of `text` from `start` to `end`, or -1 if one is not a digit. */
const digits = (text: string, start: number, end: number): number => {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of an ISO date `AAAA-MM-JJ`, how dates are stored in columns (years
 *  before 100 are refused, as JavaScript's dates read them as 19xx). Read digit by digit: formulas read date parameters and
 *  every situation its birth dates, and a regular expression and two Date objects cost more than
 *  the rest of the reading. */
export const dayNumber = (iso: string): number => {
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || y < 0 || m < 0 || d < 0)
    throw new PeriodError(`date invalide « ${iso} » : attendu AAAA-MM-JJ`);
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!))
    throw new PeriodError(`date impossible « ${iso} »`);
  // Days from the civil date (H. Hinnant's algorithm, years counted from March).
  const yearFromMarch = m <= 2 ? y - 1 : y;
  const era = Math.floor(yearFromMarch / 400);
  const yearOfEra = yearFromMarch - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

export const isoDate = (days: number): string => new Date(days * 86_400_000).toISOString().slice(0, 10);

/** Checks a period has the unit a variable is defined for, or says why it is not supported. */
export const requireUnit = (p: Period, unit: PeriodUnit, variable: string): void => {
  if (unit === 'eternity' || (p.unit === unit && p.size === 1)) return;
  throw new NotSupportedError(
    `${variable} est défini par ${unit === 'month' ? 'mois' : 'année'}, pas pour la période ${periodKey(p)}`,
  );
};

/** Year, month (1–12) and day of a day number, without allocating a Date (batch-friendly). */
export const civilDate = (days: number): { y: number; m: number; d: number } => {
  // Howard Hinnant's days_from_civil inverse.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
};

/** Full years between a birth day number and a date given as year, month, day. */
export const fullYears = (birth: number, y: number, m: number, d: number): number => {
  const b = civilDate(birth);
  return y - b.y - (m < b.m || (m === b.m && d < b.d) ? 1 : 0);
};
