import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Sql } from '../db/index.ts';
import type { LoginKind, SessionUser } from './user.ts';

export const SESSION_COOKIE = 'guichet_session';

/** An open session, as the request hook finds it. */
export type Session = {
  tokenHash: string;
  kind: LoginKind;
  user: SessionUser;
  csrfToken: string;
  idToken: string | null;
  expiresAt: string;
};

type SessionConfig = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (value: unknown) => new Date(value as string | Date).toISOString();

/** Opens a session after a login; returns the cookie token (only its hash is stored). */
export const createSession = async (
  db: Sql,
  config: SessionConfig,
  input: { kind: LoginKind; issuer: string; subject: string; user: SessionUser; idToken: string | null },
) => {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  // Expired rows go as new ones come: the table holds only live sessions plus a few minutes' worth.
  await db.query('delete from platform.sessions where expires_at < now()');
  const [row] = await db.query<{ expires_at: string | Date }>(
    `insert into platform.sessions (token_hash, kind, issuer, subject, user_data, csrf_token, id_token, expires_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7,
             least(now() + make_interval(mins => $8::int), now() + make_interval(hours => $9::int)))
     returning expires_at`,
    [
      hashToken(token),
      input.kind,
      input.issuer,
      input.subject,
      JSON.stringify(input.user),
      csrfToken,
      input.idToken,
      config.SESSION_IDLE_MINUTES,
      config.SESSION_MAX_HOURS,
    ],
  );
  return { token, csrfToken, expiresAt: iso(row!.expires_at) };
};

type SessionRow = {
  token_hash: string;
  kind: LoginKind;
  user_data: SessionUser;
  csrf_token: string;
  id_token: string | null;
  expires_at: string | Date;
  is_valid: boolean;
  needs_touch: boolean;
};

/**
 * Sessions read in the last few seconds (SESSION_CACHE_SECONDS), by token hash: a page that fires a
 * burst of API calls costs one query. A logout in this process drops its entry at once; one handled
 * by another process (a second `guichet start` behind the same load balancer) is seen here within
 * that delay. A session is never served past its own expiry.
 */
export type SessionCache = { entries: Map<string, { session: Session; until: number }>; ttlMs: number };
const CACHE_MAX_ENTRIES = 10_000;

export const createSessionCache = (seconds: number): SessionCache => ({ entries: new Map(), ttlMs: seconds * 1000 });

/**
 * The live session of a cookie token, its idle deadline moved forward; null when unknown or
 * expired (an expired row is deleted). The row is rewritten at most once a minute per session.
 */
export const findSession = async (
  db: Sql,
  config: SessionConfig,
  token: string,
  cache?: SessionCache,
): Promise<Session | null> => {
  const tokenHash = hashToken(token);
  const now = Date.now();
  const cached = cache?.entries.get(tokenHash);
  if (cached && cached.until > now && Date.parse(cached.session.expiresAt) > now) return cached.session;
  cache?.entries.delete(tokenHash);
  const [row] = await db.query<SessionRow>(
    `select token_hash, kind, user_data, csrf_token, id_token, expires_at,
            expires_at > now() and created_at + make_interval(hours => $2::int) > now() as is_valid,
            last_seen_at < now() - interval '1 minute' as needs_touch
       from platform.sessions where token_hash = $1`,
    [tokenHash, config.SESSION_MAX_HOURS],
  );
  if (!row) return null;
  if (!row.is_valid) {
    await deleteSession(db, tokenHash);
    return null;
  }
  let expiresAt = row.expires_at;
  if (row.needs_touch) {
    const [touched] = await db.query<{ expires_at: string | Date }>(
      `update platform.sessions
          set last_seen_at = now(),
              expires_at = least(now() + make_interval(mins => $2::int), created_at + make_interval(hours => $3::int))
        where token_hash = $1
        returning expires_at`,
      [tokenHash, config.SESSION_IDLE_MINUTES, config.SESSION_MAX_HOURS],
    );
    if (touched) expiresAt = touched.expires_at;
  }
  const session: Session = {
    tokenHash,
    kind: row.kind,
    user: row.user_data,
    csrfToken: row.csrf_token,
    idToken: row.id_token,
    expiresAt: iso(expiresAt),
  };
  if (cache && cache.ttlMs > 0) {
    // A Map iterates in insertion order: the first key is the oldest entry.
    if (cache.entries.size >= CACHE_MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
    cache.entries.set(tokenHash, { session, until: now + cache.ttlMs });
  }
  return session;
};

export const deleteSession = async (db: Sql, tokenHash: string, cache?: SessionCache) => {
  cache?.entries.delete(tokenHash);
  await db.query('delete from platform.sessions where token_hash = $1', [tokenHash]);
};
