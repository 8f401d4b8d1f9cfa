// Life-event journeys: templates as data (one folder each, listed in registry.ts) and the personal
// calendar built from them with the person's own dates and the rights engine's amounts.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { ENROL_JOB, enrolOnDeclaration, enrolPersonsFromFiles, REMIND_JOB, remindPerson } from './reminders.ts';
import { mountJourneysRoutes } from './routes.ts';

/** The module's manifest: schema `journeys` (steps done, enrolments, calendar feeds), routes, the daily reminders. */
export const journeysModule: GuichetModule = {
  name: 'journeys',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountJourneysRoutes,
  jobs: { [REMIND_JOB]: remindPerson, [ENROL_JOB]: enrolPersonsFromFiles },
  subscribers: { 'declarations.submitted': { 'enrol-parents': enrolOnDeclaration } },
};

/**
 * Puts a person on the daily reminder runs (when a pregnancy or a birth is declared), or, through
 * background jobs, every person whose file alone puts them on a journey (after seeding); a day's
 * run for a person.
 */
export { enrolFromFiles, enrolInJourneys, scheduleReminderRun } from './reminders.ts';

export { buildCalendar, type Calendar, type CalendarStep, type StepStatus } from './build-calendar.ts';
export { personCalendars } from './person-journeys.ts';
export type { BodyId, Channel, DateRule, JourneyTemplate, StepTemplate, Text } from './journey.ts';
/** The birth journey's template and facts (benchmarks and tests of other modules build calendars with them). */
export { birthJourney, type BirthFacts } from './birth/journey.ts';
export { maternityLeave, paternityLeave, type MaternityLeave, type PaternityLeave } from './birth/leaves.ts';
