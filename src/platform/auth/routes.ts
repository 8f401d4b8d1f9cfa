import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/app.ts';
import { AppError } from '../http/errors.ts';
import { LOGIN_STATE_MAX_AGE, loginStateCookie, openLoginState, sealLoginState } from './login-state.ts';
import { lazyDiscovery, type OidcClientSettings } from './oidc-clients.ts';
import { safeReturnTo } from './return-to.ts';
import { createSession, deleteSession, SESSION_COOKIE, type Session, type SessionCache } from './sessions.ts';
import type { LoginKind, ResolveAccount } from './user.ts';

const SCOPE = 'openid profile email';
const HOME: Record<LoginKind, string> = { citizen: '/mon-espace', agent: '/agent' };

const sessionUserSchema = z.object({
  accountId: z.string(),
  role: z.enum(['citizen', 'agent', 'admin']),
  displayName: z.string(),
  personId: z.string().optional(),
  agentId: z.string().optional(),
  body: z.string().optional(),
  function: z.string().optional(),
});

const sessionResponse = z.object({
  authenticated: z.boolean(),
  user: sessionUserSchema.optional(),
  csrfToken: z
    .string()
    .optional()
    .describe('À renvoyer dans l’en-tête x-csrf-token de chaque requête POST/PUT/PATCH/DELETE sous /api/.'),
  expiresAt: z.string().optional().describe('Fin de la session si elle reste inactive (ISO 8601, UTC).'),
});

const logoutResponse = z.object({
  redirectTo: z
    .string()
    .describe('Où envoyer le navigateur : la déconnexion chez le fournisseur d’identité, puis retour à Guichet.'),
});

const kindParams = z.object({ kind: z.enum(['citizen', 'agent']) });

/** Why a login failed, as the `erreur` query parameter of the `/connexion` page. */
export type LoginError =
  'compte-inconnu' | 'connexion-annulee' | 'connexion-expiree' | 'echec-connexion' | 'fournisseur-indisponible';
const failed = (error: LoginError) => `/connexion?erreur=${error}`;

export type AuthRoutesOptions = {
  db: Db;
  config: Config;
  clients: Record<LoginKind, OidcClientSettings>;
  loginStateKey: Buffer;
  resolveAccount: ResolveAccount;
  sessionOf: (request: FastifyRequest) => Session | undefined;
  sessionCache: SessionCache;
};

export const mountAuthRoutes = (
  app: HttpApp,
  { db, config, clients, loginStateKey, resolveAccount, sessionOf, sessionCache }: AuthRoutesOptions,
) => {
  const discover = { citizen: lazyDiscovery(clients.citizen), agent: lazyDiscovery(clients.agent) };
  const loginRateLimit = { rateLimit: { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: '1 minute' } };
  const sessionCookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.isSecure, path: '/' };
  const stateCookie = (kind: LoginKind) => ({ ...sessionCookie, path: `/auth/callback/${kind}` });

  app.get(
    '/auth/login/:kind',
    {
      config: loginRateLimit,
      schema: {
        hide: true,
        params: kindParams,
        querystring: z.object({ returnTo: z.string().max(2000).optional() }),
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const { returnTo: asked } = request.query;
      const returnTo = asked === undefined ? HOME[kind] : safeReturnTo(config.publicUrl, asked);
      if (!returnTo) {
        throw new AppError('invalid_return_to', {
          field: 'query.returnTo',
          messages: {
            fr: 'L’adresse de retour doit être une page de Guichet (un chemin commençant par « / »).',
            en: 'The return address must be a Guichet page (a path starting with "/").',
          },
        });
      }
      let configuration: client.Configuration;
      try {
        configuration = await discover[kind]();
      } catch (error) {
        request.log.error({ err: error, issuer: clients[kind].issuer }, 'OIDC discovery failed');
        return reply.redirect(failed('fournisseur-indisponible'));
      }
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: clients[kind].redirectUri,
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ui_locales: 'fr',
      });
      reply.setCookie(loginStateCookie(kind), sealLoginState(loginStateKey, { codeVerifier, state, nonce, returnTo }), {
        ...stateCookie(kind),
        maxAge: LOGIN_STATE_MAX_AGE,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/callback/:kind',
    { config: loginRateLimit, schema: { hide: true, params: kindParams } },
    async (request, reply) => {
      const { kind } = request.params;
      const settings = clients[kind];
      const loginState = openLoginState(loginStateKey, request.cookies[loginStateCookie(kind)]);
      reply.clearCookie(loginStateCookie(kind), stateCookie(kind));
      reply.header('cache-control', 'no-store');
      if (!loginState) return reply.redirect(failed('connexion-expiree'));
      const currentUrl = new URL(request.url, config.publicUrl);
      if (currentUrl.searchParams.get('error') === 'access_denied') return reply.redirect(failed('connexion-annulee'));

      let login: { subject: string; claims: Record<string, unknown>; idToken: string | null };
      try {
        const configuration = await discover[kind]();
        const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: loginState.codeVerifier,
          expectedState: loginState.state,
          expectedNonce: loginState.nonce,
          idTokenExpected: true,
        });
        const subject = tokens.claims()!.sub;
        // FranceConnect and ProConnect give the identity's claims at the userinfo endpoint.
        const claims = await client.fetchUserInfo(configuration, tokens.access_token, subject);
        login = { subject, claims: { ...claims }, idToken: tokens.id_token ?? null };
      } catch (error) {
        request.log.warn({ err: error, issuer: settings.issuer }, 'OIDC callback refused');
        return reply.redirect(failed('echec-connexion'));
      }

      const user = await resolveAccount({
        kind,
        issuer: settings.issuer,
        subject: login.subject,
        claims: login.claims,
      });
      if (!user) return reply.redirect(failed('compte-inconnu'));

      const previous = sessionOf(request);
      if (previous) await deleteSession(db, previous.tokenHash, sessionCache);
      const { token } = await createSession(db, config, {
        kind,
        issuer: settings.issuer,
        subject: login.subject,
        user,
        idToken: login.idToken,
      });
      reply.setCookie(SESSION_COOKIE, token, sessionCookie);
      return reply.redirect(loginState.returnTo, 303);
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'La session en cours : qui est connecté, et le jeton CSRF à renvoyer',
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = sessionOf(request);
      if (!session) return { authenticated: false };
      return { authenticated: true, user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/api/v1/session/logout',
    {
      schema: {
        tags: ['session'],
        summary: 'Se déconnecter : ferme la session et donne l’adresse de déconnexion du fournisseur d’identité',
        response: { 200: logoutResponse },
      },
    },
    async (request, reply) => {
      const home = `${config.publicUrl}/`;
      const session = sessionOf(request);
      reply.clearCookie(SESSION_COOKIE, sessionCookie);
      if (!session) return { redirectTo: home };
      await deleteSession(db, session.tokenHash, sessionCache);
      if (!session.idToken) return { redirectTo: home };
      try {
        // RP-initiated logout: the provider ends its own session too, then sends the browser back.
        const url = client.buildEndSessionUrl(await discover[session.kind](), {
          id_token_hint: session.idToken,
          post_logout_redirect_uri: home,
        });
        return { redirectTo: url.href };
      } catch (error) {
        request.log.warn({ err: error }, 'no end_session endpoint');
        return { redirectTo: home };
      }
    },
  );
};
