import { addBusinessDays, addDays, addMonths, onOrNextBusinessDay, type HolidayOptions } from '../platform/index.ts';
import type { DateRule } from './journey.ts';

export class UnknownAnchorError extends Error {}

/** The civil date (YYYY-MM-DD) a rule gives, from the journey's anchors. */
export const resolveDate = (rule: DateRule, anchors: Record<string, string>, holidays: HolidayOptions = {}) => {
  const anchor = anchors[rule.from];
  if (!anchor) throw new UnknownAnchorError(`point de départ inconnu : ${rule.from}`);
  let date = addMonths(anchor, rule.months ?? 0);
  date = addDays(date, (rule.weeks ?? 0) * 7 + (rule.days ?? 0));
  if (rule.businessDays) date = addBusinessDays(date, rule.businessDays, holidays);
  if (rule.extendToBusinessDay) date = onOrNextBusinessDay(date, holidays);
  return date;
};
