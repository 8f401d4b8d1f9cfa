// Every journey Guichet knows: one line each.
import { birthJourney } from './birth/journey.ts';

export const JOURNEYS = [birthJourney] as const;
