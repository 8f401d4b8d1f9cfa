import Provider, {
  errors,
  interactionPolicy,
  type Configuration,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { deriveSecret, embeddedClientSecret, type Config, type Db } from '../platform/index.ts';
import type { IdentityAudience } from './add-demo-identities.ts';
import { postgresAdapter } from './adapter.ts';
import { CLAIMS_BY_SCOPE, findIdentity, identityClaims } from './identities.ts';
import { logoutPage, messagePage } from './pages.ts';
import { loadSigningKeys } from './signing-keys.ts';

/** The first-party clients of the embedded provider, by client id: which kind of identity each serves. */
export const clientAudiences = (config: Config) =>
  new Map<string, IdentityAudience>([
    [config.OIDC_CITIZEN_CLIENT_ID, 'citizen'],
    [config.OIDC_AGENT_CLIENT_ID, 'agent'],
  ]);

const SCOPE = 'openid profile email';

const errorPage = (config: Config, out: { error?: string }, error: Error) => {
  const isExpired =
    error instanceof errors.SessionNotFound ||
    (error instanceof errors.InvalidRequest && /interaction|session/i.test(error.message));
  return messagePage({
    title: isExpired ? 'Votre demande de connexion a expiré' : 'La connexion n’a pas pu aboutir',
    message: isExpired
      ? 'Par sécurité, une connexion doit se terminer en quelques minutes. Revenez sur Guichet et recommencez.'
      : `Revenez sur Guichet et recommencez. Si le problème continue, signalez-le avec ce code : ${out.error ?? 'server_error'}.`,
    link: { href: `${config.publicUrl}/`, label: 'Revenir à Guichet' },
  });
};

/**
 * The embedded OpenID Connect provider, issuer `${publicUrl}/idp`: two confidential clients
 * (citizen and agent portals), authorization code with PKCE only, storage and keys in the `idp` schema.
 */
export const createIdpProvider = async ({ db, config, secret }: { db: Db; config: Config; secret: string }) => {
  const audiences = clientAudiences(config);
  const policy = interactionPolicy.base();
  // FranceConnect and ProConnect are separate providers; here one session serves both portals,
  // so an identity of the other portal must log in again instead of being let through.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('wrong_audience', 'the logged-in identity belongs to the other portal', async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const identity = await findIdentity(db, accountId);
      const isSameAudience = identity?.audience === audiences.get(ctx.oidc.client?.clientId ?? '');
      return isSameAudience ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );

  const configuration: Configuration = {
    adapter: postgresAdapter(db),
    clients: [...audiences].map(([clientId, audience]) => {
      const kind = audience;
      const configured = kind === 'citizen' ? config.OIDC_CITIZEN_CLIENT_SECRET : config.OIDC_AGENT_CLIENT_SECRET;
      return {
        client_id: clientId,
        client_secret: configured ?? embeddedClientSecret(secret, clientId),
        client_name: kind === 'citizen' ? 'Guichet — espace particulier' : 'Guichet — espace agent',
        redirect_uris: [`${config.publicUrl}/auth/callback/${kind}`],
        post_logout_redirect_uris: [`${config.publicUrl}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      };
    }),
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: SCOPE.split(' '),
    claims: CLAIMS_BY_SCOPE,
    findAccount: async (_ctx, sub) => {
      const identity = await findIdentity(db, sub);
      if (!identity) return undefined;
      return { accountId: identity.login, claims: async () => ({ sub: identity.login, ...identityClaims(identity) }) };
    },
    // Consent is implied for our own portals: the person is logging in to the service that runs this provider.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const accountId = ctx.oidc.session?.accountId;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        if (grant && grant.accountId === accountId) return grant;
      }
      if (!accountId || !audiences.has(clientId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `/idp/interaction/${interaction.uid}`,
    },
    cookies: {
      keys: [deriveSecret(secret, 'idp-cookies').toString('base64url')],
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    jwks: { keys: (await loadSigningKeys(db)) as JWK[] },
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 30 * 60,
      Grant: config.SESSION_MAX_HOURS * 3600,
      Session: config.SESSION_MAX_HOURS * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage({ form });
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage({
            title: 'Vous êtes déconnecté',
            message: 'Votre session sur le fournisseur d’identité de démonstration est fermée.',
            link: { href: `${config.publicUrl}/`, label: 'Revenir à Guichet' },
          });
        },
      },
    },
    renderError: async (ctx, out, error) => {
      ctx.type = 'html';
      ctx.body = errorPage(config, out, error);
    },
  };
  const provider = new Provider(`${config.publicUrl}/idp`, configuration);
  // The /idp route sets Host and X-Forwarded-Proto from PUBLIC_URL (see routes.ts), so the
  // provider's URLs and Secure cookies follow the public address, behind a proxy or not.
  provider.proxy = true;
  return provider;
};
