import type { Sql } from '../db/index.ts';

/**
 * Deletes jobs finished successfully more than `olderThanMs` ago (dead ones are kept for the
 * admin to see). Their idempotency keys become free again. Returns how many were deleted.
 */
export const purgeDoneJobs = async (db: Sql, { olderThanMs }: { olderThanMs: number }) => {
  const [row] = await db.query<{ count: number }>(
    `with purged as (
       delete from platform.jobs
        where status = 'done' and finished_at < now() - $1::double precision * interval '1 millisecond'
        returning 1)
     select count(*)::int as count from purged`,
    [olderThanMs],
  );
  return Number(row?.count ?? 0);
};
