// Quiet hours: a person chooses a time range, in Europe/Paris time, when nothing is sent to them
// (e-mail, push, SMS); a message due inside it leaves when it ends. The centre still shows it.
import { addDays, minutesOf, parisDate, parisTime, parisToUtc } from '../platform/index.ts';

export type QuietHours = { start: string; end: string };

/**
 * When quiet hours that contain `at` end, or null when `at` is outside them. A range whose end is
 * before its start spans midnight: 22:00 → 07:00 holds at 23:00 and at 06:59, not at 07:00.
 */
export const endOfQuietHours = (at: Date, { start, end }: QuietHours): Date | null => {
  const now = minutesOf(parisTime(at.getTime()));
  const [from, to] = [minutesOf(start), minutesOf(end)];
  const spansMidnight = to < from;
  const isQuiet = spansMidnight ? now >= from || now < to : now >= from && now < to;
  if (!isQuiet) return null;
  const today = parisDate(at.getTime());
  return new Date(parisToUtc(spansMidnight && now >= from ? addDays(today, 1) : today, to));
};
