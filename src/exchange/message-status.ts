// Where each message of a declaration (one correlation id) stands, recipient by recipient.
import type { Messages, Sql } from '../platform/index.ts';
import { STATUS_CODES, type StatusCode } from './message.ts';

/**
 * sent: accepted by the hub, on its way (or waiting for the body to come back); received / processed /
 * rejected: the body's acknowledgement; failed: abandoned after the last attempt (an administrator may resend it).
 */
export type DeliveryStatus = 'sent' | 'received' | 'processed' | 'rejected' | 'failed';

export type MessageStatus = {
  messageId: string;
  recipient: string;
  status: DeliveryStatus;
  code: string;
  reason: Messages | null;
  attempts: number;
  /** True while the body could not be reached and the hub keeps trying. */
  isRetrying: boolean;
  updatedAt: string;
};

type Row = {
  message_id: string;
  recipient: string;
  status: 'pending' | 'delivered' | 'dead';
  ack_status: 'received' | 'processed' | 'rejected' | null;
  ack_code: string | null;
  ack_reason: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string | Date;
  delivered_at: string | Date | null;
};

const describe = (code: string): Messages | null => STATUS_CODES[code as StatusCode] ?? null;

export const getMessageStatuses = async (db: Sql, correlationId: string): Promise<MessageStatus[]> =>
  (
    await db.query<Row>(
      `select message_id, recipient, status, ack_status, ack_code, ack_reason, attempts, last_error, created_at, delivered_at
         from exchange.outbox where correlation_id = $1 order by id`,
      [correlationId],
    )
  ).map((row) => {
    const status: DeliveryStatus =
      row.status === 'dead' ? 'failed' : row.status === 'pending' ? 'sent' : row.ack_status!;
    const code =
      row.status === 'dead'
        ? 'ERR-51'
        : row.status === 'pending'
          ? row.last_error
            ? 'ERR-50'
            : 'ACK-10'
          : row.ack_code!;
    return {
      messageId: row.message_id,
      recipient: row.recipient,
      status,
      code,
      reason: row.ack_reason
        ? (JSON.parse(row.ack_reason) as Messages)
        : status === 'rejected' || status === 'failed'
          ? describe(code)
          : null,
      attempts: row.attempts,
      isRetrying: row.status === 'pending' && row.last_error !== null,
      updatedAt: new Date(row.delivered_at ?? row.created_at).toISOString(),
    };
  });
