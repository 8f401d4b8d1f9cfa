// Every journey Guichet knows: one line each, a template and how to read its facts for a person.
import type { HolidayOptions } from '../platform/index.ts';
import { buildCalendar, type Calendar, type CalendarOptions } from './build-calendar.ts';
import type { FactsSource } from './facts-source.ts';
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
import type { JourneyTemplate, StepTemplate } from './journey.ts';

export type RegisteredJourney = {
  id: string;
  stepIds: ReadonlySet<string>;
  /** The person is on this journey (their facts read, no calendar built). */
  isOn: (source: FactsSource) => Promise<boolean>;
  /** The person's calendar on this journey, or null when they are not on it. */
  calendarFor: (
    source: FactsSource,
    options: Omit<CalendarOptions<unknown>, 'facts' | 'holidays' | 'today' | 'completed'>,
  ) => Promise<Calendar | null>;
};

/**
 * A step a declaration accomplishes is done once a body has acknowledged the latest declaration of
 * that type made by the person (a step of their own) or by either parent of their famille.
 */
const isDoneByDeclaration = <F>(step: StepTemplate<F>, declarations: FactsSource['declarations']) =>
  step.completedBy?.declaration !== undefined &&
  declarations.isAcknowledged(step.completedBy.declaration, step.completedBy.declaredBy ?? 'famille');

const register = <F extends { isAlsaceMoselle?: boolean }>(
  template: JourneyTemplate<F>,
  factsOf: (source: FactsSource) => Promise<F | null>,
): RegisteredJourney => ({
  id: template.id,
  stepIds: new Set(template.steps.map((step) => step.id)),
  isOn: async (source) => (await factsOf(source)) !== null,
  calendarFor: async (source, options) => {
    const facts = await factsOf(source);
    if (!facts) return null;
    const holidays: HolidayOptions = { isAlsaceMoselle: facts.isAlsaceMoselle ?? false };
    const declared = template.steps.filter((step) => isDoneByDeclaration(step, source.declarations));
    const completed = new Set(declared.map((step) => step.id));
    return buildCalendar(template, { ...options, today: source.today, completed, facts, holidays });
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
