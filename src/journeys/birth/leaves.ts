// Maternity and paternity leave dates, from the expected date, the rank of the child and the number
// of children expected. Code du travail, art. L1225-17 to L1225-21 (maternity), L1225-35 and D1225-8
// (paternity), L3142-1 and L3142-4 (birth leave); Code de la sécurité sociale, art. L331-3 and L331-8.
import { addDays, addMonths, isJourOuvrable, type HolidayOptions } from '../../platform/index.ts';

export type MaternityLeaveInput = {
  expectedBirthDate: string;
  /** The actual date once born. */
  birthDate?: string | null;
  /** Children the mother already gave birth to alive, or already dependent in the household: the larger. */
  previousChildren: number;
  /** 1, 2 (twins), 3 or more. */
  expectedChildren: number;
  /**
   * Weeks moved between the prenatal and postnatal parts, at the mother's request: negative moves
   * prenatal weeks after the birth (up to 3, on a health professional's favourable opinion,
   * L1225-17); positive moves postnatal weeks before it (up to 2 from the third child, L1225-19;
   * up to 4 for twins, L1225-18).
   */
  prenatalShiftWeeks?: number;
};

export type MaternityLeave = {
  prenatalWeeks: number;
  postnatalWeeks: number;
  start: string;
  /** Last day of leave. */
  end: string;
};

export class LeaveShiftError extends RangeError {}

const standardWeeks = ({ previousChildren, expectedChildren }: MaternityLeaveInput) => {
  if (expectedChildren >= 3) return { prenatal: 24, postnatal: 22, maxForward: 0 };
  if (expectedChildren === 2) return { prenatal: 12, postnatal: 22, maxForward: 4 };
  if (previousChildren >= 2) return { prenatal: 8, postnatal: 18, maxForward: 2 };
  return { prenatal: 6, postnatal: 10, maxForward: 0 };
};

export const maternityLeave = (input: MaternityLeaveInput): MaternityLeave => {
  const weeks = standardWeeks(input);
  const shift = input.prenatalShiftWeeks ?? 0;
  if (shift < -3 || shift > weeks.maxForward || !Number.isInteger(shift))
    throw new LeaveShiftError(
      `report de ${shift} semaine(s) impossible : de −3 à ${weeks.maxForward} semaine(s) dans cette situation`,
    );
  const prenatalWeeks = weeks.prenatal + shift;
  const postnatalWeeks = weeks.postnatal - shift;
  const start = addDays(input.expectedBirthDate, -prenatalWeeks * 7);
  const plannedEnd = addDays(input.expectedBirthDate, postnatalWeeks * 7 - 1);
  // Born early: the leave keeps its total length (L1225-20). Born late: the prenatal part runs
  // to the birth and the postnatal part keeps its length from the birth (L1225-21).
  const birth = input.birthDate;
  const end = birth && birth > input.expectedBirthDate ? addDays(birth, postnatalWeeks * 7 - 1) : plannedEnd;
  return { prenatalWeeks, postnatalWeeks, start, end };
};

export type PaternityLeave = {
  /** The 3 working days of birth leave paid by the employer. */
  birthLeave: { start: string; end: string };
  /** The 4 days that must follow the birth leave at once. */
  compulsory: { start: string; end: string };
  /** The other 21 days (28 for a multiple birth), in up to two periods of at least 5 days. */
  remainingDays: number;
  /** Last day to take them: within six months of the birth. */
  remainingBy: string;
};

export const paternityLeave = (
  { birthDate, expectedChildren }: { birthDate: string; expectedChildren: number },
  holidays: HolidayOptions = {},
): PaternityLeave => {
  // The birth leave starts on the day of birth or the next "jour ouvrable", and counts 3 of them.
  let day = birthDate;
  while (!isJourOuvrable(day, holidays)) day = addDays(day, 1);
  const birthLeaveStart = day;
  for (let counted = 1; counted < 3;) {
    day = addDays(day, 1);
    if (isJourOuvrable(day, holidays)) counted += 1;
  }
  const compulsoryStart = addDays(day, 1);
  return {
    birthLeave: { start: birthLeaveStart, end: day },
    compulsory: { start: compulsoryStart, end: addDays(compulsoryStart, 3) },
    remainingDays: expectedChildren >= 2 ? 28 : 21,
    remainingBy: addDays(addMonths(birthDate, 6), -1),
  };
};
