// The message every party exchanges through the hub: an envelope (who, to whom, what, why, about
// whom, the content) signed by its sender, with an idempotency key and a correlation id.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Messages } from '../platform/index.ts';
import { PARTIES } from './parties.ts';
import { signPayload, verifyPayload, type SigningKey } from './signing.ts';

const nir = z.string().regex(/^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$/);

export const envelopeSchema = z
  .object({
    messageId: z.uuid(),
    /** The same key twice is the same message: applied once, however often it is delivered. */
    idempotencyKey: z.string().min(1).max(200),
    /** Ties the messages of one declaration (or case) together. */
    correlationId: z.string().min(1).max(200),
    sender: z.enum(PARTIES),
    recipient: z.enum(PARTIES),
    /** What happened, e.g. `naissance.declaree`. */
    type: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/),
    /** The data category and the purpose checked against the authorisation matrix. */
    category: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/),
    purpose: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/),
    createdAt: z.iso.datetime(),
    /** The persons concerned, first the one whose messages must keep their order. */
    subjects: z.array(z.object({ nir }).strict()).min(1).max(10_000),
    content: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;

export const signedMessageSchema = z
  .object({ envelope: envelopeSchema, signature: z.string().min(1).max(200) })
  .strict();
export type SignedMessage = z.infer<typeof signedMessageSchema>;

/** Builds and signs an envelope (message id and time filled in). */
export const signMessage = (
  key: SigningKey,
  envelope: Omit<Envelope, 'messageId' | 'createdAt' | 'sender'> & { messageId?: string; createdAt?: string },
): SignedMessage => {
  const complete: Envelope = {
    ...envelope,
    messageId: envelope.messageId ?? randomUUID(),
    createdAt: envelope.createdAt ?? new Date().toISOString(),
    sender: key.party as Envelope['sender'],
  };
  return { envelope: complete, signature: signPayload(complete, key.privateKey) };
};

export const isSignedBy = (message: SignedMessage, publicKey: Parameters<typeof verifyPayload>[2]) =>
  verifyPayload(message.envelope, message.signature, publicKey);

/**
 * Status codes of an exchange, in the spirit of the BCSS/DCI return codes: ACK-* the message was
 * taken, REJ-* refused for a reason the sender must fix (never retried), ERR-* a transport fault (retried).
 */
export const STATUS_CODES = {
  'ACK-00': { fr: 'Message traité.', en: 'Message processed.' },
  'ACK-01': { fr: 'Message reçu, traitement à suivre.', en: 'Message received, processing to follow.' },
  'ACK-02': { fr: 'Message déjà reçu : rejeu sans effet.', en: 'Message already received: replay without effect.' },
  'ACK-10': {
    fr: 'Message accepté par la plateforme, en cours d’envoi.',
    en: 'Message accepted by the hub, being sent.',
  },
  'REJ-10': { fr: 'Signature invalide ou émetteur inconnu.', en: 'Invalid signature or unknown sender.' },
  'REJ-11': { fr: 'Message mal formé.', en: 'Malformed message.' },
  'REJ-12': { fr: 'Destinataire erroné.', en: 'Wrong recipient.' },
  'REJ-20': {
    fr: 'Échange non autorisé : aucune délibération ne permet à ce destinataire de recevoir ces données pour cette finalité.',
    en: 'Exchange not authorised: no decision allows this recipient to receive this data for this purpose.',
  },
  'REJ-21': {
    fr: 'Échange non autorisé : le destinataire n’a pas de dossier sur cette personne.',
    en: 'Exchange not authorised: the recipient holds no file on this person.',
  },
  'REJ-30': { fr: 'Personne inconnue de l’organisme.', en: 'Person unknown to the body.' },
  'REJ-31': { fr: 'Message refusé par l’organisme.', en: 'Message refused by the body.' },
  'ERR-50': { fr: 'Organisme injoignable, nouvel essai plus tard.', en: 'Body unreachable, will retry later.' },
  'ERR-51': { fr: 'Envoi abandonné après trop d’essais.', en: 'Delivery abandoned after too many attempts.' },
} as const satisfies Record<string, Messages>;
export type StatusCode = keyof typeof STATUS_CODES;

/** A receiver's answer to one message. */
export const acknowledgementSchema = z.object({
  messageId: z.uuid(),
  status: z.enum(['received', 'processed', 'rejected']),
  code: z.string(),
  reason: z.object({ fr: z.string(), en: z.string() }).nullable(),
  /** True when the idempotency key was already applied: this answer repeats the first one. */
  isReplay: z.boolean(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
