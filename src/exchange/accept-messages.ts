// The hub's intake: every message is checked (signature, recipient, authorisation matrix,
// directory) before it is written to the outbox, in the caller's transaction. A refused message is
// logged and never delivered.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { enqueueJob, type Sql } from '../platform/index.ts';
import { findAuthorisation } from './authorisations.ts';
import type { Hub } from './hub.ts';
import { isSignedBy, STATUS_CODES, type SignedMessage, type StatusCode } from './message.ts';
import { appendLog, type LogEntry } from './message-log.ts';
import { BODY_PARTIES } from './parties.ts';

export const DELIVER_JOB = 'exchange.deliver';

/** Books a delivery run (at `runAt`, now by default): urgent, since a person waits for the bodies' answers. */
export const queueDelivery = (tx: Sql, runAt?: Date) =>
  enqueueJob(tx, {
    type: DELIVER_JOB,
    maxAttempts: 3,
    priority: 'urgent',
    // One run drains every due message: a burst of declarations needs one, not one each.
    ...(runAt ? { runAt, idempotencyKey: `${DELIVER_JOB}@${runAt.toISOString()}` } : { joinQueued: true }),
  });

export type Intake = {
  messageId: string;
  recipient: string;
  status: 'accepted' | 'refused';
  code: StatusCode;
  reason: { fr: string; en: string } | null;
  /** The idempotency key was already accepted: nothing new was written. */
  isReplay: boolean;
};

const keyObjects = new Map<string, KeyObject | undefined>();

/** A published key as a key object (made once per key); an unreadable one verifies nothing (REJ-10). */
const keyObjectOf = (jwk: JsonWebKey) => {
  const text = JSON.stringify(jwk);
  if (!keyObjects.has(text))
    try {
      keyObjects.set(text, createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      keyObjects.set(text, undefined);
    }
  return keyObjects.get(text);
};

export const acceptMessages = async (
  tx: Sql,
  hub: Hub,
  messages: SignedMessage[],
  { on = new Date().toISOString().slice(0, 10) }: { on?: string } = {},
): Promise<Intake[]> => {
  if (!messages.length) return [];
  const senders = [...new Set(messages.map((message) => message.envelope.sender))];
  const keys = new Map(
    (
      await tx.query<{ id: string; public_key: JsonWebKey; base_url: string | null }>(
        'select id, public_key, base_url from exchange.parties where id = any($1::text[]) or id = any($2::text[])',
        [senders, messages.map((message) => message.envelope.recipient)],
      )
    ).map((row) => [row.id, { ...row, public_key: keyObjectOf(row.public_key) }]),
  );
  const allKeys = messages.flatMap((message) => message.envelope.subjects.map((subject) => hub.pseudonym(subject.nir)));
  const held = await tx.query<{ subject_key: string; party: string }>(
    `select distinct subject_key, party from exchange.directory
      where subject_key = any($1::text[]) and period_start <= $2 and (period_end is null or period_end >= $2)`,
    [allKeys, on],
  );
  const holds = new Set(held.map((row) => `${row.party}|${row.subject_key}`));

  const signed = await Promise.all(
    messages.map((message) => {
      const key = keys.get(message.envelope.sender)?.public_key;
      return key ? isSignedBy(message, key) : false;
    }),
  );

  const results: Intake[] = [];
  const log: LogEntry[] = [];
  const toWrite: { message: SignedMessage; subjectKey: string }[] = [];
  for (const [index, message] of messages.entries()) {
    const { envelope } = message;
    const subjectKeys = envelope.subjects.map((subject) => hub.pseudonym(subject.nir));
    const refuse = (code: StatusCode) => {
      results.push({
        messageId: envelope.messageId,
        recipient: envelope.recipient,
        status: 'refused',
        code,
        reason: STATUS_CODES[code],
        isReplay: false,
      });
      log.push({
        event: 'refused',
        messageId: envelope.messageId,
        correlationId: envelope.correlationId,
        sender: envelope.sender,
        recipient: envelope.recipient,
        category: envelope.category,
        purpose: envelope.purpose,
        subjectKey: subjectKeys[0]!,
        code,
      });
    };
    if (!signed[index]) {
      refuse('REJ-10');
      continue;
    }
    const recipient = keys.get(envelope.recipient);
    if (!recipient?.base_url || !(BODY_PARTIES as readonly string[]).includes(envelope.recipient)) {
      refuse('REJ-12');
      continue;
    }
    const authorisation = findAuthorisation({
      recipient: envelope.recipient,
      category: envelope.category,
      purpose: envelope.purpose,
      on,
    });
    if (!authorisation) {
      refuse('REJ-20');
      continue;
    }
    if (authorisation.scope === 'dossier' && !subjectKeys.some((key) => holds.has(`${envelope.recipient}|${key}`))) {
      refuse('REJ-21');
      continue;
    }
    toWrite.push({ message, subjectKey: subjectKeys[0]! });
  }

  if (toWrite.length) {
    const inserted = await tx.query<{ message_id: string }>(
      `insert into exchange.outbox
         (message_id, idempotency_key, correlation_id, sender, recipient, subject_key, type, category, purpose, sealed)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       on conflict do nothing
       returning message_id`,
      [
        toWrite.map(({ message }) => message.envelope.messageId),
        toWrite.map(({ message }) => message.envelope.idempotencyKey),
        toWrite.map(({ message }) => message.envelope.correlationId),
        toWrite.map(({ message }) => message.envelope.sender),
        toWrite.map(({ message }) => message.envelope.recipient),
        toWrite.map(({ subjectKey }) => subjectKey),
        toWrite.map(({ message }) => message.envelope.type),
        toWrite.map(({ message }) => message.envelope.category),
        toWrite.map(({ message }) => message.envelope.purpose),
        toWrite.map(({ message }) => hub.seal(JSON.stringify(message))),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.message_id));
    for (const { message, subjectKey } of toWrite) {
      const { envelope } = message;
      const isReplay = !fresh.has(envelope.messageId);
      results.push({
        messageId: envelope.messageId,
        recipient: envelope.recipient,
        status: 'accepted',
        code: 'ACK-10',
        reason: null,
        isReplay,
      });
      if (isReplay) continue;
      log.push({
        event: 'accepted',
        messageId: envelope.messageId,
        correlationId: envelope.correlationId,
        sender: envelope.sender,
        recipient: envelope.recipient,
        category: envelope.category,
        purpose: envelope.purpose,
        subjectKey,
        code: 'ACK-10',
      });
    }
    if (fresh.size) await queueDelivery(tx);
  }
  await appendLog(tx, log);
  const order = new Map(messages.map((message, index) => [message.envelope.messageId, index]));
  return results.sort((a, b) => order.get(a.messageId)! - order.get(b.messageId)!);
};
