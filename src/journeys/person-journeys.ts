// The calendars of the journeys a person is on, with the amounts the rights engine gives for
// their household and the steps they have done.
import { addMonths, type Sql } from '../platform/index.ts';
import { getPersonFile, householdSituation, type PersonFile } from '../people/index.ts';
import { engineSituation, evaluate, NotSupportedError, SituationError } from '../rules/index.ts';
import type { Calendar } from './build-calendar.ts';
import type { FactsSource } from './facts-source.ts';
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

type Marks = { kind: 'done' | 'start'; journey: string; value: string }[];

/** What the journeys' facts are read from for the person today, and the steps they marked done. */
const factsSourceOf = async (db: Sql, file: PersonFile, today: string) => {
  const [marks, declarations] = await Promise.all([
    db.query<Marks[number]>(
      `select 'done' as kind, journey, step_id as value from journeys.step_completions where person_id = $1
       union all
       select 'start', journey, to_char(started_on, 'YYYY-MM-DD') from journeys.journey_starts where person_id = $1`,
      [file.person.id],
    ),
    familyDeclarations(db, file),
  ]);
  const starts = new Map(marks.filter((row) => row.kind === 'start').map((row) => [row.journey, row.value]));
  const source: FactsSource = { db, file, today, declarations, startedOn: (journey) => starts.get(journey) };
  return { source, marks };
};

/** The person's calendars today: one per journey they are on. Their file is read once, here. */
export const personCalendars = async (db: Sql, personId: string, today: string): Promise<Calendar[]> => {
  const file = await getPersonFile(db, personId);
  if (!file) return [];
  const [{ source, marks }, amountOf] = await Promise.all([
    factsSourceOf(db, file, today),
    householdAmounts(db, personId, today),
  ]);
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

/** The person is on some journey today (their facts read, without the calendars nor the amounts). */
export const isOnAJourney = async (db: Sql, personId: string, today: string) => {
  const file = await getPersonFile(db, personId);
  if (!file) return false;
  const { source } = await factsSourceOf(db, file, today);
  for (const journey of JOURNEYS) if (await journey.isOn(source)) return true;
  return false;
};
