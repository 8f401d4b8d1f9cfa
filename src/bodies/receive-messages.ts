// A node's inbox: checks each message (addressed to it, signed by its sender's published key),
// then applies it exactly once: the idempotency key is written in the same transaction as the
// change, so a replay (or a second delivery of the same message) only repeats the first answer.
import {
  isSignedBy,
  STATUS_CODES,
  type Acknowledgement,
  type SignedMessage,
  type StatusCode,
} from '../exchange/index.ts';
import type { Db, Logger, Messages } from '../platform/index.ts';
import { publicKeyOf } from './hub-client.ts';
import { BodyRejection, schemaOf, type Applied, type BodyNode } from './node.ts';

type InboxRow = { message_id: string; status: Acknowledgement['status']; code: string; reason: Messages | null };

const rejected = (messageId: string, code: StatusCode, reason: Messages = STATUS_CODES[code]): Acknowledgement => ({
  messageId,
  status: 'rejected',
  code,
  reason,
  isReplay: false,
});

export const receiveMessages = async (
  db: Db,
  node: BodyNode,
  { hubUrl, logger, onApplied }: { hubUrl: string; logger: Logger; onApplied: (applied: Applied) => Promise<void> },
  messages: SignedMessage[],
): Promise<Acknowledgement[]> => {
  const schema = schemaOf(node.party);
  const acknowledgements: Acknowledgement[] = [];
  // In order: messages of one person arrive in the order they must be applied.
  for (const message of messages) {
    const { envelope } = message;
    if (envelope.recipient !== node.party) {
      acknowledgements.push(rejected(envelope.messageId, 'REJ-12'));
      continue;
    }
    // An unsigned or forged message is refused before it can take the idempotency key of a real one.
    const key = await publicKeyOf(hubUrl, envelope.sender);
    if (!key || !isSignedBy(message, key)) {
      logger.warn({ messageId: envelope.messageId, sender: envelope.sender }, 'message refusé : signature invalide');
      acknowledgements.push(rejected(envelope.messageId, 'REJ-10'));
      continue;
    }
    const handler = node.handlers[envelope.type];
    let applied: Applied | void | 'replay';
    try {
      applied = await db.transaction(async (tx) => {
        const [row] = await tx.query(
          `insert into ${schema}.inbox (message_id, idempotency_key, correlation_id, sender, type, status, code)
           values ($1, $2, $3, $4, $5, 'processed', 'ACK-00')
           on conflict (idempotency_key) do nothing returning seq`,
          [envelope.messageId, envelope.idempotencyKey, envelope.correlationId, envelope.sender, envelope.type],
        );
        if (!row) return 'replay' as const;
        if (!handler)
          throw new BodyRejection('REJ-31', {
            fr: `Ce type de message n’est pas pris en charge par l’organisme (${envelope.type}).`,
            en: `This message type is not handled by the body (${envelope.type}).`,
          });
        return handler(tx, envelope);
      });
    } catch (error) {
      if (!(error instanceof BodyRejection)) throw error;
      // The change was rolled back; the refusal itself is recorded once, like an application.
      const [row] = await db.query(
        `insert into ${schema}.inbox (message_id, idempotency_key, correlation_id, sender, type, status, code, reason)
         values ($1, $2, $3, $4, $5, 'rejected', $6, $7::jsonb) on conflict (idempotency_key) do nothing returning seq`,
        [
          envelope.messageId,
          envelope.idempotencyKey,
          envelope.correlationId,
          envelope.sender,
          envelope.type,
          error.code,
          JSON.stringify(error.reason),
        ],
      );
      if (row) {
        acknowledgements.push({ ...rejected(envelope.messageId, error.code, error.reason) });
        continue;
      }
      applied = 'replay';
    }
    if (applied !== 'replay') {
      acknowledgements.push({
        messageId: envelope.messageId,
        status: 'processed',
        code: 'ACK-00',
        reason: null,
        isReplay: false,
      });
      if (applied)
        await onApplied(applied).catch((error: unknown) =>
          logger.error({ err: error }, 'déclaration au répertoire en échec'),
        );
      continue;
    }
    // Already applied (or refused) under this idempotency key: the first answer again, nothing applied.
    const [first] = await db.query<InboxRow>(
      `select message_id, status, code, reason from ${schema}.inbox where idempotency_key = $1`,
      [envelope.idempotencyKey],
    );
    acknowledgements.push({
      messageId: envelope.messageId,
      status: first!.status,
      code: first!.code,
      reason: first!.reason,
      isReplay: true,
    });
  }
  return acknowledgements;
};
