import type { Sql } from '../db/index.ts';
import { JOB_STATUSES, toJob, type Job, type JobStatus } from './job.ts';

export type ListJobsInput = { status?: JobStatus; type?: string; limit?: number };

export type JobList = {
  jobs: Job[];
  /** Jobs per status (all statuses, for the `type` filter if given). */
  counts: Record<JobStatus, number>;
};

/** The newest jobs first, for the admin screen. */
export const listJobs = async (db: Sql, { status, type, limit = 50 }: ListJobsInput = {}): Promise<JobList> => {
  const [rows, countRows] = await Promise.all([
    db.query(
      `select * from platform.jobs
        where ($1::text is null or status = $1) and ($2::text is null or type = $2)
        order by id desc
        limit $3`,
      [status ?? null, type ?? null, limit],
    ),
    db.query<{ status: JobStatus; count: number }>(
      `select status, count(*)::int as count from platform.jobs
        where ($1::text is null or type = $1)
        group by status`,
      [type ?? null],
    ),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of countRows) counts[row.status] = Number(row.count);
  return { jobs: rows.map(toJob), counts };
};
