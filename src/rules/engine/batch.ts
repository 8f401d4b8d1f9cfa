// A whole population at once: the same formulas over long columns, no trace. The population is
// computed in chunks of whole households (no group split between two chunks), one simulation
// each, so memory stays bounded by the chunk, not the population. A household a formula cannot
// answer for (an input Guichet does not count yet) is "not supported" for that benefit alone,
// with the reason; the others compute.
import { newColumn, type Column } from './columns.ts';
import { GROUP_KEYS, type EntityKey } from './entities.ts';
import { parsePeriod, periodKey, type Period } from './period.ts';
import type { GroupMembership, Population } from './population.ts';
import { Simulation } from './simulation.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';

export type BatchInput = { name: string; period: string | Period; column: Column };

export type BatchRequest = { name: string; period: string | Period };

export type BatchResult = {
  /** One column per request, keyed `name@period`; a row not supported holds 0. */
  columns: Record<string, Column>;
  /** For each request (`name@period`), the rows not supported, by reason. */
  notSupported: Record<string, Array<{ reason: string; rows: Int32Array }>>;
  warnings: string[];
};

/** Persons per chunk: about a hundred megabytes of columns for the whole catalogue, and columns
 *  short enough to stay in the processor's caches between two formulas. */
const CHUNK_PERSONS = 65_536;

/** Where each group entity's rows of a chunk come from: their global indexes (`first + k` when
 *  contiguous, then `rows` is undefined and columns are sliced without a copy). */
type ChunkRows = { first: number; count: number; rows?: Int32Array };

/** Ends (exclusive) of chunks of about `size` persons, each closed under every group. */
const chunkEnds = (population: Population, size: number): number[] => {
  // For each person, the last member of any of its groups (one pass per group entity).
  const lastOfGroups = new Int32Array(population.persons);
  for (const key of GROUP_KEYS) {
    const { group, count } = population.groups[key];
    const lastMember = new Int32Array(count);
    for (let p = 0; p < group.length; p++) lastMember[group[p]!] = p;
    for (let p = 0; p < group.length; p++) lastOfGroups[p] = Math.max(lastOfGroups[p]!, lastMember[group[p]!]!);
  }
  const ends: number[] = [];
  let start = 0;
  let reach = 0;
  for (let p = 0; p < population.persons; p++) {
    reach = Math.max(reach, lastOfGroups[p]!);
    if (reach === p && (p + 1 - start >= size || p + 1 === population.persons)) {
      ends.push(p + 1);
      start = p + 1;
    }
  }
  return ends;
};

/** The groups of persons `start` to `end`, renumbered from 0 in order of first member. `local`:
 *  for each group of the population, -1 (a typed array, not a Map, on this per-person path; left
 *  all -1 again on return, to serve the next chunk). */
const chunkGroups = (
  membership: GroupMembership,
  start: number,
  end: number,
  local: Int32Array,
): { membership: GroupMembership; rows: ChunkRows } => {
  const globals: number[] = [];
  const group = new Int32Array(end - start);
  for (let p = start; p < end; p++) {
    const global = membership.group[p]!;
    let index = local[global]!;
    if (index < 0) {
      index = globals.length;
      local[global] = index;
      globals.push(global);
    }
    group[p - start] = index;
  }
  for (const global of globals) local[global] = -1;
  const first = globals[0] ?? 0;
  const isContiguous = globals.every((global, k) => global === first + k);
  return {
    membership: {
      count: globals.length,
      group,
      role: membership.role.subarray(start, end),
      rank: membership.rank.subarray(start, end),
    },
    rows: { first, count: globals.length, rows: isContiguous ? undefined : Int32Array.from(globals) },
  };
};

/** The rows of a chunk in a column of the whole population. */
const rowsOf = (column: Column, { first, count, rows }: ChunkRows): Column => {
  if (!rows) return column.subarray(first, first + count);
  const part = new (column.constructor as new (length: number) => Column)(count);
  for (let k = 0; k < count; k++) part[k] = column[rows[k]!]!;
  return part;
};

/** Computes each request over the population: one column per request, the rows not supported
 *  and the warnings (parameters past their confirmed validity). */
export const calculateBatch = (
  system: TaxBenefitSystem,
  population: Population,
  inputs: BatchInput[],
  requests: BatchRequest[],
  { chunkPersons = CHUNK_PERSONS }: { chunkPersons?: number } = {},
): BatchResult => {
  const asPeriod = (period: string | Period) => (typeof period === 'string' ? parsePeriod(period) : period);
  const asked = requests.map(({ name, period }) => {
    const at = asPeriod(period);
    const variable = system.variable(name);
    return { name, at, key: `${name}@${periodKey(at)}`, entity: variable.entity, type: variable.valueType };
  });
  const counts = (entity: EntityKey) => (entity === 'individu' ? population.persons : population.groups[entity].count);
  const result: BatchResult = { columns: {}, notSupported: {}, warnings: [] };
  for (const { key, entity, type } of asked) {
    result.columns[key] = newColumn(type, counts(entity));
    result.notSupported[key] = [];
  }
  const warnings = new Set<string>();
  const locals = Object.fromEntries(
    GROUP_KEYS.map((key) => [key, new Int32Array(population.groups[key].count).fill(-1)]),
  ) as Record<(typeof GROUP_KEYS)[number], Int32Array>;
  let start = 0;
  for (const end of chunkEnds(population, chunkPersons)) {
    const groups = {} as Population['groups'];
    const rows = { individu: { first: start, count: end - start } } as Record<EntityKey, ChunkRows>;
    for (const key of GROUP_KEYS) {
      const chunk = chunkGroups(population.groups[key], start, end, locals[key]);
      groups[key] = chunk.membership;
      rows[key] = chunk.rows;
    }
    const simulation = new Simulation(system, { persons: end - start, groups }, { refuseRows: true });
    for (const input of inputs) {
      const variable = system.variable(input.name);
      simulation.setInput(input.name, asPeriod(input.period), rowsOf(input.column, rows[variable.entity]));
    }
    for (const { name, at, key, entity } of asked) {
      const column = simulation.calculate(name, at);
      const out = result.columns[key]!;
      const { first, count, rows: scattered } = rows[entity];
      const globalRow = (k: number) => (scattered ? scattered[k]! : first + k);
      if (scattered) for (let k = 0; k < count; k++) out[scattered[k]!] = column[k]!;
      else out.set(column, first);
      for (const { reason, rows: refused } of simulation.notSupported(name, at)) {
        const global = refused.map(globalRow);
        for (const row of global) out[row] = 0;
        const byReason = result.notSupported[key]!;
        const same = byReason.find((entry) => entry.reason === reason);
        if (same) {
          const merged = new Int32Array(same.rows.length + global.length);
          merged.set(same.rows);
          merged.set(global, same.rows.length);
          same.rows = merged;
        } else byReason.push({ reason, rows: global });
      }
    }
    for (const warning of simulation.warnings) warnings.add(warning);
    start = end;
  }
  result.warnings = [...warnings];
  return result;
};
