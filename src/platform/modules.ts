import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import type { EventSubscribers } from './events/event.ts';
import type { HttpApp } from './http/app.ts';
import type { JobHandler } from './jobs/job.ts';
import type { Logger } from './logger.ts';

/** What a module's routes, jobs and seeds are given by the composition root. */
export type ModuleContext = { db: Db; config: Config; logger: Logger };

/**
 * A module declares itself to the core (Decidim's manifest): its Postgres schema's migrations,
 * its routes, its job handlers. The core never names a module; `src/modules.ts` lists them.
 */
export type GuichetModule = {
  /** Also the name of the Postgres schema the module owns. */
  name: string;
  /** Folder of `NNNN-verb-noun.sql` migrations for the module's own schema. */
  migrations?: string;
  routes?: (app: HttpApp, context: ModuleContext) => Promise<void> | void;
  /** Job handlers by job type (`<module>.<verb-noun>`), enqueued with `enqueueJob`. */
  jobs?: Record<string, JobHandler>;
  /** `{ [eventType]: { [subscriberName]: handler } }`: each runs as its own job per event. */
  subscribers?: EventSubscribers;
};
