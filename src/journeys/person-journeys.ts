// The calendars of the journeys a person is on, with the amounts the rights engine gives for
// their household and the steps they have done.
import { addMonths, type Sql } from '../platform/index.ts';
import { getPersonFile, householdSituation } from '../people/index.ts';
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

/** The person's calendars today: one per journey they are on. Their file is read once, here. */
export const personCalendars = async (db: Sql, personId: string, today: string): Promise<Calendar[]> => {
  const file = await getPersonFile(db, personId);
  if (!file) return [];
  const [marks, declarations, amountOf] = await Promise.all([
    db.query<{ kind: 'done' | 'start'; journey: string; value: string }>(
      `select 'done' as kind, journey, step_id as value from journeys.step_completions where person_id = $1
       union all
       select 'start', journey, to_char(started_on, 'YYYY-MM-DD') from journeys.journey_starts where person_id = $1`,
      [personId],
    ),
    familyDeclarations(db, file),
    householdAmounts(db, personId, today),
  ]);
  const starts = new Map(marks.filter((row) => row.kind === 'start').map((row) => [row.journey, row.value]));
  const source = { db, file, today, declarations, startedOn: (journey: string) => starts.get(journey) };
  const calendars = await Promise.all(
    JOURNEYS.map((journey) =>
      journey.calendarFor(source, {
        amountOf,
        done: new Set(marks.filter((row) => row.kind === 'done' && row.journey === journey.id).map((row) => row.value)),
      }),
    ),
  );
  return calendars.filter((calendar) => calendar !== null);
};
