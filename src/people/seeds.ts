// Loads the demo population into the people tables: one multi-row INSERT … SELECT unnest(…) per
// table and chunk (a few thousand households in well under a second), never row by row.
import type { Sql } from '../platform/index.ts';
import { DEMO_AGENTS, showcaseHouseholds } from './demo-showcase.ts';
import { randomHousehold } from './demo-households.ts';
import {
  agentIdentity,
  citizenIdentity,
  createGenerator,
  type DemoIdentity,
  type DemoPopulation,
} from './demo-population.ts';

const CHUNK = 20_000;

/**
 * The demo population in memory: the fixed showcase households, then `households` random ones,
 * the agents of each body and the administrator, and a login for every adult and agent.
 * Same seed and same `today`, same population (ids included).
 */
export const generateDemoPopulation = ({
  households,
  seed,
  today,
}: {
  households: number;
  seed: number;
  today: string;
}): DemoPopulation => {
  const generator = createGenerator({ seed, today });
  const all = [
    ...showcaseHouseholds(generator),
    ...Array.from({ length: Math.max(0, households) }, () => randomHousehold(generator)),
  ];
  const agents = DEMO_AGENTS.map((agent) => ({ ...agent, id: generator.random.uuid() }));
  const identities = [
    ...all.flatMap((household) => household.persons.filter((person) => person.login).map(citizenIdentity)),
    ...agents.map(agentIdentity),
  ];
  return { households: all, agents, identities };
};

type Column = { name: string; type: string; values: unknown[] };

// One statement per chunk of rows; each column travels as one typed array parameter.
const insertColumns = async (db: Sql, table: string, columns: Column[]) => {
  const count = columns[0]?.values.length ?? 0;
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  for (let start = 0; start < count; start += CHUNK) {
    await db.query(
      `insert into ${table} (${names}) select * from unnest(${arrays})`,
      columns.map((column) => column.values.slice(start, start + CHUNK)),
    );
  }
};

const columnsOf = <T>(rows: T[], spec: [name: string, type: string, pick: (row: T) => unknown][]): Column[] =>
  spec.map(([name, type, pick]) => ({ name, type, values: rows.map(pick) }));

/**
 * Writes a generated demo population (see generateDemoPopulation) and returns its logins, for the
 * embedded identity provider. Run it inside a transaction: it writes many tables.
 */
export const seedDemoPopulation = async (
  db: Sql,
  {
    households,
    seed,
    today = new Date().toISOString().slice(0, 10),
  }: { households: number; seed: number; today?: string },
): Promise<DemoIdentity[]> => {
  const population = generateDemoPopulation({ households, seed, today });
  const persons = population.households.flatMap((household) => household.persons);
  await insertColumns(
    db,
    'people.persons',
    columnsOf(persons, [
      ['id', 'uuid', (p) => p.id],
      ['nir', 'text', (p) => p.nir],
      ['given_names', 'text', (p) => p.givenNames],
      ['family_name', 'text', (p) => p.familyName],
      ['usage_name', 'text', (p) => p.usageName],
      ['birth_date', 'date', (p) => p.birthDate],
      ['birth_place', 'text', (p) => p.birthPlace],
      ['birth_country', 'text', (p) => p.birthCountry],
      ['sex', 'text', (p) => p.sex],
      ['email', 'text', (p) => p.email],
      ['phone', 'text', (p) => p.phone],
      ['address_label', 'text', (p) => p.address.label],
      ['address_postcode', 'text', (p) => p.address.postcode],
      ['address_commune_code', 'text', (p) => p.address.communeCode],
      ['address_commune_name', 'text', (p) => p.address.communeName],
      ['address_lat', 'float8', (p) => p.address.lat],
      ['address_lon', 'float8', (p) => p.address.lon],
    ]),
  );
  await insertColumns(
    db,
    'people.person_situations',
    columnsOf(persons, [
      ['person_id', 'uuid', (p) => p.id],
      ['employment_status', 'text', (p) => p.situation.employmentStatus],
      ['statut_marital', 'text', (p) => p.situation.statutMarital],
      ['monthly_net_salary_cents', 'int4', (p) => p.situation.monthlyNetSalaryCents],
      ['monthly_unemployment_benefit_cents', 'int4', (p) => p.situation.monthlyUnemploymentBenefitCents],
      ['monthly_pension_cents', 'int4', (p) => p.situation.monthlyPensionCents],
      ['disability_rate', 'int4', (p) => p.situation.disabilityRate],
      ['is_pregnant', 'bool', (p) => p.situation.isPregnant],
      ['pregnancy_due_date', 'date', (p) => p.situation.pregnancyDueDate],
    ]),
  );
  const familles = population.households.flatMap((household) => household.familles);
  const foyers = population.households.flatMap((household) => household.foyersFiscaux);
  const menages = population.households.map((household) => household.menage);
  await insertColumns(db, 'people.familles', columnsOf(familles, [['id', 'uuid', (g) => g.id]]));
  await insertColumns(db, 'people.foyers_fiscaux', columnsOf(foyers, [['id', 'uuid', (g) => g.id]]));
  await insertColumns(
    db,
    'people.menages',
    columnsOf(menages, [
      ['id', 'uuid', (m) => m.id],
      ['statut_occupation_logement', 'text', (m) => m.statutOccupationLogement],
      ['loyer_cents', 'int4', (m) => m.loyerCents],
      ['zone_apl', 'text', (m) => m.zoneApl],
      ['depcom', 'text', (m) => m.depcom],
    ]),
  );
  const memberships = <R extends string>(groups: { id: string; members: { personId: string; role: R }[] }[]) =>
    groups.flatMap((group) => group.members.map((member) => ({ groupId: group.id, ...member })));
  for (const [table, groupColumn, groups] of [
    ['people.famille_members', 'famille_id', memberships(familles)],
    ['people.foyer_fiscal_members', 'foyer_fiscal_id', memberships(foyers)],
    ['people.menage_members', 'menage_id', memberships(menages)],
  ] as const) {
    await insertColumns(
      db,
      table,
      columnsOf<{ groupId: string; personId: string; role: string }>(groups, [
        ['person_id', 'uuid', (m) => m.personId],
        [groupColumn, 'uuid', (m) => m.groupId],
        ['role', 'text', (m) => m.role],
      ]),
    );
  }
  await insertColumns(
    db,
    'people.agents',
    columnsOf(population.agents, [
      ['id', 'uuid', (a) => a.id],
      ['email', 'text', (a) => a.email],
      ['given_name', 'text', (a) => a.givenName],
      ['family_name', 'text', (a) => a.familyName],
      ['body', 'text', (a) => a.body],
      ['function', 'text', (a) => a.function],
      ['role', 'text', (a) => a.role],
    ]),
  );
  await db.query('insert into people.demo_seed (seed, households) values ($1, $2)', [seed, households]);
  return population.identities;
};

/** True once a demo population was loaded (start-up then skips seeding). */
export const isDemoSeeded = async (db: Sql) => (await db.query('select 1 from people.demo_seed')).length > 0;
