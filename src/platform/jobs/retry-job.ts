import type { Sql } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import { jobNotFound } from './get-job.ts';
import { toJob, type Job } from './job.ts';
import { wakeWorkers } from './wake.ts';

/**
 * Puts a dead job back in the queue with a fresh count of attempts, once its cause is fixed.
 * Its last error is kept until a new one replaces it.
 */
export const retryJob = async (db: Sql, id: number): Promise<Job> => {
  const [row] = await db.query(
    `update platform.jobs
        set status = 'queued', attempts = 0, run_at = now(), finished_at = null, locked_by = null, locked_until = null
      where id = $1 and status = 'dead'
      returning *`,
    [id],
  );
  if (row) {
    wakeWorkers();
    return toJob(row);
  }
  const [existing] = await db.query<{ status: string }>('select status from platform.jobs where id = $1', [id]);
  if (!existing) throw jobNotFound();
  throw new AppError('job_not_dead', {
    status: 409,
    messages: {
      fr: `Seul un travail en échec définitif peut être relancé ; celui-ci est « ${existing.status} ».`,
      en: `Only a dead job can be retried; this one is "${existing.status}".`,
    },
  });
};
