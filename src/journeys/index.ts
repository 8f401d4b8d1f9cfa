// Life-event journeys: templates as data (one folder each, listed in registry.ts) and the personal
// calendar built from them with the person's own dates and the rights engine's amounts.
export { buildCalendar, type Calendar, type CalendarStep, type StepStatus } from './build-calendar.ts';
export { JOURNEYS } from './registry.ts';
export type { BodyId, Channel, DateRule, JourneyTemplate, StepTemplate, Text } from './journey.ts';
export { maternityLeave, paternityLeave, type MaternityLeave, type PaternityLeave } from './birth/leaves.ts';
