import type { Sql } from '../platform/index.ts';
import { hashPassword } from './password.ts';

export type IdentityAudience = 'citizen' | 'agent';

export type DemoIdentity = { login: string; audience: IdentityAudience; claims: Record<string, unknown> };

/** The one password of every demo identity (shown on the demo login page). */
export const DEMO_PASSWORD = 'guichet-demo';

// One scrypt per process, shared by every demo identity: seeding thousands stays fast.
let demoHash: Promise<string> | undefined;

const BATCH = 5000;

/**
 * Creates or updates identities of the embedded provider, all with the demo password. Batched
 * with unnest arrays, so thousands take one statement per 5,000; the last of a duplicated login wins.
 */
export const addDemoIdentities = async (db: Sql, identities: DemoIdentity[]): Promise<void> => {
  const byLogin = new Map(identities.map((identity) => [identity.login.trim().toLowerCase(), identity]));
  if (!byLogin.size) return;
  const passwordHash = await (demoHash ??= hashPassword(DEMO_PASSWORD));
  const rows = [...byLogin];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await db.query(
      `insert into idp.identities (login, audience, password_hash, claims)
       select login, audience, $3, claims::jsonb from unnest($1::text[], $2::text[], $4::text[]) as t(login, audience, claims)
       on conflict (login) do update
         set audience = excluded.audience, password_hash = excluded.password_hash, claims = excluded.claims, updated_at = now()`,
      [
        batch.map(([login]) => login),
        batch.map(([, identity]) => identity.audience),
        passwordHash,
        batch.map(([, identity]) => JSON.stringify(identity.claims)),
      ],
    );
  }
};
