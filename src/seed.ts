// Demo data orchestrator: the synthetic population (people) and its logins (embedded identity
// provider), in one transaction, once. Other modules' demo files (each body's records…) hook in here.
import type { Db } from './platform/index.ts';
import { addDemoIdentities } from './idp/index.ts';
import { isDemoSeeded, seedDemoPopulation } from './people/index.ts';
import { seedAppointmentsDemo } from './appointments/index.ts';

export { isDemoSeeded };

// Two processes starting at once on one server must not both seed.
const SEED_LOCK = 7_200_101;

export type SeedDemoResult = { isSeeded: boolean; identities: number; milliseconds: number };

/**
 * Loads the demo population and its logins unless already loaded; all or nothing. Returns
 * `isSeeded: false` when there was nothing to do.
 */
export const seedDemo = async (
  db: Db,
  { households, seed }: { households: number; seed: number },
): Promise<SeedDemoResult> => {
  const startedAt = performance.now();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await isDemoSeeded(tx)) return { isSeeded: false, identities: 0, milliseconds: 0 };
    const identities = await seedDemoPopulation(tx, { households, seed });
    await addDemoIdentities(tx, identities);
    await seedAppointmentsDemo(tx, { identities });
    return { isSeeded: true, identities: identities.length, milliseconds: Math.round(performance.now() - startedAt) };
  });
};
