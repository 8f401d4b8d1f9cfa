import type { Config } from '../config.ts';
import type { Db, Row } from '../db/index.ts';
import type { Logger } from '../logger.ts';

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;

/** queued → running → done; after its last failed attempt a job is `dead` (a dead letter). */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One row of `platform.jobs`, times as ISO strings (UTC). */
export type Job = {
  id: number;
  type: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** What a handler is given beside its payload. */
export type JobContext = {
  jobId: number;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  db: Db;
  /** The process's configuration (SMTP server, public URL…), as the routes get it. */
  config: Config;
  logger: Logger;
  /** Aborted when the worker stops and the grace period is over: the job is then retried later. */
  signal: AbortSignal;
};

// A method's parameters are bivariant: a handler typed for its own payload (`{ personId: string }`)
// fits in a `Record<string, JobHandler>` without `any`.
type Bivariant<P> = { handle(payload: P, context: JobContext): Promise<void> }['handle'];

/** Runs one job. Throwing (or rejecting) makes the job retried later, then dead. */
export type JobHandler<P = unknown> = Bivariant<P>;

const toIso = (value: unknown) => (value == null ? null : new Date(value as string | Date).toISOString());

export const toJob = (row: Row): Job => ({
  id: Number(row.id),
  type: String(row.type),
  payload: row.payload,
  status: row.status as JobStatus,
  attempts: Number(row.attempts),
  maxAttempts: Number(row.max_attempts),
  runAt: toIso(row.run_at)!,
  lockedBy: (row.locked_by as string | null) ?? null,
  lockedUntil: toIso(row.locked_until),
  lastError: (row.last_error as string | null) ?? null,
  idempotencyKey: (row.idempotency_key as string | null) ?? null,
  createdAt: toIso(row.created_at)!,
  finishedAt: toIso(row.finished_at),
});
