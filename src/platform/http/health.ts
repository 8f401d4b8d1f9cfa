import { z } from 'zod';
import type { Db } from '../db/index.ts';
import type { HttpApp } from './app.ts';

const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string().optional() });

/** `/healthz`: the process answers. `/readyz`: it can serve (database reachable, not stopping). */
export const mountHealth = (app: HttpApp, { db, isStopping }: { db: Db; isStopping: () => boolean }) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: healthResponse } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      if (isStopping()) return reply.status(503).send({ status: 'unavailable' });
      try {
        await db.query('select 1');
        return { status: 'ok' as const, database: db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: db.kind });
      }
    },
  );
};
