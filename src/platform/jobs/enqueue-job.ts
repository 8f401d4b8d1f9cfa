import type { Sql } from '../db/index.ts';
import { JOB_PRIORITIES, type JobPriority } from './queue.ts';
import { wakeWorkers } from './wake.ts';

export type EnqueueJobInput = {
  type: string;
  payload?: unknown;
  /** Not before this time (ISO string or Date); now by default. */
  runAt?: string | Date;
  /** Runs before the job is dead; 10 by default. */
  maxAttempts?: number;
  /** A second job with the same key is not created: its id is returned instead. */
  idempotencyKey?: string;
  /** Urgent jobs are claimed before normal ones, background work last; normal by default. */
  priority?: JobPriority;
  /**
   * For a job that works on whatever is there when it runs (no payload): join a job of the same
   * type already queued and due rather than add one, so that a burst of writes queues one run, not
   * one each. The joined job is locked until the caller's transaction ends: workers skip locked
   * jobs, so it cannot start before what the caller wrote is visible.
   */
  joinQueued?: boolean;
};

/**
 * Adds a job in the caller's transaction: it exists only if that transaction commits.
 * Returns the job's id (the existing one when the idempotency key was already used).
 */
export const enqueueJob = async (
  tx: Sql,
  { type, payload = {}, runAt, maxAttempts = 10, idempotencyKey, priority = 'normal', joinQueued }: EnqueueJobInput,
) => {
  if (joinQueued && !runAt) {
    const [queued] = await tx.query<{ id: number }>(
      `select id from platform.jobs
        where status = 'queued' and priority = $1 and run_at <= now() and type = $2
        limit 1
        for update skip locked`,
      [JOB_PRIORITIES[priority], type],
    );
    if (queued) {
      // A worker that skipped it while it was locked looks again shortly (see worker.ts).
      wakeWorkers();
      return queued.id;
    }
  }
  const [inserted] = await tx.query<{ id: number }>(
    `insert into platform.jobs (type, payload, run_at, max_attempts, idempotency_key, priority)
     values ($1, $2::jsonb, coalesce($3::timestamptz, now()), $4, $5, $6)
     on conflict (idempotency_key) do nothing
     returning id`,
    [
      type,
      JSON.stringify(payload),
      runAt ? new Date(runAt).toISOString() : null,
      maxAttempts,
      idempotencyKey ?? null,
      JOB_PRIORITIES[priority],
    ],
  );
  // The worker's claim waits for this transaction on PGlite; on a server it may miss the job and
  // find it a moment later (see worker.ts).
  wakeWorkers();
  if (inserted) return inserted.id;
  const [existing] = await tx.query<{ id: number }>('select id from platform.jobs where idempotency_key = $1', [
    idempotencyKey,
  ]);
  return existing!.id;
};
