// The bodies' demo files, coherent with the demo population: each node writes its own store and
// returns what it declares to the hub's directory. People's data has no farming activity, so
// about one working household in eight is made a farming family here: served by the MSA instead of
// the CAF, the CPAM, the CNAV and the Urssaf.
import type { Holding } from '../exchange/index.ts';
import type { DemoHousehold } from '../people/index.ts';
import type { Sql } from '../platform/index.ts';
import { BODY_NODES } from './nodes.ts';
import type { SeedHousehold } from './node.ts';

export const isAgriculturalHousehold = (household: DemoHousehold) => {
  const byId = new Map(household.persons.map((person) => [person.id, person]));
  const hasWorker = household.familles[0]?.members.some(
    (member) =>
      member.role === 'parents' &&
      ['salarie', 'independant'].includes(byId.get(member.personId)?.situation.employmentStatus ?? ''),
  );
  return Boolean(hasWorker) && Number.parseInt(household.menage.id.replace(/-/g, '').slice(-4), 16) % 8 === 0;
};

/** Seeds every body's store; returns each body's declarations to the directory. */
export const seedBodiesDemo = async (tx: Sql, households: DemoHousehold[], { today }: { today: string }) => {
  const seedHouseholds: SeedHousehold[] = households.map((household) => ({
    ...household,
    isAgricultural: isAgriculturalHousehold(household),
  }));
  const holdings: { party: string; holdings: Holding[] }[] = [];
  for (const node of BODY_NODES)
    holdings.push({ party: node.party, holdings: await node.seed(tx, seedHouseholds, { today }) });
  return holdings;
};
