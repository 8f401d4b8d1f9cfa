// The parties' registry: where each connector listens and which public key checks its signatures.
import type { JsonWebKey } from 'node:crypto';
import type { Sql } from '../platform/index.ts';
import type { Hub } from './hub.ts';
import { BODY_PARTIES, embeddedBodyUrl, PARTIES, type BodyParty } from './parties.ts';

/**
 * Registers the parties run by this process (the embedded default): each body's node on the same
 * server, or at its configured URL when it runs as its own process (`guichet body <body>`, which
 * signs with the key derived from the same secret). A party registered by an administrator (a
 * remote node with its own key) keeps its URL and key.
 */
export const registerEmbeddedParties = async (db: Sql, hub: Hub, runApart: Partial<Record<BodyParty, string>> = {}) => {
  const ids = [...PARTIES];
  await db.query(
    `insert into exchange.parties (id, base_url, public_key, is_embedded)
     select id, url, key, true from unnest($1::text[], $2::text[], $3::jsonb[]) as t(id, url, key)
     on conflict (id) do update set base_url = excluded.base_url, public_key = excluded.public_key, updated_at = now()
      where exchange.parties.is_embedded`,
    [
      ids,
      ids.map((id) =>
        (BODY_PARTIES as readonly string[]).includes(id)
          ? (runApart[id as BodyParty] ?? embeddedBodyUrl(hub.publicUrl, id as BodyParty))
          : null,
      ),
      ids.map((id) => JSON.stringify(hub.embeddedKey(id).publicJwk)),
    ],
  );
};

/** A remote node: its own URL and public key, kept across restarts. */
export const registerRemoteParty = async (
  db: Sql,
  { id, baseUrl, publicKey }: { id: string; baseUrl: string; publicKey: JsonWebKey },
) => {
  await db.query(
    `insert into exchange.parties (id, base_url, public_key, is_embedded) values ($1, $2, $3::jsonb, false)
     on conflict (id) do update set base_url = excluded.base_url, public_key = excluded.public_key, is_embedded = false, updated_at = now()`,
    [id, baseUrl, JSON.stringify(publicKey)],
  );
};

export type PartyRecord = { id: string; baseUrl: string | null; publicKey: JsonWebKey };

export const listParties = async (db: Sql): Promise<PartyRecord[]> =>
  (
    await db.query<{ id: string; base_url: string | null; public_key: JsonWebKey }>(
      'select id, base_url, public_key from exchange.parties order by id',
    )
  ).map((row) => ({ id: row.id, baseUrl: row.base_url, publicKey: row.public_key }));
