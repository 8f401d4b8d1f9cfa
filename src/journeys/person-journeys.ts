// The calendars of the journeys a person is on, with the amounts the rights engine gives for
// their household and the steps they have done.
import { addMonths, type Sql } from '../platform/index.ts';
import { householdSituation } from '../people/index.ts';
import { engineSituation, evaluate, NotSupportedError, SituationError } from '../rules/index.ts';
import type { Calendar } from './build-calendar.ts';
import { familyDeclarations } from './family-declarations.ts';
import { JOURNEYS } from './registry.ts';

/** A benefit's amount for the person's famille in a month, from the rights engine; null if it cannot say. */
const householdAmounts = async (db: Sql, personId: string, today: string) => {
  const months = Array.from({ length: 48 }, (_, index) => addMonths(`${today.slice(0, 7)}-01`, index - 12).slice(0, 7));
  const recorded = await householdSituation(db, personId, { months });
  const situation = recorded && engineSituation(recorded);
  return (variable: string, month: string) => {
    if (!situation || !months.includes(month)) return null;
    try {
      const { values } = evaluate(situation, { period: month, variables: [variable] });
      const total = Object.values(values[variable] ?? {}).reduce<number>((sum, value) => sum + Number(value), 0);
      return Math.round(total * 100) / 100;
    } catch (error) {
      // Not supported for this household: the step shows no amount rather than a wrong one.
      if (error instanceof NotSupportedError || error instanceof SituationError) return null;
      throw error;
    }
  };
};

/** The person's calendars today: one per journey they are on. */
export const personCalendars = async (db: Sql, personId: string, today: string): Promise<Calendar[]> => {
  const completions = await db.query<{ journey: string; step_id: string }>(
    'select journey, step_id from journeys.step_completions where person_id = $1',
    [personId],
  );
  const amountOf = await householdAmounts(db, personId, today);
  const declarations = await familyDeclarations(db, personId);
  const calendars = await Promise.all(
    JOURNEYS.map((journey) =>
      journey.calendarFor(
        db,
        personId,
        {
          today,
          amountOf,
          done: new Set(completions.filter((row) => row.journey === journey.id).map((row) => row.step_id)),
        },
        declarations,
      ),
    ),
  );
  return calendars.filter((calendar) => calendar !== null);
};
