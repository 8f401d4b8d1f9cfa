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

export type Sex = 'F' | 'M';

export type Address = {
  label: string;
  postcode: string;
  communeCode: string;
  communeName: string;
  lat: number | null;
  lon: number | null;
};

export type Person = {
  id: string;
  /** The NIR as the server sends it; shown partly masked (`maskedNir`). */
  nir: string | null;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  birthPlace?: string;
  birthCountry?: string;
  sex: Sex;
  email: string | null;
  phone: string | null;
  address: Address | null;
};

type Member<Role extends string> = {
  role: Role;
  id: string;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  sex: Sex;
};

/** The OpenFisca entities a person belongs to: famille (CAF), foyer fiscal (tax), ménage (home). */
export type PersonFile = {
  person: Person;
  famille: { id: string; members: Member<'parents' | 'enfants'>[] } | null;
  foyerFiscal: { id: string; members: Member<'declarants' | 'personnes_a_charge'>[] } | null;
  menage: { id: string; members: Member<'personne_de_reference' | 'conjoint' | 'enfants' | 'autres'>[] } | null;
};

export type PersonSummary = {
  id: string;
  nir: string | null;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  sex: Sex;
  communeName: string | null;
};

export type PersonSearch = {
  items: PersonSummary[];
  page: number;
  pageSize: number;
  total: number;
  matchedBy: 'nir' | 'name';
};

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type Job = {
  id: number;
  type: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type JobList = { jobs: Job[]; counts: Record<JobStatus, number> };

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
    // Query and path fields come as `querystring.q`, `params.id`; body fields as their own path.
    const matches = (candidate: string | undefined) => candidate === field || candidate?.endsWith(`.${field}`);
    const issue = this.body.issues?.find((candidate) => matches(candidate.field));
    if (issue) return issue.messages[lang];
    return matches(this.body.field) ? this.body.messages[lang] : undefined;
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

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `idempotency-key` so that a form sent twice makes one declaration. */
  headers?: Record<string, string>;
};

export const apiFetch = async <T>(
  path: string,
  { method = 'GET', body, signal, headers: extraHeaders }: RequestOptions = {},
): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
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
  me: (signal?: AbortSignal) => apiFetch<PersonFile>('/api/v1/me', { signal }),
  searchPersons: (q: string, signal?: AbortSignal) =>
    apiFetch<PersonSearch>(`/api/v1/agent/persons?q=${encodeURIComponent(q)}`, { signal }),
  person: (id: string, signal?: AbortSignal) =>
    apiFetch<PersonFile>(`/api/v1/agent/persons/${encodeURIComponent(id)}`, { signal }),
  jobs: (status: JobStatus | undefined, signal?: AbortSignal) =>
    apiFetch<JobList>(`/api/v1/admin/jobs${status ? `?status=${status}` : ''}`, { signal }),
  retryJob: (id: number) => apiFetch<Job>(`/api/v1/admin/jobs/${id}/retry`, { method: 'POST' }),
  declarationTypes: (signal?: AbortSignal) =>
    apiFetch<{ types: { type: DeclarationType; label: Bilingual }[] }>('/api/v1/declarations/types', { signal }),
  declarationForm: (type: DeclarationType, signal?: AbortSignal) =>
    apiFetch<DeclarationForm>(`/api/v1/declarations/preview?type=${encodeURIComponent(type)}`, { signal }),
  previewDeclaration: (input: DeclarationDraft) =>
    apiFetch<DeclarationPreview>('/api/v1/declarations/preview', { method: 'POST', body: input }),
  submitDeclaration: (input: DeclarationDraft, idempotencyKey: string) =>
    apiFetch<Declaration>('/api/v1/declarations', {
      method: 'POST',
      body: input,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  declaration: (id: string, signal?: AbortSignal) =>
    apiFetch<Declaration>(`/api/v1/declarations/${encodeURIComponent(id)}`, { signal }),
  declarations: (signal?: AbortSignal) => apiFetch<{ declarations: Declaration[] }>('/api/v1/declarations', { signal }),
};

// --- Declarations ("tell us once"): see src/declarations/routes.ts. ---

export type Bilingual = { fr: string; en: string };

export const DECLARATION_TYPES = ['grossesse', 'naissance', 'adresse', 'foyer', 'activite', 'banque', 'deces'] as const;
export type DeclarationType = (typeof DECLARATION_TYPES)[number];

/** A filled-in form as the API takes it: `type` and the type's own fields. */
export type DeclarationDraft = { type: DeclarationType } & Record<string, unknown>;

export type RecipientPreview = {
  party: string;
  name: Bilingual;
  purpose: string;
  why: Bilingual;
  legalBasis: string;
  decision: { reference: string; date: string };
};

export type DeclarationPreview = {
  type: DeclarationType;
  label: Bilingual;
  regime: 'general' | 'agricole';
  recipients: RecipientPreview[];
};

export type Relative = { id: string; givenNames: string; familyName: string; birthDate: string; relation: string };

export type DeclarationForm = DeclarationPreview & {
  prefill: { values: Record<string, unknown>; relatives: Relative[] };
};

export type DeliveryStatus = 'sent' | 'received' | 'processed' | 'rejected' | 'failed';

export type RecipientStatus = RecipientPreview & {
  status: DeliveryStatus;
  code: string;
  reason: Bilingual | null;
  isRetrying: boolean;
  updatedAt: string;
};

export type Declaration = {
  id: string;
  type: DeclarationType;
  content: unknown;
  createdAt: string;
  recipients: RecipientStatus[];
  isComplete: boolean;
};

// --- Display helpers for the shapes above (kept here so a shape change is one edit). ---

type Named = { givenNames: string; familyName: string; usageName: string | null };

/** « Camille MARTIN », or « Camille DURAND (née MARTIN) » style with the usage name first. */
export const personName = ({ givenNames, familyName, usageName }: Named) => {
  const first = givenNames.split(/\s+/)[0] ?? givenNames;
  return usageName && usageName !== familyName
    ? `${first} ${usageName.toUpperCase()} (${familyName.toUpperCase()})`
    : `${first} ${familyName.toUpperCase()}`;
};

/** Keeps sex, year and month of birth and the key; hides the place and order of birth. */
export const maskedNir = (nir: string | null): string | undefined => {
  const digits = nir?.replace(/\s+/g, '');
  if (!digits) return undefined;
  if (!/^[0-9][0-9AB]{14}$/i.test(digits)) return digits.includes('•') || digits.includes('*') ? nir! : undefined;
  return `${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} •• ••• ••• ${digits.slice(13, 15)}`;
};

export const addressLines = (address: Address | null): string[] =>
  address ? [address.label, `${address.postcode} ${address.communeName}`].filter((line) => line.trim()) : [];

/** A French number as people write it (06 12 34 56 78); others as given. */
export const formatPhone = (phone: string) => {
  const national = phone.replace(/[\s.-]/g, '').replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
};

/** Where someone stands in the household, in words a person uses (see i18n `role.*`). */
export type HouseholdRole = 'parent' | 'conjoint' | 'enfant_a_charge' | 'enfant' | 'personne_de_reference' | 'autre';

export type HouseholdMember = Named & { id: string; birthDate: string; sex: Sex; role: HouseholdRole };

/**
 * The people living with the person (the ménage), or their CAF family when no ménage is known,
 * each with one plain role: a dependent child of the family is « enfant à charge », adults of a
 * family with children are parents, a partner without children is « conjoint ».
 */
export const householdMembers = ({ famille, menage }: PersonFile): HouseholdMember[] => {
  const familleRole = new Map(famille?.members.map((member) => [member.id, member.role]));
  const hasChildren = famille?.members.some((member) => member.role === 'enfants') ?? false;
  const people = menage?.members ?? famille?.members ?? [];
  return people.map((member) => {
    const inFamille = familleRole.get(member.id);
    const menageRole = menage?.members.find((candidate) => candidate.id === member.id)?.role;
    const role: HouseholdRole =
      inFamille === 'enfants'
        ? 'enfant_a_charge'
        : inFamille === 'parents' && hasChildren
          ? 'parent'
          : menageRole === 'conjoint'
            ? 'conjoint'
            : menageRole === 'enfants'
              ? 'enfant'
              : menageRole === 'personne_de_reference' || inFamille === 'parents'
                ? 'personne_de_reference'
                : 'autre';
    return {
      id: member.id,
      givenNames: member.givenNames,
      familyName: member.familyName,
      usageName: member.usageName,
      birthDate: member.birthDate,
      sex: member.sex,
      role,
    };
  });
};
