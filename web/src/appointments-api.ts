// The appointments API as the web app calls it (owned by `src/appointments/`): the catalogue,
// slots, hold and confirm, my appointments, documents, the video room, the survey; and the
// agents' agendas, opening ranges, absences, statuses and notes.
import { ApiError, apiFetch, NetworkError, type ApiErrorBody } from './api.ts';

export type Channel = 'video' | 'phone' | 'in_person';
export const CHANNELS: Channel[] = ['video', 'phone', 'in_person'];
export type AppointmentStatus = 'held' | 'booked' | 'seen' | 'excused' | 'no_show' | 'revoked';
export const AGENT_STATUSES = ['booked', 'seen', 'excused', 'no_show', 'revoked'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

type Bilingual = { fr: string; en: string };

export type Reason = {
  id: string;
  code: string;
  label: string;
  description: string;
  service: { id: string; name: string; body: string };
  durationMinutes: number;
  channels: Channel[];
  bookableBy: 'citizen' | 'agent';
  bookingWindowDays: number;
  minNoticeMinutes: number;
  documentsExpected: { code: string; label: Bilingual }[];
  instructionsBefore: string;
  instructionsAfter: string;
  changeDeadlineMinutes: number;
};

export type Site = {
  id: string;
  body: string;
  name: string;
  address: { label: string; postcode: string; communeCode: string; communeName: string };
  openingHours: string;
  accessibility: string[];
  phone: string | null;
};

export type Slot = {
  startsAt: string;
  endsAt: string;
  siteId: string | null;
  localDate: string;
  localTime: string;
  label: Bilingual;
  freeAdvisors: number;
};

export type Appointment = {
  id: string;
  status: AppointmentStatus;
  personId: string;
  reason: { id: string; code: string; label: string; body: string };
  advisor: { id: string; displayName: string };
  siteId: string | null;
  channel: Channel;
  startsAt: string;
  endsAt: string;
  label: Bilingual;
  holdExpiresAt: string | null;
  sequence: number;
  bookedBy: 'citizen' | 'agent';
  bookedAt: string | null;
  cancelledAt: string | null;
};

export type AppointmentDocument = {
  id: string;
  appointmentId: string;
  kind: string | null;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};

export type MyAppointment = Appointment & {
  site: Site | null;
  instructionsBefore: string;
  instructionsAfter: string;
  documentsExpected: { code: string; label: Bilingual }[];
  documents: AppointmentDocument[];
};

export type IceServer = { urls: string | string[]; username?: string; credential?: string };
export type VideoRoom =
  | { provider: 'webrtc'; signallingPath: string; iceServers: IceServer[]; opensAt: string; closesAt: string }
  | { provider: 'jitsi'; roomUrl: string; opensAt: string; closesAt: string };

export type SurveyState = 'not_yet' | 'open' | 'answered' | 'closed';
export type ProblemSolved = 'yes' | 'partly' | 'no';
export type SurveyAnswer = {
  appointmentId: string;
  satisfaction: number;
  problemSolved: ProblemSolved;
  comment: string;
  answeredAt: string;
};

export type Advisor = { id: string; agentId: string | null; email: string; displayName: string; body: string };
export type OpeningRange = {
  id: string;
  advisorId: string;
  siteId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  channels: Channel[];
  reasonIds: string[];
  validFrom: string;
  validUntil: string | null;
};
export type Absence = { id: string; advisorId: string; startsAt: string; endsAt: string; label: string };
export type Agenda = {
  from: string;
  to: string;
  appointments: Appointment[];
  openingRanges: OpeningRange[];
  absences: Absence[];
};
export type Note = { id: number; author: string; text: string; createdAt: string };
export type AgentAppointment = Appointment & {
  person: { id: string; givenNames: string; familyName: string; email: string | null; phone: string | null } | null;
  reasonDetail: Reason;
  site: Site | null;
  isAssignedToMe: boolean;
  documents: AppointmentDocument[];
  notes: Note[];
};
export type SurveyResult = {
  reason: { id: string; label: string };
  site: { id: string; name: string } | null;
  answers: number;
  averageSatisfaction: number;
  problemSolved: Record<ProblemSolved, number>;
};

/** A 409 on a slot taken meanwhile carries the next free slots. */
export type SlotConflict = ApiErrorBody & { nextSlots?: Slot[] };

const q = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])).toString();
const path = (id: string) => encodeURIComponent(id);

export const appointmentsApi = {
  reasons: (signal?: AbortSignal) => apiFetch<{ items: Reason[] }>('/api/v1/appointments/reasons', { signal }),
  sites: (reasonId: string, signal?: AbortSignal) =>
    apiFetch<{ items: Site[] }>(`/api/v1/appointments/sites?${q({ reasonId })}`, { signal }),
  slots: (
    input: { reasonId: string; channel: Channel; from: string; to: string; siteId?: string | undefined },
    signal?: AbortSignal,
  ) => apiFetch<{ slots: Slot[] }>(`/api/v1/appointments/slots?${q(input)}`, { signal }),
  hold: (body: { reasonId: string; channel: Channel; startsAt: string; siteId?: string | undefined }) =>
    apiFetch<Appointment>('/api/v1/appointments/holds', { method: 'POST', body }),
  confirm: (holdId: string) =>
    apiFetch<Appointment>(`/api/v1/appointments/holds/${path(holdId)}/confirm`, { method: 'POST' }),
  release: (holdId: string) => apiFetch<void>(`/api/v1/appointments/holds/${path(holdId)}`, { method: 'DELETE' }),
  mine: (signal?: AbortSignal) => apiFetch<{ items: Appointment[] }>('/api/v1/appointments', { signal }),
  detail: (id: string, signal?: AbortSignal) => apiFetch<MyAppointment>(`/api/v1/appointments/${path(id)}`, { signal }),
  cancel: (id: string) => apiFetch<Appointment>(`/api/v1/appointments/${path(id)}/cancel`, { method: 'POST' }),
  reschedule: (id: string, body: { startsAt: string; channel?: Channel; siteId?: string | undefined }) =>
    apiFetch<Appointment>(`/api/v1/appointments/${path(id)}/reschedule`, { method: 'POST', body }),
  deleteDocument: (id: string, documentId: string) =>
    apiFetch<void>(`/api/v1/appointments/${path(id)}/documents/${path(documentId)}`, { method: 'DELETE' }),
  icsUrl: (id: string) => `/api/v1/appointments/${path(id)}/ics`,
  documentUrl: (id: string, documentId: string) => `/api/v1/appointments/${path(id)}/documents/${path(documentId)}`,
  video: (id: string, signal?: AbortSignal) =>
    apiFetch<VideoRoom>(`/api/v1/appointments/${path(id)}/video`, { signal }),
  survey: (id: string, signal?: AbortSignal) =>
    apiFetch<{ state: SurveyState; answer: SurveyAnswer | null }>(`/api/v1/appointments/${path(id)}/survey`, {
      signal,
    }),
  answerSurvey: (id: string, body: { satisfaction: number; problemSolved: ProblemSolved; comment?: string }) =>
    apiFetch<SurveyAnswer>(`/api/v1/appointments/${path(id)}/survey`, { method: 'POST', body }),

  /**
   * Multipart (which `apiFetch` does not send): the expected document's code, then the file. The
   * server checks the type by content. `csrfToken` is the session's.
   */
  upload: async (
    id: string,
    { file, kind, csrfToken }: { file: File; kind: string | undefined; csrfToken: string | undefined },
  ): Promise<AppointmentDocument> => {
    const form = new FormData();
    if (kind) form.append('kind', kind);
    form.append('file', file, file.name);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(`/api/v1/appointments/${path(id)}/documents`, {
        method: 'POST',
        body: form,
        headers,
        credentials: 'same-origin',
      });
    } catch {
      throw new NetworkError();
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body && typeof body === 'object' && 'messages' in body
          ? (body as ApiErrorBody)
          : {
              code: `http_${response.status}`,
              message: response.statusText,
              messages: {
                fr: `Le fichier n’a pas pu être envoyé (erreur ${response.status}).`,
                en: `The file could not be sent (error ${response.status}).`,
              },
            },
      );
    }
    return body as AppointmentDocument;
  },
};

export const agendaApi = {
  advisors: (signal?: AbortSignal) =>
    apiFetch<{ items: Advisor[]; me: Advisor | null }>('/api/v1/agent/advisors', { signal }),
  sites: (body: string | undefined, signal?: AbortSignal) =>
    apiFetch<{ items: Site[] }>(`/api/v1/appointments/sites?${q({ body })}`, { signal }),
  reasons: (body: string | undefined, signal?: AbortSignal) =>
    apiFetch<{ items: Reason[] }>(`/api/v1/appointments/reasons?${q({ body })}`, { signal }),
  agenda: (
    input: { advisorId?: string | undefined; siteId?: string | undefined; date: string; view: 'day' | 'week' },
    signal?: AbortSignal,
  ) => apiFetch<Agenda>(`/api/v1/agent/agenda?${q(input)}`, { signal }),
  openingRanges: (advisorId: string, signal?: AbortSignal) =>
    apiFetch<{ items: OpeningRange[] }>(`/api/v1/agent/advisors/${path(advisorId)}/opening-ranges`, { signal }),
  addOpeningRange: (
    advisorId: string,
    body: {
      siteId: string;
      weekday: number;
      startTime: string;
      endTime: string;
      channels: Channel[];
      reasonIds: string[];
    },
  ) => apiFetch<OpeningRange>(`/api/v1/agent/advisors/${path(advisorId)}/opening-ranges`, { method: 'POST', body }),
  deleteOpeningRange: (id: string) => apiFetch<void>(`/api/v1/agent/opening-ranges/${path(id)}`, { method: 'DELETE' }),
  absences: (advisorId: string, signal?: AbortSignal) =>
    apiFetch<{ items: Absence[] }>(`/api/v1/agent/advisors/${path(advisorId)}/absences`, { signal }),
  addAbsence: (advisorId: string, body: { startsAt: string; endsAt: string; label?: string }) =>
    apiFetch<Absence>(`/api/v1/agent/advisors/${path(advisorId)}/absences`, { method: 'POST', body }),
  deleteAbsence: (id: string) => apiFetch<void>(`/api/v1/agent/absences/${path(id)}`, { method: 'DELETE' }),
  appointment: (id: string, signal?: AbortSignal) =>
    apiFetch<AgentAppointment>(`/api/v1/agent/appointments/${path(id)}`, { signal }),
  setStatus: (id: string, status: AgentStatus) =>
    apiFetch<Appointment>(`/api/v1/agent/appointments/${path(id)}/status`, { method: 'POST', body: { status } }),
  addNote: (id: string, text: string) =>
    apiFetch<Note>(`/api/v1/agent/appointments/${path(id)}/notes`, { method: 'POST', body: { text } }),
  documentUrl: (id: string, documentId: string) =>
    `/api/v1/agent/appointments/${path(id)}/documents/${path(documentId)}`,
  video: (id: string, signal?: AbortSignal) =>
    apiFetch<VideoRoom>(`/api/v1/agent/appointments/${path(id)}/video`, { signal }),
  surveys: (signal?: AbortSignal) =>
    apiFetch<{ from: string; to: string; items: SurveyResult[] }>('/api/v1/agent/surveys', { signal }),
};

/** The room may be joined from 15 minutes before the start until the end (the server decides; this shows the button). */
export const isVideoRoomOpen = (appointment: Appointment, now = Date.now()) =>
  appointment.channel === 'video' &&
  appointment.status === 'booked' &&
  now >= Date.parse(appointment.startsAt) - 15 * 60_000 &&
  now < Date.parse(appointment.endsAt);

/** Whether the person may still cancel or move it online (the reason's deadline). */
export const canStillChange = (appointment: Appointment, changeDeadlineMinutes: number, now = Date.now()) =>
  appointment.status === 'booked' && Date.parse(appointment.startsAt) - changeDeadlineMinutes * 60_000 > now;

// --- Display helpers: every time in Europe/Paris, whatever the device's own time zone. ---

const localeOf = (lang: 'fr' | 'en') => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** « mardi 2 décembre » for a Paris day (YYYY-MM-DD). */
export const formatDay = (date: string, lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Paris',
  }).format(new Date(`${date}T12:00:00Z`));

/** « 10:30 » in Paris. */
export const formatTime = (iso: string, lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(
    new Date(iso),
  );

/** The Paris day (YYYY-MM-DD) of an instant. */
export const parisDate = (iso: string | number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));

export const addDays = (date: string, days: number) => {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

export const formatBytes = (bytes: number, lang: 'fr' | 'en') =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} ${lang === 'fr' ? 'Ko' : 'KB'}`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', lang === 'fr' ? ',' : '.')} ${lang === 'fr' ? 'Mo' : 'MB'}`;
