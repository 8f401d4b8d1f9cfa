// What a body's reference node is: its party name, its store (a Postgres schema), how it applies
// each message type it understands, and how its demo files are seeded from the population.
import type { Messages, Sql } from '../platform/index.ts';
import type { BodyParty, Envelope, Holding, StatusCode } from '../exchange/index.ts';
import type { DemoHousehold } from '../people/index.ts';

/** Thrown by a handler to refuse a message for a business reason: recorded, acknowledged as rejected, never retried. */
export class BodyRejection extends Error {
  constructor(
    readonly code: StatusCode,
    readonly reason: Messages,
  ) {
    super(reason.en);
    this.name = 'BodyRejection';
  }
}

/** What applying a message may ask for: files newly opened, to declare to the hub's directory. */
export type Applied = { holdings?: Holding[] };

export type MessageHandler = (tx: Sql, envelope: Envelope) => Promise<Applied | void>;

/**
 * Applies a run of messages of one type in a few set-based statements, in order: per message,
 * what it applied or why it is refused. It checks before it writes: a refused message leaves no
 * trace. A thrown error undoes the whole run (each message is then applied again on its own).
 */
export type BatchHandler = (tx: Sql, envelopes: Envelope[]) => Promise<(Applied | BodyRejection)[]>;

/** The demo household with the scheme chosen for it (farming families are served by the MSA). */
export type SeedHousehold = DemoHousehold & { isAgricultural: boolean };

export type SeedContext = { today: string };

export type BodyNode = {
  party: BodyParty;
  handlers: Record<string, MessageHandler>;
  /** The message types applied set-based, a whole run at once (the frequent ones). */
  batchHandlers?: Record<string, BatchHandler>;
  /** Writes the body's files for the demo population; returns what it declares to the directory. */
  seed: (tx: Sql, households: SeedHousehold[], context: SeedContext) => Promise<Holding[]>;
};

export const schemaOf = (party: BodyParty) => `body_${party.replace('-', '_')}`;
