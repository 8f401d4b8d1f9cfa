import type { JobContext } from '../jobs/job.ts';

/** A fact recorded in `platform.events`, as its subscribers receive it. */
export type DomainEvent<P = unknown> = {
  id: number;
  /** `<module>.<what-happened>`, for example `people.birth-declared`. */
  type: string;
  /** Who or what it is about (a person id, a case id…), or null. */
  subject: string | null;
  payload: P;
  occurredAt: string;
  /** The module that published it. */
  recordedBy: string;
};

type Bivariant<P> = { handle(event: DomainEvent<P>, context: JobContext): Promise<void> }['handle'];

/** Reacts to one event type; runs as its own job, so it is retried alone when it throws. */
export type EventSubscriber<P = unknown> = Bivariant<P>;

/** A module's subscribers: `{ [eventType]: { [subscriberName]: handler } }`. */
export type EventSubscribers = Record<string, Record<string, EventSubscriber>>;
