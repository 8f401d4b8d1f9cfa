import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/app.ts';
import { AppError } from '../http/errors.ts';
import { oidcClientSettings } from './oidc-clients.ts';
import { mountAuthRoutes } from './routes.ts';
import { deriveSecret, loadInstanceSecret } from './secret.ts';
import { createSessionCache, findSession, SESSION_COOKIE, type Session } from './sessions.ts';
import type { ResolveAccount } from './user.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrfRefused = () =>
  new AppError('csrf', {
    status: 403,
    messages: {
      fr: 'Cette action n’a pas pu être vérifiée (jeton anti-falsification absent ou invalide). Rechargez la page puis réessayez.',
      en: 'This action could not be verified (missing or invalid anti-forgery token). Reload the page and try again.',
    },
  });

const isSameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export type MountAuthOptions = { db: Db; config: Config; resolveAccount: ResolveAccount };

/**
 * Sessions and OpenID Connect login, on the root app before any module's routes: sets
 * `request.user` on every request, checks the CSRF header on unsafe /api/ requests of a cookie
 * session, and mounts /auth/login/:kind, /auth/callback/:kind, /api/v1/session(/logout).
 */
export const mountAuth = async (app: HttpApp, { db, config, resolveAccount }: MountAuthOptions) => {
  const secret = await loadInstanceSecret(db, config);
  const sessions = new WeakMap<FastifyRequest, Session>();
  const sessionCache = createSessionCache(config.SESSION_CACHE_SECONDS);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.isSecure, path: '/' };

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    request.user = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(db, config, token, sessionCache);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return;
    }
    request.user = session.user;
    sessions.set(request, session);
    // SameSite=Lax already keeps the cookie off cross-site POSTs; the header also stops same-site
    // forgeries and older browsers. A request without a session needs no check: it carries no authority.
    // Nor does the OpenFisca Web API (/api/openfisca/), a public calculator that never reads the session.
    if (
      UNSAFE_METHODS.has(request.method) &&
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/openfisca/')
    ) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !isSameToken(given, session.csrfToken)) throw csrfRefused();
    }
  });

  mountAuthRoutes(app, {
    db,
    config,
    clients: oidcClientSettings(config, secret),
    loginStateKey: deriveSecret(secret, 'login-state'),
    resolveAccount,
    sessionOf: (request) => sessions.get(request),
    sessionCache,
  });
};
