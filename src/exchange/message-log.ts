// The message log: every exchange (who, to whom, which category, why, about whom, when, outcome),
// never its content. Each row's hash covers the previous row's hash and its own fields, so a row
// changed or removed breaks the chain (`guichet audit verify`).
import { createHash } from 'node:crypto';
import type { Db, Sql } from '../platform/index.ts';

export type LogEvent = 'accepted' | 'refused' | 'delivered' | 'rejected' | 'dead' | 'retried' | 'holdings';

export type LogEntry = {
  event: LogEvent;
  messageId: string | null;
  correlationId: string | null;
  sender: string;
  recipient: string;
  category: string;
  purpose: string;
  subjectKey: string | null;
  code: string;
};

// Appends are serialised so that each row links to the one before (one lock per transaction).
const LOG_LOCK = 7_200_401;
const GENESIS = '0'.repeat(64);

const rowHash = (prevHash: string, loggedAt: string, entry: LogEntry) =>
  createHash('sha256')
    .update(
      [
        prevHash,
        loggedAt,
        entry.event,
        entry.messageId ?? '',
        entry.correlationId ?? '',
        entry.sender,
        entry.recipient,
        entry.category,
        entry.purpose,
        entry.subjectKey ?? '',
        entry.code,
      ].join('\u001f'),
    )
    .digest('hex');

/** Appends entries in the caller's transaction, chained to the last row. */
export const appendLog = async (tx: Sql, entries: LogEntry[]) => {
  if (!entries.length) return;
  await tx.query('select pg_advisory_xact_lock($1)', [LOG_LOCK]);
  const [last] = await tx.query<{ hash: string }>('select hash from exchange.message_log order by seq desc limit 1');
  let prevHash = last?.hash ?? GENESIS;
  const loggedAt = new Date().toISOString();
  const rows = entries.map((entry) => {
    const hash = rowHash(prevHash, loggedAt, entry);
    const row = { ...entry, prevHash, hash };
    prevHash = hash;
    return row;
  });
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  await tx.query(
    `insert into exchange.message_log
       (logged_at, event, message_id, correlation_id, sender, recipient, category, purpose, subject_key, code, prev_hash, hash)
     select $1::timestamptz, t.event, t.message_id, t.correlation_id, t.sender, t.recipient, t.category, t.purpose,
            t.subject_key, t.code, t.prev_hash, t.hash
       from unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[])
            with ordinality as t(event, message_id, correlation_id, sender, recipient, category, purpose, subject_key, code, prev_hash, hash, n)
      order by t.n`,
    [
      loggedAt,
      column('event'),
      column('messageId'),
      column('correlationId'),
      column('sender'),
      column('recipient'),
      column('category'),
      column('purpose'),
      column('subjectKey'),
      column('code'),
      column('prevHash'),
      column('hash'),
    ],
  );
};

export type LogVerification =
  { isIntact: true; rows: number } | { isIntact: false; rows: number; brokenAt: number; reason: 'hash' | 'link' };

type LogRow = {
  seq: number;
  logged_at: string | Date;
  event: LogEvent;
  message_id: string | null;
  correlation_id: string | null;
  sender: string;
  recipient: string;
  category: string;
  purpose: string;
  subject_key: string | null;
  code: string;
  prev_hash: string;
  hash: string;
};

/** Recomputes the chain from the first row; reports the first row whose hash or link is wrong. */
export const verifyMessageLog = async (db: Db, { pageSize = 5000 } = {}): Promise<LogVerification> => {
  let prevHash = GENESIS;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db.query<LogRow>('select * from exchange.message_log where seq > $1 order by seq limit $2', [
      afterSeq,
      pageSize,
    ]);
    if (!rows.length) return { isIntact: true, rows: count };
    for (const row of rows) {
      count++;
      if (row.prev_hash !== prevHash) return { isIntact: false, rows: count, brokenAt: row.seq, reason: 'link' };
      const expected = rowHash(prevHash, new Date(row.logged_at).toISOString(), {
        event: row.event,
        messageId: row.message_id,
        correlationId: row.correlation_id,
        sender: row.sender,
        recipient: row.recipient,
        category: row.category,
        purpose: row.purpose,
        subjectKey: row.subject_key,
        code: row.code,
      });
      if (expected !== row.hash) return { isIntact: false, rows: count, brokenAt: row.seq, reason: 'hash' };
      prevHash = row.hash;
      afterSeq = row.seq;
    }
  }
};
