// The directory of references, kept current by the bodies' own declarations: "I hold (or no longer
// hold) a file on this person, in this capacity, for this period". The NIR stops here: only its
// pseudonym is written.
import { z } from 'zod';
import type { Sql } from '../platform/index.ts';
import type { Hub } from './hub.ts';
import { appendLog } from './message-log.ts';

export const holdingSchema = z
  .object({
    nir: z.string().regex(/^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$/),
    capacity: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/),
    reference: z.string().min(1).max(100).nullable(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date().nullable(),
    /** False: the body no longer holds this file (its period ends at periodEnd, today by default). */
    isHeld: z.boolean(),
  })
  .strict();
export type Holding = z.infer<typeof holdingSchema>;

const CHUNK = 10_000;

/** Writes a body's declarations in one statement per chunk; logged (without the persons) when asked. */
export const recordHoldings = async (
  tx: Sql,
  hub: Hub,
  party: string,
  holdings: Holding[],
  { isLogged = true }: { isLogged?: boolean } = {},
) => {
  const today = new Date().toISOString().slice(0, 10);
  for (let start = 0; start < holdings.length; start += CHUNK) {
    const chunk = holdings.slice(start, start + CHUNK);
    await tx.query(
      `insert into exchange.directory (subject_key, party, capacity, reference, period_start, period_end)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
       on conflict (subject_key, party, capacity) do update
         set reference = excluded.reference, period_start = excluded.period_start,
             period_end = excluded.period_end, declared_at = now()`,
      [
        chunk.map((holding) => hub.pseudonym(holding.nir)),
        chunk.map(() => party),
        chunk.map((holding) => holding.capacity),
        chunk.map((holding) => holding.reference),
        chunk.map((holding) => holding.periodStart),
        chunk.map((holding) => (holding.isHeld ? holding.periodEnd : (holding.periodEnd ?? today))),
      ],
    );
  }
  if (isLogged && holdings.length) {
    await appendLog(
      tx,
      holdings.map((holding) => ({
        event: 'holdings' as const,
        messageId: null,
        correlationId: null,
        sender: party,
        recipient: 'hub',
        category: 'repertoire',
        purpose: holding.isHeld ? 'declaration_dossier' : 'fin_dossier',
        subjectKey: hub.pseudonym(holding.nir),
        code: 'ACK-00',
      })),
    );
  }
};

export type DirectoryEntry = {
  party: string;
  capacity: string;
  reference: string | null;
  periodStart: string;
  periodEnd: string | null;
};

/** The directory entries of a person (by NIR, pseudonymised here). */
export const findDirectoryEntries = async (db: Sql, hub: Hub, nir: string): Promise<DirectoryEntry[]> =>
  (
    await db.query<{
      party: string;
      capacity: string;
      reference: string | null;
      period_start: string;
      period_end: string | null;
    }>(
      `select party, capacity, reference, period_start, period_end from exchange.directory
        where subject_key = $1 order by party, capacity`,
      [hub.pseudonym(nir)],
    )
  ).map((row) => ({
    party: row.party,
    capacity: row.capacity,
    reference: row.reference,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  }));
