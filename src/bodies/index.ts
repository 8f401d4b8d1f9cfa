// The bodies' reference nodes (CAF, CPAM, MSA, Urssaf, France Travail, CNAV, DGFiP, état civil).
// Each is its own module, `body_<name>`, made by one factory: its own schema and migrations (its
// own database when run apart) and a connector under /bodies/<name> that the hub calls over HTTP.
import type { GuichetModule } from '../platform/index.ts';
import { defineBody } from './define-body.ts';
import { BODY_NODES } from './nodes.ts';
import { schemaOf } from './node.ts';

const migrationsOf = (party: string) => new URL(`./${party}/migrations`, import.meta.url);

/** One module per body, in a fixed order. */
export const bodyModules: GuichetModule[] = BODY_NODES.map((node) => defineBody(node, migrationsOf(node.party)));

/** Demo files of every body, seeded from the demo population (`src/seed.ts`). */
export { seedBodiesDemo, isAgriculturalHousehold } from './seeds.ts';

/** The test switch at the edge: a body marked down answers 503 on its connector. */
export { setBodyAvailability, isBodyDown } from './availability.ts';

/** A node run as its own process (`guichet body <body> --port …`). */
export { runBody, type RunBodyOptions } from './run-body.ts';

/** The schema of a body's store. */
export { schemaOf };
