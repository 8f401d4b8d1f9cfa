// Dead letters: messages abandoned after their last attempt, shown to administrators (without
// content) and sent again on demand.
import { AppError, type Sql } from '../platform/index.ts';
import { queueDelivery } from './accept-messages.ts';
import { appendLog } from './message-log.ts';

export type DeadLetter = {
  messageId: string;
  correlationId: string;
  sender: string;
  recipient: string;
  type: string;
  category: string;
  purpose: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
};

type DeadRow = {
  message_id: string;
  correlation_id: string;
  sender: string;
  recipient: string;
  type: string;
  category: string;
  purpose: string;
  attempts: number;
  last_error: string | null;
  created_at: string | Date;
};

export const listDeadLetters = async (db: Sql, { limit = 100 }: { limit?: number } = {}): Promise<DeadLetter[]> =>
  (
    await db.query<DeadRow>(
      `select message_id, correlation_id, sender, recipient, type, category, purpose, attempts, last_error, created_at
         from exchange.outbox where status = 'dead' order by id limit $1`,
      [limit],
    )
  ).map((row) => ({
    messageId: row.message_id,
    correlationId: row.correlation_id,
    sender: row.sender,
    recipient: row.recipient,
    type: row.type,
    category: row.category,
    purpose: row.purpose,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
  }));

/** Puts a dead letter back in its queue, with a fresh count of attempts; the retry is logged. */
export const retryDeadLetter = async (tx: Sql, messageId: string) => {
  const [row] = await tx.query<{
    correlation_id: string;
    sender: string;
    recipient: string;
    category: string;
    purpose: string;
    subject_key: string;
  }>(
    `update exchange.outbox set status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = null
      where message_id = $1 and status = 'dead'
      returning correlation_id, sender, recipient, category, purpose, subject_key`,
    [messageId],
  );
  if (!row)
    throw new AppError('not_dead_letter', {
      status: 404,
      messages: { fr: 'Aucun message abandonné ne porte cet identifiant.', en: 'No dead letter has this id.' },
    });
  await appendLog(tx, [
    {
      event: 'retried',
      messageId,
      correlationId: row.correlation_id,
      sender: row.sender,
      recipient: row.recipient,
      category: row.category,
      purpose: row.purpose,
      subjectKey: row.subject_key,
      code: 'ACK-10',
    },
  ]);
  await queueDelivery(tx);
};
