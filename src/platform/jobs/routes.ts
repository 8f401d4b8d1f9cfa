import { z } from 'zod';
import { requireUser } from '../auth/user.ts';
import type { HttpApp } from '../http/app.ts';
import type { ModuleContext } from '../modules.ts';
import { getJob } from './get-job.ts';
import { JOB_STATUSES } from './job.ts';
import { listJobs } from './list-jobs.ts';
import { retryJob } from './retry-job.ts';

const jobStatus = z.enum(JOB_STATUSES);

const jobSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  payload: z.unknown(),
  status: jobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const listJobsQuery = z.object({
  status: jobStatus.optional(),
  type: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const jobListSchema = z.object({
  jobs: z.array(jobSchema),
  counts: z.object({
    queued: z.number().int(),
    running: z.number().int(),
    done: z.number().int(),
    dead: z.number().int(),
  }),
});

const jobParams = z.object({ id: z.coerce.number().int().positive() });

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messages: z.object({ fr: z.string(), en: z.string() }),
});

const tags = ['admin: travaux (jobs)'];

/** Admin screens of the job queue: what is waiting, what failed, and retrying a dead job. */
export const mountJobAdmin = (app: HttpApp, { db }: ModuleContext) => {
  app.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Liste des travaux, les plus récents d’abord, avec leur nombre par état',
        querystring: listJobsQuery,
        response: { 200: jobListSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return listJobs(db, request.query);
    },
  );

  app.get(
    '/api/v1/admin/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Un travail, avec sa charge utile et sa dernière erreur',
        params: jobParams,
        response: { 200: jobSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return getJob(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Relance un travail en échec définitif (dead), ses essais remis à zéro',
        params: jobParams,
        response: { 200: jobSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return retryJob(db, request.params.id);
    },
  );
};
