// A population, column-oriented: persons are rows 0..n-1; for each group entity, every person
// has the index of the group it belongs to and its role there. One household is a population
// of a few rows; a million households is the same shape with longer arrays.
import type { EntityKey, GroupKey } from './entities.ts';

export type GroupMembership = {
  /** Number of groups of this entity. */
  count: number;
  /** For each person, the index of its group. */
  group: Int32Array;
  /** For each person, its role index in `ENTITIES[key].roles`. */
  role: Uint8Array;
  /** For each person, its rank among the members of its group (0 = first listed). */
  rank: Int32Array;
};

export type Population = {
  persons: number;
  groups: Record<GroupKey, GroupMembership>;
  /** Ids for output (single evaluations); batch populations may leave them empty. */
  ids?: { individu: string[] } & Partial<Record<GroupKey, string[]>>;
};

/** Builds a membership from each person's group and role, computing ranks in listing order. */
export const membership = (count: number, group: Int32Array, role: Uint8Array): GroupMembership => {
  const rank = new Int32Array(group.length);
  const seen = new Int32Array(count);
  for (let i = 0; i < group.length; i++) rank[i] = seen[group[i]!]!++;
  return { count, group, role, rank };
};

/** Number of rows of an entity in a population. */
export const entityCount = (population: Population, entity: GroupKey | 'individu'): number =>
  entity === 'individu' ? population.persons : population.groups[entity].count;

/** Rows of `entity` (flags) touched by the flagged rows `rows` of entity `from`: a person's
 *  groups, a group's members, or, between two group entities, the groups of the members. */
export const rowsIn = (
  population: Population,
  { entity: from, rows }: { entity: EntityKey; rows: Uint8Array },
  entity: EntityKey,
): Uint8Array => {
  if (from === entity) return rows.slice();
  let persons = rows;
  if (from !== 'individu') {
    // A plain loop: Uint8Array.from(array, fn) goes through the iterator protocol, many times slower.
    const { group } = population.groups[from];
    persons = new Uint8Array(group.length);
    for (let i = 0; i < group.length; i++) persons[i] = rows[group[i]!]!;
  }
  if (entity === 'individu') return persons;
  const { group, count } = population.groups[entity];
  const flags = new Uint8Array(count);
  for (let i = 0; i < persons.length; i++) if (persons[i]) flags[group[i]!] = 1;
  return flags;
};
