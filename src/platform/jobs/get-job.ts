import type { Sql } from '../db/index.ts';
import { notFound } from '../http/errors.ts';
import { toJob, type Job } from './job.ts';

export const jobNotFound = () => notFound({ fr: 'Ce travail', en: 'This job' });

/** One job with its payload and last error; 404 when it does not exist (or was purged). */
export const getJob = async (db: Sql, id: number): Promise<Job> => {
  const [row] = await db.query('select * from platform.jobs where id = $1', [id]);
  if (!row) throw jobNotFound();
  return toJob(row);
};
