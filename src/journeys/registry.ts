// Every journey Guichet knows: one line each, a template and how to read its facts for a person.
import type { HolidayOptions, Sql } from '../platform/index.ts';
import { buildCalendar, type Calendar, type CalendarOptions } from './build-calendar.ts';
import type { FamilyDeclarations } from './family-declarations.ts';
import { birthFactsOf } from './birth/facts.ts';
import { birthJourney } from './birth/journey.ts';
import { bereavementFactsOf } from './deces/facts.ts';
import { bereavementJourney } from './deces/journey.ts';
import { movingFactsOf } from './demenagement/facts.ts';
import { movingJourney } from './demenagement/journey.ts';
import { disabilityFactsOf } from './handicap/facts.ts';
import { disabilityJourney } from './handicap/journey.ts';
import { jobLossFactsOf } from './perte-emploi/facts.ts';
import { jobLossJourney } from './perte-emploi/journey.ts';
import { retirementFactsOf } from './retraite/facts.ts';
import { retirementJourney } from './retraite/journey.ts';
import { separationFactsOf } from './separation/facts.ts';
import { separationJourney } from './separation/journey.ts';
import type { JourneyTemplate } from './journey.ts';

export type RegisteredJourney = {
  id: string;
  stepIds: ReadonlySet<string>;
  /** The person's calendar on this journey, or null when they are not on it. */
  calendarFor: (
    db: Sql,
    personId: string,
    options: Omit<CalendarOptions<unknown>, 'facts' | 'holidays'>,
    declarations: FamilyDeclarations,
  ) => Promise<Calendar | null>;
};

const register = <F extends { isAlsaceMoselle?: boolean }>(
  template: JourneyTemplate<F>,
  factsOf: (db: Sql, personId: string, today: string, declarations: FamilyDeclarations) => Promise<F | null>,
): RegisteredJourney => ({
  id: template.id,
  stepIds: new Set(template.steps.map((step) => step.id)),
  calendarFor: async (db, personId, options, declarations) => {
    const facts = await factsOf(db, personId, options.today, declarations);
    if (!facts) return null;
    const holidays: HolidayOptions = { isAlsaceMoselle: facts.isAlsaceMoselle ?? false };
    // A step a declaration accomplishes is done once a body has acknowledged that declaration.
    const declared = template.steps.filter(
      (step) => step.completedBy?.declaration && declarations.acknowledged.has(step.completedBy.declaration),
    );
    const done = new Set([...options.done, ...declared.map((step) => step.id)]);
    return buildCalendar(template, { ...options, done, facts, holidays });
  },
});

export const JOURNEYS: RegisteredJourney[] = [
  register(birthJourney, birthFactsOf),
  register(movingJourney, movingFactsOf),
  register(jobLossJourney, jobLossFactsOf),
  register(separationJourney, separationFactsOf),
  register(retirementJourney, retirementFactsOf),
  register(bereavementJourney, bereavementFactsOf),
  register(disabilityJourney, disabilityFactsOf),
];
