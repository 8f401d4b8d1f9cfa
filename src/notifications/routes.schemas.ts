// The JSON shapes of the notifications routes (they also make the OpenAPI description).
import { z } from 'zod';
import { bilingual } from '../platform/index.ts';

const messages = z.object({ fr: z.string(), en: z.string() });
const instant = z.string().describe('instant ISO 8601 (UTC)');

export const idParams = z.strictObject({ id: z.uuid() });

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.uuid().optional().describe('id de la dernière notification déjà lue : la page suivante'),
});

export const notificationResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: messages,
  body: messages,
  link: z.string().nullable(),
  at: instant,
  readAt: instant.nullable(),
});

export const listResponse = z.object({ items: z.array(notificationResponse), unreadCount: z.number().int() });
export const unreadResponse = z.object({ unreadCount: z.number().int() });

export const preferencesResponse = z.object({
  emailEnabled: z.boolean(),
  pushEnabled: z.boolean(),
  smsEnabled: z.boolean(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** What the interface says beside each channel. */
  channels: z.object({
    email: z.object({ address: z.string().nullable(), isCaptured: z.boolean() }),
    push: z.object({ subscriptions: z.number().int() }),
    sms: z.object({ phone: z.string().nullable(), isAvailable: z.boolean() }),
  }),
});

const base64url = (field: string) =>
  z
    .string()
    .min(16)
    .max(200)
    .regex(
      /^[A-Za-z0-9_-]+=*$/,
      bilingual({
        fr: `La clé ${field} doit être en base64url, comme le navigateur la donne.`,
        en: `The ${field} key must be base64url, as the browser gives it.`,
      }),
    );

/** `PushSubscription.toJSON()` as the browser gives it; push services are always HTTPS. */
export const pushSubscriptionBody = z.strictObject({
  endpoint: z
    .string()
    .max(1000)
    .refine(
      (value) => URL.canParse(value) && new URL(value).protocol === 'https:',
      bilingual({
        fr: 'L’adresse du service de push doit être une adresse https, comme le navigateur la donne.',
        en: 'The push service address must be an https address, as the browser gives it.',
      }),
    ),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: base64url('p256dh'), auth: base64url('auth') }),
});

export const pushEndpointQuery = z.strictObject({ endpoint: z.url().max(1000) });

export const vapidKeyResponse = z.object({ publicKey: z.string() });

export const capturedEmailsResponse = z.object({
  /** True when SMTP_URL is set: e-mails really leave, and nothing new is captured. */
  isSmtpConfigured: z.boolean(),
  items: z.array(
    z.object({
      id: z.number().int(),
      notificationId: z.string().nullable(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      raw: z.string(),
      capturedAt: instant,
    }),
  ),
});

export const deliveryLogResponse = z.object({
  items: z.array(
    z.object({
      notificationId: z.string(),
      kind: z.string(),
      channel: z.string(),
      target: z.string(),
      status: z.string(),
      error: z.string().nullable(),
      at: instant,
    }),
  ),
});

export const adminListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
