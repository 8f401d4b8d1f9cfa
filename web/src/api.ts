// Every call the front end makes to Guichet's API, and the shapes it expects back. The endpoints are
// owned by their modules (identity: session; people: /me and the agent search; jobs: admin); when a
// shape changes, this file is the one place to adjust.

export type Role = 'citizen' | 'agent' | 'admin';

export type SessionUser = {
  accountId: string;
  role: Role;
  displayName: string;
  personId?: string;
  body?: string;
  function?: string;
};

export type Session = {
  authenticated: boolean;
  user?: SessionUser;
  csrfToken?: string;
  expiresAt?: string;
};

export type Address = {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  country?: string;
};

export type Person = {
  id: string;
  firstName?: string;
  givenNames?: string;
  lastName?: string;
  familyName?: string;
  birthName?: string;
  birthDate?: string;
  sex?: string;
  /** The NIR as the server sends it: ideally already masked; masked again here if not. */
  nir?: string;
  nirMasked?: string;
  address?: Address | string | null;
  email?: string | null;
  phone?: string | null;
};

export type HouseholdMember = Person & {
  /** The person's place in the household: parent, conjoint, enfant… (shown in plain words). */
  role: string;
  personId?: string;
};

export type Household = { id: string; members: HouseholdMember[] };

export type Me = { person: Person | null; household: Household | null };

export type PersonSummary = Person & { city?: string };

export type PersonSearch = { persons: PersonSummary[]; total?: number };

export type PersonRecord = { person: Person; household: Household | null };

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'dead';

export type Job = {
  id: string;
  kind?: string;
  name?: string;
  queue?: string;
  status: JobStatus | string;
  attempts?: number;
  maxAttempts?: number;
  lastError?: string | null;
  runAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
};

export type JobList = { jobs: Job[]; counts?: Partial<Record<string, number>> };

/** An API error as the server writes it: `{ code, message, messages: { fr, en }, field?, issues? }`. */
export type ApiErrorBody = {
  code: string;
  message: string;
  messages: { fr: string; en: string };
  field?: string;
  issues?: { field: string; messages: { fr: string; en: string } }[];
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  /** The message for one form field, if the server named it. */
  fieldMessage(field: string, lang: 'fr' | 'en'): string | undefined {
    const issue = this.body.issues?.find((candidate) => candidate.field === field);
    if (issue) return issue.messages[lang];
    return this.body.field === field ? this.body.messages[lang] : undefined;
  }
}

/** Thrown when the server cannot be reached at all (offline phone, server down). */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

let csrfToken: string | undefined;

/** Set by the session provider: every unsafe request carries it in `x-csrf-token`. */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

const isErrorBody = (value: unknown): value is ApiErrorBody =>
  typeof value === 'object' && value !== null && 'code' in value && 'messages' in value;

type RequestOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; signal?: AbortSignal };

export const apiFetch = async <T,>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isErrorBody(parsed)
        ? parsed
        : {
            code: 'http_' + response.status,
            message: response.statusText,
            messages: {
              fr: `Le serveur a répondu par une erreur (${response.status}). Réessayez dans un instant.`,
              en: `The server answered with an error (${response.status}). Try again in a moment.`,
            },
          },
    );
  }
  return parsed as T;
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const api = {
  session: (signal?: AbortSignal) => apiFetch<Session>('/api/v1/session', { signal }),
  logout: () => apiFetch<{ redirectTo: string }>('/api/v1/session/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => apiFetch<Me>('/api/v1/me', { signal }),
  searchPersons: (q: string, signal?: AbortSignal) =>
    apiFetch<PersonSearch>(`/api/v1/agent/persons?q=${encodeURIComponent(q)}`, { signal }),
  person: (id: string, signal?: AbortSignal) => apiFetch<PersonRecord>(`/api/v1/agent/persons/${encodeURIComponent(id)}`, { signal }),
  jobs: (status: string | undefined, signal?: AbortSignal) =>
    apiFetch<JobList>(`/api/v1/admin/jobs${status ? `?status=${encodeURIComponent(status)}` : ''}`, { signal }),
  retryJob: (id: string) => apiFetch<unknown>(`/api/v1/admin/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
};

// --- Display helpers for the shapes above (kept here so a shape change is one edit). ---

export const personName = (person: Person) => {
  const first = person.firstName ?? person.givenNames ?? '';
  const last = person.lastName ?? person.familyName ?? person.birthName ?? '';
  return `${first} ${last.toUpperCase()}`.trim();
};

/** Keeps sex, year and month of birth and the key; hides the place and order of birth. */
export const maskedNir = (person: Person): string | undefined => {
  if (person.nirMasked) return person.nirMasked;
  const digits = person.nir?.replace(/\s+/g, '');
  if (!digits) return undefined;
  if (!/^[0-9AB]{15}$/i.test(digits)) return person.nir;
  return `${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} •• ••• ••• ${digits.slice(13, 15)}`;
};

export const addressLines = (address: Person['address']): string[] => {
  if (!address) return [];
  if (typeof address === 'string') return [address];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine].filter((line): line is string => Boolean(line));
};
