import type { Row, Sql } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { installedJobRegistry, type JobRegistry } from '../jobs/registry.ts';
import type { DomainEvent } from './event.ts';

export type PublishEventInput<P = unknown> = {
  /** `<module>.<what-happened>`, e.g. `people.birth-declared`. */
  type: string;
  subject?: string | null;
  payload?: P;
  /** The publishing module; the part of `type` before its first dot by default. */
  recordedBy?: string;
};

const toEvent = (row: Row): DomainEvent => ({
  id: Number(row.id),
  type: String(row.type),
  subject: (row.subject as string | null) ?? null,
  payload: row.payload,
  occurredAt: new Date(row.occurred_at as string | Date).toISOString(),
  recordedBy: String(row.recorded_by),
});

/**
 * Records an event in the caller's transaction and, in that same transaction, one job per
 * subscriber of its type: if the change is rolled back, neither the event nor its jobs exist;
 * if it commits, every subscriber will run (and be retried) on its own.
 */
export const publishEvent = async <P>(
  tx: Sql,
  { type, subject = null, payload, recordedBy = type.split('.')[0] }: PublishEventInput<P>,
  registry: JobRegistry = installedJobRegistry(),
): Promise<DomainEvent<P>> => {
  const [row] = await tx.query(
    `insert into platform.events (type, subject, payload, recorded_by)
     values ($1, $2, $3::jsonb, $4)
     returning id, type, subject, payload, occurred_at, recorded_by`,
    [type, subject, JSON.stringify(payload ?? {}), recordedBy],
  );
  const event = toEvent(row!);
  for (const jobType of registry.subscriberJobTypes(type)) await enqueueJob(tx, { type: jobType, payload: event });
  return event as DomainEvent<P>;
};
