// Every statement that moves a job through its life, in one place for review.
// A worker owns a job while `locked_by` is its id and `locked_until` (the lease) is in the future;
// each write below checks ownership, so a worker that lost its lease cannot overwrite the job.
import type { Sql } from '../db/index.ts';
import { toJob, type Job } from './job.ts';

const ms = (param: string) => `${param}::double precision * interval '1 millisecond'`;

/** Claim order: every due urgent job before any normal one, every normal one before background work. */
export const JOB_PRIORITIES = { urgent: 1, normal: 0, background: -1 } as const;
export type JobPriority = keyof typeof JOB_PRIORITIES;
const CLAIM_ORDER = Object.values(JOB_PRIORITIES).sort((a, b) => b - a);

/**
 * Takes up to `limit` due jobs, the highest priority first. SKIP LOCKED lets several workers claim
 * side by side without waiting on or taking each other's rows; `= any(array(…))` runs the locking
 * subquery once. One statement per level, each an index range bounded by `run_at <= now()`: a single
 * `order by priority desc, run_at` would walk past every job booked for later (a reminder per person).
 * `attempts` counts a claim, so a job that keeps crashing its worker still reaches `dead`.
 */
export const claimJobs = async (
  db: Sql,
  { workerId, limit, leaseMs }: { workerId: string; limit: number; leaseMs: number },
): Promise<Job[]> => {
  const claimed: Job[] = [];
  for (const priority of CLAIM_ORDER) {
    if (claimed.length >= limit) break;
    const rows = await db.query(
      `update platform.jobs
          set status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = now() + ${ms('$3')}
        where id = any(array(
                select id from platform.jobs
                 where status = 'queued' and priority = $4 and run_at <= now()
                 order by run_at, id
                 limit $2
                 for update skip locked))
        returning *`,
      [workerId, limit - claimed.length, leaseMs, priority],
    );
    claimed.push(...rows.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id));
  }
  return claimed;
};

/** The job succeeded. False when this worker no longer held it (its lease had expired). */
export const completeJob = async (db: Sql, { id, workerId }: { id: number; workerId: string }) =>
  (
    await db.query(
      `update platform.jobs
          set status = 'done', finished_at = now(), locked_by = null, locked_until = null
        where id = $1 and locked_by = $2 and status = 'running'
        returning id`,
      [id, workerId],
    )
  ).length > 0;

/**
 * The job failed: queued again `retryInMs` later, or dead after its last attempt (or at once
 * when `isFinal`, e.g. no handler for its type). Returns the new status, or null if not held.
 */
export const failJob = async (
  db: Sql,
  {
    id,
    workerId,
    error,
    retryInMs,
    isFinal = false,
  }: { id: number; workerId: string; error: string; retryInMs: number; isFinal?: boolean },
) => {
  const [row] = await db.query<{ status: 'queued' | 'dead' }>(
    `update platform.jobs
        set status = case when $5 or attempts >= max_attempts then 'dead' else 'queued' end,
            run_at = case when $5 or attempts >= max_attempts then run_at else now() + ${ms('$4')} end,
            finished_at = case when $5 or attempts >= max_attempts then now() end,
            last_error = $3, locked_by = null, locked_until = null
      where id = $1 and locked_by = $2 and status = 'running'
      returning status`,
    [id, workerId, error, retryInMs, isFinal],
  );
  return row?.status ?? null;
};

/** Keeps this worker's running jobs leased while their handlers work. */
export const extendLeases = async (
  db: Sql,
  { ids, workerId, leaseMs }: { ids: number[]; workerId: string; leaseMs: number },
) => {
  if (!ids.length) return;
  await db.query(
    `update platform.jobs set locked_until = now() + ${ms('$3')}
      where id = any($1::bigint[]) and locked_by = $2 and status = 'running'`,
    [ids, workerId, leaseMs],
  );
};

/**
 * A lease that expired means its worker died (or hung): the job is claimable again, or dead if
 * that was its last attempt. Returns how many jobs were taken back.
 */
export const reclaimExpiredLeases = async (db: Sql) =>
  (
    await db.query(
      `update platform.jobs
          set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
              finished_at = case when attempts >= max_attempts then now() end,
              last_error = 'Bail expiré : le processus qui exécutait ce travail s’est arrêté. '
                        || '(Lease expired: the worker running this job stopped.) Travailleur / worker: ' || locked_by,
              run_at = now(), locked_by = null, locked_until = null
        where id = any(array(
                select id from platform.jobs
                 where status = 'running' and locked_until < now()
                 for update skip locked))
        returning id`,
    )
  ).length;

/**
 * A stopping worker hands back the jobs it could not finish in its grace period. The
 * interrupted run does not count as an attempt: it was stopped, it did not fail.
 */
export const releaseJobs = async (db: Sql, { ids, workerId }: { ids: number[]; workerId: string }) => {
  if (!ids.length) return 0;
  return (
    await db.query(
      `update platform.jobs
          set status = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(), locked_by = null, locked_until = null
        where id = any($1::bigint[]) and locked_by = $2 and status = 'running'
        returning id`,
      [ids, workerId],
    )
  ).length;
};
