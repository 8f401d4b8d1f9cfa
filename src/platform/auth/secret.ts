import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Sql } from '../db/index.ts';

/**
 * The instance secret: GUICHET_SECRET when configured, else one generated on first start and kept
 * in `platform.secrets`, so cookies, client secrets and keys derived from it survive a restart.
 */
export const loadInstanceSecret = async (db: Sql, config: Pick<Config, 'GUICHET_SECRET'>): Promise<string> => {
  if (config.GUICHET_SECRET) return config.GUICHET_SECRET;
  // Two processes starting at once: the first insert wins, both read the same value.
  await db.query(`insert into platform.secrets (name, value) values ('instance', $1) on conflict (name) do nothing`, [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>(`select value from platform.secrets where name = 'instance'`);
  return row!.value;
};

/** A key for one purpose (HMAC-SHA256 of the purpose), so no two uses share key material. */
export const deriveSecret = (secret: string, purpose: string): Buffer =>
  createHmac('sha256', secret).update(purpose).digest();

/** The client secret of an OIDC client of the embedded provider, unless one is configured. */
export const embeddedClientSecret = (secret: string, clientId: string) =>
  deriveSecret(secret, `oidc-client-secret:${clientId}`).toString('base64url');
