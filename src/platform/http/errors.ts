import { z } from 'zod';

export type Messages = { fr: string; en: string };

/**
 * The one error type a use case throws. It becomes `{ code, message, messages, field? }` with the
 * HTTP status given here; `field` names the input at fault (a dotted path) when there is one.
 */
export class AppError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  readonly messages: Messages;

  constructor(
    readonly code: string,
    { status = 400, field, messages }: { status?: number; field?: string; messages: Messages },
  ) {
    super(messages.en);
    this.name = 'AppError';
    this.status = status;
    this.field = field;
    this.messages = messages;
  }
}

export const notFound = (what: Messages) =>
  new AppError('not_found', { status: 404, messages: { fr: `${what.fr} introuvable.`, en: `${what.en} not found.` } });

export const forbidden = () =>
  new AppError('forbidden', {
    status: 403,
    messages: { fr: "Vous n'avez pas accès à cette ressource.", en: 'You do not have access to this resource.' },
  });

export const unauthenticated = () =>
  new AppError('unauthenticated', {
    status: 401,
    messages: {
      fr: 'Votre session a expiré ou vous n’êtes pas connecté. Reconnectez-vous.',
      en: 'Your session has expired or you are not logged in. Please log in again.',
    },
  });

/** One failed field of a request, in both languages. */
export type FieldIssue = { field: string; messages: Messages };

const frErrors = z.locales.fr().localeError;
const enErrors = z.locales.en().localeError;

/** A request that does not match its schema: every issue, with the first one as the headline. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: FieldIssue[],
  ) {
    super(issues[0]?.messages.en ?? 'Invalid request');
    this.name = 'RequestValidationError';
  }
}

const fieldOf = (part: string, path: PropertyKey[], issue: z.core.$ZodIssue) => {
  // An unknown key is reported on its parent; name the key itself.
  const keys = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
  const dotted = keys.map(String).join('.');
  return part === 'body' ? dotted || 'body' : [part, dotted].filter(Boolean).join('.');
};

/**
 * Fastify validator for Zod schemas. Messages come in French and English (Zod's own locales,
 * or the `{ en }` param a custom refinement gives beside its French message).
 */
export const zodValidatorCompiler =
  ({ schema, httpPart }: { schema: z.ZodType; httpPart?: string }) =>
  (data: unknown) => {
    const fr = schema.safeParse(data, { error: frErrors });
    if (fr.success) return { value: fr.data };
    const en = schema.safeParse(data, { error: enErrors });
    const enIssues = en.success ? [] : en.error.issues;
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
    const issues = fr.error.issues.map((issue, index) => {
      const params = (issue as { params?: { en?: string } }).params;
      return {
        field: fieldOf(part, issue.path, issue),
        messages: { fr: issue.message, en: params?.en ?? enIssues[index]?.message ?? issue.message },
      };
    });
    return { error: new RequestValidationError(part, issues) };
  };

/** A refinement message in both languages: French as Zod's message, English as a param. */
export const bilingual = ({ fr, en }: Messages) => ({ message: fr, params: { en } });
