// Demo data orchestrator: the synthetic population (people) and its logins (embedded identity
// provider), in one transaction, once. Other modules' demo files (each body's records…) hook in here.
import { loadInstanceSecret, type Config, type Db } from './platform/index.ts';
import { addDemoIdentities } from './idp/index.ts';
import { generateDemoPopulation, isDemoSeeded, seedDemoPopulation } from './people/index.ts';
import { seedAppointmentsDemo } from './appointments/index.ts';
import { seedBodiesDemo } from './bodies/index.ts';
import { createHub, recordHoldings } from './exchange/index.ts';
import { enrolFromFiles } from './journeys/index.ts';

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
  {
    households,
    seed,
    config = {},
    today = new Date().toISOString().slice(0, 10),
  }: {
    households: number;
    seed: number;
    /** GUICHET_SECRET, when set: the hub's pseudonyms derive from it. */
    config?: Pick<Config, 'GUICHET_SECRET'>;
    today?: string;
  },
): Promise<SeedDemoResult> => {
  const startedAt = performance.now();
  const result = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await isDemoSeeded(tx)) return { isSeeded: false, identities: 0, milliseconds: 0 };
    const identities = await seedDemoPopulation(tx, { households, seed, today });
    await addDemoIdentities(tx, identities);
    await seedAppointmentsDemo(tx, { identities });
    // Each body's files, from the same population (same seed and day), declared to the hub's directory.
    const population = generateDemoPopulation({ households, seed, today });
    const hub = createHub({ secret: await loadInstanceSecret(tx, config), publicUrl: '' });
    for (const { party, holdings } of await seedBodiesDemo(tx, population.households, { today }))
      await recordHoldings(tx, hub, party, holdings, { isLogged: false });
    // Those whose file puts them on a journey (a pregnancy, a disability…) get their reminders
    // without opening their calendar: background jobs read their files.
    await enrolFromFiles(
      tx,
      population.households.flatMap((household) => household.persons.map((person) => person.id)),
    );
    return { isSeeded: true, identities: identities.length, milliseconds: Math.round(performance.now() - startedAt) };
  });
  // Fresh statistics after a bulk load, or the planner scans whole tables until autovacuum comes by.
  if (result.isSeeded) await db.exec('analyze');
  return result;
};
