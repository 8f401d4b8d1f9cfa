// The journeys API as the web app calls it (owned by `src/journeys/`): my calendars, a step marked
// done or not, and the private address of my calendar feed.
import { apiFetch } from './api.ts';

type Bilingual = { fr: string; en: string };

export type StepStatus = 'done' | 'late' | 'to_do' | 'upcoming';

export type CalendarStep = {
  id: string;
  title: Bilingual;
  explanation: Bilingual;
  body: string;
  opensOn: string;
  dueOn: string;
  status: StepStatus;
  /** Ticked by the person (they can untick it); a step done by a declaration, a payment or the birth cannot be. */
  isTicked: boolean;
  amount: { variable: string; month: string; euros: number | null } | null;
  completedBy: { declaration?: string; payment?: string } | null;
  documents: Bilingual[];
  link: string;
  legalBasis: string[];
};

export type JourneyCalendar = {
  journey: string;
  title: Bilingual;
  startsOn: string;
  endsOn: string;
  steps: CalendarStep[];
};

const stepPath = (journey: string, step: string) =>
  `/api/v1/journeys/${encodeURIComponent(journey)}/steps/${encodeURIComponent(step)}/done`;

export const journeysApi = {
  mine: (signal?: AbortSignal) =>
    apiFetch<{ today: string; calendars: JourneyCalendar[] }>('/api/v1/journeys', { signal }),
  markDone: (journey: string, step: string) => apiFetch<void>(stepPath(journey, step), { method: 'PUT' }),
  markToDo: (journey: string, step: string) => apiFetch<void>(stepPath(journey, step), { method: 'DELETE' }),
  renewFeed: () => apiFetch<{ url: string }>('/api/v1/journeys/feed', { method: 'POST' }),
};
