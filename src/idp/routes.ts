import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { z } from 'zod';
import { loadInstanceSecret, type Config, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { DEMO_PASSWORD, type IdentityAudience } from './add-demo-identities.ts';
import { checkCredentials, existingLogins } from './identities.ts';
import { loginPage, messagePage, type LoginPageInput } from './pages.ts';
import { clientAudiences, createIdpProvider } from './provider.ts';

const DEMO_BODIES = ['caf', 'cpam', 'msa', 'urssaf', 'france-travail', 'cnav', 'dgfip', 'etat-civil'];
const DEMO_LOGINS: Record<IdentityAudience, string[]> = {
  citizen: ['camille.martin@demo.guichet.fr'],
  agent: [...DEMO_BODIES.map((body) => `agent.${body}@demo.guichet.fr`), 'admin@demo.guichet.fr'],
};

const CREDENTIAL_ERRORS: Record<'invalid_credentials' | 'wrong_audience', Record<IdentityAudience, string>> = {
  invalid_credentials: {
    citizen: 'Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez.',
    agent: 'Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez.',
  },
  wrong_audience: {
    citizen: 'Ce compte est un compte agent : connectez-vous depuis l’espace agent de Guichet.',
    agent: 'Ce compte est un compte de particulier : connectez-vous depuis l’espace particulier de Guichet.',
  },
};

const loginForm = z.object({ login: z.string().optional(), password: z.string().optional() });
const uidParams = z.object({ uid: z.string().min(1).max(200) });

class InteractionExpired extends Error {}

const htmlReply = (reply: FastifyReply, status: number, html: string) =>
  reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

/** The provider's own routes, handed the raw request (Koa) with the `/idp` prefix removed. */
const mountProvider = async (app: HttpApp, provider: Provider, config: Config) => {
  const callback = provider.callback();
  const publicUrl = new URL(config.publicUrl);
  await app.register(async (scoped) => {
    // oidc-provider reads request bodies itself: Fastify must leave the stream untouched.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scoped.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: '/idp/*',
      schema: { hide: true },
      config: {
        rateLimit: {
          max: config.RATE_LIMIT_WRITE_PER_MINUTE,
          timeWindow: '1 minute',
          // Token and userinfo calls come from the relying party (this very server for the
          // embedded issuer) and are authenticated by client secret or token: not per person.
          allowList: (request: FastifyRequest) => /^\/idp\/(token|me)(\?|$)/.test(request.url),
        },
      },
      handler: (request, reply) => {
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = raw.url!.slice('/idp'.length) || '/';
        // The provider builds its endpoint URLs and cookie security from the request: make it see
        // PUBLIC_URL, whatever Host or proxy headers arrived (`provider.proxy` reads these two).
        delete raw.headers['x-forwarded-host'];
        raw.headers.host = publicUrl.host;
        raw.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
        reply.raw.setHeader('x-request-id', request.id);
        callback(raw, reply.raw);
      },
    });
  });
};

/** Our login pages: oidc-provider hands over an interaction, we check the credentials and hand back. */
const mountInteractions = async (app: HttpApp, provider: Provider, { db, config }: ModuleContext) => {
  const audiences = clientAudiences(config);
  const interactionOf = async (request: FastifyRequest, reply: FastifyReply, uid: string) => {
    const interaction = await provider.interactionDetails(request.raw, reply.raw);
    if (interaction.uid !== uid) throw new InteractionExpired();
    const audience = audiences.get(String(interaction.params.client_id));
    if (!audience) throw new InteractionExpired();
    return { interaction, audience };
  };
  const renderLogin = async (
    reply: FastifyReply,
    status: number,
    input: Omit<LoginPageInput, 'demoLogins' | 'demoPassword'>,
  ) => {
    const found = new Set(await existingLogins(db, DEMO_LOGINS[input.audience]));
    const demoLogins = DEMO_LOGINS[input.audience].filter((login) => found.has(login));
    return htmlReply(reply, status, loginPage({ ...input, demoLogins, demoPassword: DEMO_PASSWORD }));
  };

  await app.register(async (plugin) => {
    const scoped = plugin as HttpApp;
    scoped.setErrorHandler((error: FastifyError, request, reply) => {
      const back = { href: `${config.publicUrl}/`, label: 'Revenir à Guichet' };
      if (error instanceof InteractionExpired || error instanceof errors.SessionNotFound) {
        return htmlReply(
          reply,
          400,
          messagePage({
            title: 'Votre demande de connexion a expiré',
            message:
              'Par sécurité, une connexion doit se terminer en quelques minutes. Revenez sur Guichet et recommencez.',
            link: back,
          }),
        );
      }
      if (error.statusCode === 429) {
        return htmlReply(
          reply,
          429,
          messagePage({
            title: 'Trop de tentatives',
            message:
              'Par sécurité, les tentatives de connexion sont limitées. Patientez une minute avant de réessayer.',
            link: back,
          }),
        );
      }
      request.log.error({ err: error }, 'idp interaction failed');
      return htmlReply(
        reply,
        500,
        messagePage({
          title: 'La connexion n’a pas pu aboutir',
          message: 'Une erreur inattendue est survenue. Revenez sur Guichet et recommencez dans un instant.',
          link: back,
        }),
      );
    });

    scoped.get('/idp/interaction/:uid', { schema: { hide: true, params: uidParams } }, async (request, reply) => {
      const { interaction, audience } = await interactionOf(request, reply, request.params.uid);
      if (interaction.prompt.name === 'login') {
        const hint = interaction.params.login_hint;
        return renderLogin(reply, 200, {
          uid: interaction.uid,
          audience,
          ...(typeof hint === 'string' ? { login: hint } : {}),
        });
      }
      // Consent for our own portals is implied (loadExistingGrant); grant what is still missing.
      const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      const grant = interaction.grantId
        ? (await provider.Grant.find(interaction.grantId))!
        : new provider.Grant({
            accountId: interaction.session!.accountId,
            clientId: String(interaction.params.client_id),
          });
      if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
      if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
      const grantId = await grant.save();
      const returnTo = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId } });
      return reply.redirect(returnTo, 303);
    });

    scoped.post(
      '/idp/interaction/:uid/login',
      {
        schema: { hide: true, params: uidParams },
        config: { rateLimit: { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { interaction, audience } = await interactionOf(request, reply, request.params.uid);
        if (interaction.prompt.name !== 'login') return reply.redirect(`/idp/interaction/${interaction.uid}`, 303);
        const form = loginForm.safeParse(request.body ?? {});
        const login = form.success ? (form.data.login ?? '').trim() : '';
        const password = form.success ? (form.data.password ?? '') : '';
        const page = { uid: interaction.uid, audience, login };
        if (!login)
          return renderLogin(reply, 400, {
            ...page,
            error: { field: 'login', message: 'Saisissez votre identifiant (adresse e-mail).' },
          });
        if (!password)
          return renderLogin(reply, 400, {
            ...page,
            error: { field: 'password', message: 'Saisissez votre mot de passe.' },
          });
        const checked = await checkCredentials(db, { login, password, audience });
        if ('error' in checked)
          return renderLogin(reply, 400, { ...page, error: { message: CREDENTIAL_ERRORS[checked.error][audience] } });
        const returnTo = await provider.interactionResult(
          request.raw,
          reply.raw,
          { login: { accountId: checked.identity.login } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );

    scoped.post(
      '/idp/interaction/:uid/abort',
      { schema: { hide: true, params: uidParams } },
      async (request, reply) => {
        await interactionOf(request, reply, request.params.uid);
        const returnTo = await provider.interactionResult(
          request.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'End-User aborted the login' },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );
  });
};

/** Mounts the embedded provider under /idp when EMBEDDED_IDP is true. */
export const mountIdp = async (app: HttpApp, context: ModuleContext) => {
  const { db, config } = context;
  if (!config.EMBEDDED_IDP) return;
  const provider = await createIdpProvider({ db, config, secret: await loadInstanceSecret(db, config) });
  await mountInteractions(app, provider, context);
  await mountProvider(app, provider, config);
};
