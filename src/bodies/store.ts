// Writing to a node's store: bulk rows for the seeds (one INSERT … SELECT unnest per chunk), the
// body's own file numbers, and reading a message's content.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Envelope } from '../exchange/index.ts';
import type { Sql } from '../platform/index.ts';
import { BodyRejection, type SeedHousehold } from './node.ts';
import type { DemoPerson } from '../people/index.ts';

const CHUNK = 10_000;

/** Inserts rows given as columns `{ name: [type, values] }` in chunks. */
export const insertColumns = async (
  tx: Sql,
  table: string,
  columns: Record<string, [type: string, values: unknown[]]>,
) => {
  const names = Object.keys(columns);
  const count = Object.values(columns)[0]?.[1].length ?? 0;
  const arrays = names.map((name, index) => `$${index + 1}::${columns[name]![0]}[]`).join(', ');
  for (let start = 0; start < count; start += CHUNK) {
    await tx.query(
      `insert into ${table} (${names.join(', ')}) select * from unnest(${arrays})`,
      names.map((name) => columns[name]![1].slice(start, start + CHUNK)),
    );
  }
};

/** Rows to columns: `columnsOf(rows, { nir: ['text', (row) => row.nir] })`. */
export const columnsOf = <T>(rows: T[], spec: Record<string, [type: string, pick: (row: T) => unknown]>) =>
  Object.fromEntries(Object.entries(spec).map(([name, [type, pick]]) => [name, [type, rows.map(pick)]])) as Record<
    string,
    [string, unknown[]]
  >;

/** A body's own number for a file, stable for the same person (digits only). */
export const fileReference = (party: string, key: string, digits: number) => {
  const hex = createHash('sha256').update(`${party}:${key}`).digest('hex');
  return (BigInt(`0x${hex.slice(0, 15)}`) % 10n ** BigInt(digits)).toString().padStart(digits, '0');
};

/** A message content checked against its contract; a body refuses what it cannot read. */
export const readContent = <S extends z.ZodType>(schema: S, content: unknown): z.infer<S> => {
  const parsed = schema.safeParse(content);
  if (!parsed.success)
    throw new BodyRejection('REJ-11', {
      fr: `Contenu du message illisible (${parsed.error.issues[0]?.path.join('.') ?? ''}).`,
      en: `Unreadable message content (${parsed.error.issues[0]?.path.join('.') ?? ''}).`,
    });
  return parsed.data;
};

/** The persons of a household by id, its parents and children (first famille), and its adults. */
export const householdView = (household: SeedHousehold) => {
  const byId = new Map(household.persons.map((person) => [person.id, person]));
  const famille = household.familles[0]!;
  const parents = famille.members.filter((m) => m.role === 'parents').map((m) => byId.get(m.personId)!);
  const children = famille.members.filter((m) => m.role === 'enfants').map((m) => byId.get(m.personId)!);
  const others = household.familles.slice(1).flatMap((f) => f.members.map((m) => byId.get(m.personId)!));
  return { byId, parents, children, adults: [...parents, ...others] as DemoPerson[] };
};

/** Each message's content read against its contract, or the refusal of an unreadable one (batch handlers). */
export const readEach = <S extends z.ZodType>(schema: S, envelopes: Envelope[]): (z.infer<S> | BodyRejection)[] =>
  envelopes.map((envelope) => {
    try {
      return readContent(schema, envelope.content);
    } catch (error) {
      if (error instanceof BodyRejection) return error;
      throw error;
    }
  });

export const nirsOf = (...persons: ({ nir: string } | null)[]) =>
  persons.flatMap((person) => (person ? [person.nir] : []));
