// A whole population at once: the same formulas over long columns, no trace. The population is
// computed in chunks of whole households (no group split between two chunks), one simulation
// each, so memory stays bounded by the chunk, not the population. A household a formula cannot
// answer for (an input Guichet does not count yet) is "not supported" for that benefit alone,
// with the reason; the others compute. Given the system's module, worker threads compute chunks
// too (see `computeChunks`).
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { newColumn, type Column, type ValueType } from './columns.ts';
import { GROUP_KEYS, type EntityKey } from './entities.ts';
import { parsePeriod, periodKey, type Period } from './period.ts';
import type { GroupMembership, Population } from './population.ts';
import { Simulation } from './simulation.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';
import { tsxWorkerCode } from './worker-bootstrap.ts';

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

/** A request with its period read and its variable looked up. */
type ReadRequest = { name: string; at: Period; key: string; entity: EntityKey; type: ValueType };

const asPeriod = (period: string | Period) => (typeof period === 'string' ? parsePeriod(period) : period);

const readRequests = (system: TaxBenefitSystem, requests: BatchRequest[]): ReadRequest[] =>
  requests.map(({ name, period }) => {
    const at = asPeriod(period);
    const variable = system.variable(name);
    return { name, at, key: `${name}@${periodKey(at)}`, entity: variable.entity, type: variable.valueType };
  });

/** A batch as every thread computing its chunks sees it: the result columns are written to by
 *  all of them (each its own rows), shared memory when there are worker threads. */
export type ChunkJob = {
  population: Population;
  inputs: BatchInput[];
  requests: ReadRequest[];
  /** Ends (exclusive) of the chunks, see `chunkEnds`. */
  ends: number[];
  columns: Record<string, Column>;
};

/** What a chunk gives besides its rows of the columns: its rows not supported (global indexes),
 *  and its warnings, merged in the order of the chunks whichever thread computed them. */
export type ChunkOutcome = { refused: Array<{ key: string; reason: string; rows: Int32Array }>; warnings: string[] };

/** The function computing chunk `index` of `job` into its columns (the same in every thread). */
export const chunkRunner = (system: TaxBenefitSystem, job: ChunkJob): ((index: number) => ChunkOutcome) => {
  const { population, inputs, requests, ends, columns } = job;
  const locals = Object.fromEntries(
    GROUP_KEYS.map((key) => [key, new Int32Array(population.groups[key].count).fill(-1)]),
  ) as Record<(typeof GROUP_KEYS)[number], Int32Array>;
  return (index) => {
    const start = index ? ends[index - 1]! : 0;
    const end = ends[index]!;
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
    const refused: ChunkOutcome['refused'] = [];
    for (const { name, at, key, entity } of requests) {
      const column = simulation.calculate(name, at);
      const out = columns[key]!;
      const { first, rows: scattered } = rows[entity];
      if (scattered) for (let k = 0; k < scattered.length; k++) out[scattered[k]!] = column[k]!;
      else out.set(column, first);
      for (const { reason, rows: local } of simulation.notSupported(name, at)) {
        const global = scattered ? local.map((k) => scattered[k]!) : local.map((k) => first + k);
        for (const row of global) out[row] = 0;
        refused.push({ key, reason, rows: global });
      }
    }
    return { refused, warnings: [...simulation.warnings] };
  };
};

/** Worker threads a batch uses by default: one per core but the one of this thread, at most three
 *  (each holds its own copy of the rules and its chunk's columns). */
const WORKERS = Math.max(0, Math.min(3, os.availableParallelism() - 1));

/** A column in memory shared with worker threads. */
const sharedColumn = (type: ValueType, length: number): Column => {
  const Type = newColumn(type, 0).constructor as new (buffer: SharedArrayBuffer) => Column;
  return new Type(new SharedArrayBuffer(length * newColumn(type, 1).BYTES_PER_ELEMENT));
};

/** `array` in shared memory: a copy, unless it is already there. */
const shared = <T extends Column>(array: T): T => {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Type = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Type(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
};

/** The job with its population and inputs in shared memory: one copy (a few tens of
 *  milliseconds for a million households) instead of a structured clone for each worker (over a
 *  second, on this thread). */
const sharedJob = (job: ChunkJob): ChunkJob => ({
  ...job,
  population: {
    persons: job.population.persons,
    groups: Object.fromEntries(
      GROUP_KEYS.map((key) => {
        const { count, group, role, rank } = job.population.groups[key];
        return [key, { count, group: shared(group), role: shared(role), rank: shared(rank) }];
      }),
    ) as Population['groups'],
  },
  inputs: job.inputs.map((input) => ({ ...input, column: shared(input.column) })),
});

/** Control words shared with the workers: the next chunk to take, then each chunk's state. */
export const NEXT_CHUNK = 0;
const PENDING = 0;
export const CHUNK_DONE = 1;
export const CHUNK_FAILED = 2;

/** How long this thread waits for a chunk a worker took before computing it itself (a worker
 *  that died); a chunk of the default size takes well under a second. */
const WAIT_MS = 60_000;

/** Data of a batch worker (see batch-worker.ts). */
export type BatchWorkerData = { job: ChunkJob; systemModule: string; control: Int32Array; port: MessagePort };

/** Computes the chunks on this thread and on `threads` worker threads at once, each taking the next
 *  chunk not taken (a shared counter), so a worker still starting (about a second: it loads the
 *  rules) costs this thread nothing. Synchronous: this thread blocks (Atomics.wait) for the
 *  chunks the workers took and reads their outcomes from their ports. A chunk a worker failed is
 *  computed here again, so an error is thrown as without workers. The population, the inputs and
 *  the result columns are in shared memory: nothing is copied between threads but each chunk's
 *  rows not supported; each thread writes its chunks' rows of the columns. */
const computeChunks = (
  run: (index: number) => ChunkOutcome,
  job: ChunkJob,
  systemModule: string,
  threads: number,
): ChunkOutcome[] => {
  const total = job.ends.length;
  const workerJob = sharedJob(job);
  const control = new Int32Array(new SharedArrayBuffer((1 + total) * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  for (let t = 0; t < threads; t++) {
    const { port1, port2 } = new MessageChannel();
    const workerData: BatchWorkerData = { job: workerJob, systemModule, control, port: port2 };
    const worker = new Worker(tsxWorkerCode(new URL('./batch-worker.ts', import.meta.url).href), {
      eval: true,
      workerData,
      transferList: [port2],
    });
    worker.unref(); // a worker still starting when the batch is done ends by itself
    worker.on('error', () => {}); // one that cannot start leaves its chunks to the others
    ports.push(port1);
  }
  const outcomes: Array<ChunkOutcome | undefined> = new Array(total);
  for (let index = Atomics.add(control, NEXT_CHUNK, 1); index < total; index = Atomics.add(control, NEXT_CHUNK, 1))
    outcomes[index] = run(index);
  const received = new Map<number, ChunkOutcome>();
  const receive = () => {
    for (const port of ports)
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const { index, outcome } = message.message as { index: number; outcome?: ChunkOutcome };
        if (outcome) received.set(index, outcome);
      }
  };
  for (let index = 0; index < total; index++) {
    if (outcomes[index]) continue;
    Atomics.wait(control, 1 + index, PENDING, WAIT_MS);
    if (Atomics.load(control, 1 + index) === CHUNK_DONE) {
      // Posted before the state was set: in the port's queue by now.
      receive();
      outcomes[index] = received.get(index);
    }
    outcomes[index] ??= run(index);
  }
  for (const port of ports) port.close();
  return outcomes as ChunkOutcome[];
};

/** Computes each request over the population: one column per request, the rows not supported
 *  and the warnings (parameters past their confirmed validity). With `systemModule` (the URL of a
 *  module whose `getSystem()` gives the same system in another thread), chunks are also computed
 *  on `workers` worker threads, see `computeChunks`. */
export const calculateBatch = (
  system: TaxBenefitSystem,
  population: Population,
  inputs: BatchInput[],
  requests: BatchRequest[],
  {
    chunkPersons = CHUNK_PERSONS,
    systemModule,
    workers = WORKERS,
  }: { chunkPersons?: number; systemModule?: string; workers?: number } = {},
): BatchResult => {
  const read = readRequests(system, requests);
  const ends = chunkEnds(population, chunkPersons);
  const threads = systemModule ? Math.min(workers, ends.length - 1) : 0;
  const counts = (entity: EntityKey) => (entity === 'individu' ? population.persons : population.groups[entity].count);
  const result: BatchResult = { columns: {}, notSupported: {}, warnings: [] };
  for (const { key, entity, type } of read) {
    result.columns[key] = threads > 0 ? sharedColumn(type, counts(entity)) : newColumn(type, counts(entity));
    result.notSupported[key] = [];
  }
  const job: ChunkJob = { population, inputs, requests: read, ends, columns: result.columns };
  const run = chunkRunner(system, job);
  const outcomes = threads > 0 ? computeChunks(run, job, systemModule!, threads) : ends.map((_, index) => run(index));
  // Rows by request and reason in the order of the chunks, copied once.
  const warnings = new Set<string>();
  const parts = new Map<string, Map<string, Int32Array[]>>();
  for (const { refused, warnings: chunkWarnings } of outcomes) {
    for (const { key, reason, rows } of refused) {
      const byReason = parts.get(key) ?? parts.set(key, new Map()).get(key)!;
      (byReason.get(reason) ?? byReason.set(reason, []).get(reason)!).push(rows);
    }
    for (const warning of chunkWarnings) warnings.add(warning);
  }
  for (const [key, byReason] of parts)
    for (const [reason, chunks] of byReason) {
      const rows = new Int32Array(chunks.reduce((length, part) => length + part.length, 0));
      let at = 0;
      for (const part of chunks) {
        rows.set(part, at);
        at += part.length;
      }
      result.notSupported[key]!.push({ reason, rows });
    }
  result.warnings = [...warnings];
  return result;
};
