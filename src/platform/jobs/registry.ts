import type { EventSubscriber, EventSubscribers } from '../events/event.ts';
import type { JobHandler } from './job.ts';

/** The parts of a module manifest the registry reads. */
export type JobsManifest = {
  name: string;
  jobs?: Record<string, JobHandler>;
  subscribers?: EventSubscribers;
};

/** Every job handler of the application, and which jobs an event type starts. */
export type JobRegistry = {
  readonly handlers: ReadonlyMap<string, JobHandler>;
  /** One job type per subscriber of this event type (none when nobody listens). */
  subscriberJobTypes: (eventType: string) => readonly string[];
};

/** The job type that delivers an event to one subscriber, readable in the admin list. */
export const subscriberJobType = (eventType: string, module: string, subscriber: string) =>
  `event:${eventType}:${module}.${subscriber}`;

const asJobHandler =
  (subscriber: EventSubscriber): JobHandler =>
  (event, context) =>
    subscriber(event as Parameters<EventSubscriber>[0], context);

/**
 * Built once at start-up from the MODULES list (Decidim's registries): the core never names a
 * module. A job type declared twice is a programming error and stops start-up.
 */
export const createJobRegistry = (modules: readonly JobsManifest[]): JobRegistry => {
  const handlers = new Map<string, JobHandler>();
  const byEvent = new Map<string, string[]>();
  const add = (type: string, handler: JobHandler, module: string) => {
    if (handlers.has(type)) throw new Error(`Type de travail déclaré deux fois : ${type} (module ${module})`);
    handlers.set(type, handler);
  };
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.jobs ?? {})) add(type, handler, module.name);
    for (const [eventType, subscribers] of Object.entries(module.subscribers ?? {})) {
      for (const [name, subscriber] of Object.entries(subscribers)) {
        const jobType = subscriberJobType(eventType, module.name, name);
        add(jobType, asJobHandler(subscriber), module.name);
        byEvent.set(eventType, [...(byEvent.get(eventType) ?? []), jobType]);
      }
    }
  }
  return { handlers, subscriberJobTypes: (eventType) => byEvent.get(eventType) ?? [] };
};

// The process's registry, read by publishEvent. Empty until the composition root installs the
// modules' one (buildGuichet, `guichet worker`): a test on a bare database records events only.
let installed = createJobRegistry([]);

/** Makes this registry the one publishEvent and workers use by default; returns it. */
export const installJobRegistry = (registry: JobRegistry) => {
  installed = registry;
  return registry;
};

export const installedJobRegistry = () => installed;
