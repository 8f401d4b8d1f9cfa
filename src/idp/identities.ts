import type { Sql } from '../platform/index.ts';
import type { IdentityAudience } from './add-demo-identities.ts';
import { verifyNothing, verifyPassword } from './password.ts';

type IdentityRow = {
  login: string;
  audience: IdentityAudience;
  password_hash: string;
  claims: Record<string, unknown>;
};

export type Identity = { login: string; audience: IdentityAudience; claims: Record<string, unknown> };

// What each real provider gives: FranceConnect's identity pivot for citizens, ProConnect's agent claims.
const CLAIMS: Record<IdentityAudience, string[]> = {
  citizen: [
    'given_name',
    'family_name',
    'birthdate',
    'gender',
    'birthplace',
    'birthcountry',
    'email',
    'preferred_username',
  ],
  agent: ['given_name', 'usual_name', 'email', 'uid'],
};

/** Every claim the provider may release, by scope. */
export const CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: [...new Set([...CLAIMS.citizen, ...CLAIMS.agent].filter((claim) => claim !== 'email'))],
  email: ['email'],
};

export const findIdentity = async (db: Sql, login: string): Promise<Identity | null> => {
  const [row] = await db.query<IdentityRow>(
    'select login, audience, password_hash, claims from idp.identities where login = $1',
    [login.trim().toLowerCase()],
  );
  return row ? { login: row.login, audience: row.audience, claims: row.claims } : null;
};

/** The claims of an identity for its audience; the login is the subject, and the default e-mail and uid. */
export const identityClaims = (identity: Identity): Record<string, unknown> => {
  const defaults = { email: identity.login, ...(identity.audience === 'agent' ? { uid: identity.login } : {}) };
  const claims: Record<string, unknown> = { ...defaults, ...identity.claims };
  return {
    sub: identity.login,
    ...Object.fromEntries(
      CLAIMS[identity.audience].filter((name) => claims[name] !== undefined).map((name) => [name, claims[name]]),
    ),
  };
};

export type CheckCredentialsResult = { identity: Identity } | { error: 'invalid_credentials' | 'wrong_audience' };

/** Login and password, checked in constant time whether or not the login exists. */
export const checkCredentials = async (
  db: Sql,
  { login, password, audience }: { login: string; password: string; audience: IdentityAudience },
): Promise<CheckCredentialsResult> => {
  const [row] = await db.query<IdentityRow>(
    'select login, audience, password_hash, claims from idp.identities where login = $1',
    [login.trim().toLowerCase()],
  );
  const isValid = row ? await verifyPassword(password, row.password_hash) : await verifyNothing(password);
  if (!row || !isValid) return { error: 'invalid_credentials' };
  if (row.audience !== audience) return { error: 'wrong_audience' };
  return { identity: { login: row.login, audience: row.audience, claims: row.claims } };
};

/** Which of these logins exist (to list only real demo accounts on the login page). */
export const existingLogins = async (db: Sql, logins: string[]) =>
  (
    await db.query<{ login: string }>('select login from idp.identities where login = any($1::text[]) order by login', [
      logins,
    ])
  ).map((row) => row.login);
