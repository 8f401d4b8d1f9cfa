import * as client from 'openid-client';
import type { Config } from '../config.ts';
import { embeddedClientSecret } from './secret.ts';
import type { LoginKind } from './user.ts';

/** One relying party: where Guichet sends people of one kind to log in. */
export type OidcClientSettings = {
  kind: LoginKind;
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  isEmbedded: boolean;
};

/** The embedded identity provider's issuer: `${publicUrl}/idp`. */
export const embeddedIssuer = (config: Pick<Config, 'publicUrl'>) => `${config.publicUrl}/idp`;

/**
 * Citizens log in with FranceConnect, agents with ProConnect: two issuers, two clients. Without
 * a configured issuer, both are the embedded provider, whose client secrets derive from the
 * instance secret (unless configured).
 */
export const oidcClientSettings = (config: Config, secret: string): Record<LoginKind, OidcClientSettings> => {
  const settings = (
    kind: LoginKind,
    issuer: string | undefined,
    clientId: string,
    clientSecret: string | undefined,
  ) => {
    const isEmbedded = !issuer;
    return {
      kind,
      issuer: issuer ?? embeddedIssuer(config),
      clientId,
      clientSecret: clientSecret ?? embeddedClientSecret(secret, clientId),
      redirectUri: `${config.publicUrl}/auth/callback/${kind}`,
      isEmbedded,
    };
  };
  return {
    citizen: settings(
      'citizen',
      config.OIDC_CITIZEN_ISSUER,
      config.OIDC_CITIZEN_CLIENT_ID,
      config.OIDC_CITIZEN_CLIENT_SECRET,
    ),
    agent: settings('agent', config.OIDC_AGENT_ISSUER, config.OIDC_AGENT_CLIENT_ID, config.OIDC_AGENT_CLIENT_SECRET),
  };
};

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Discovery on first use, not at start-up: the embedded issuer is this very server, which does not
 * listen yet while it is being built. A failed discovery is retried on the next login.
 */
export const lazyDiscovery = (settings: OidcClientSettings) => {
  let pending: Promise<client.Configuration> | undefined;
  return () =>
    (pending ??= (async () => {
      const issuer = new URL(settings.issuer);
      // openid-client refuses plain http; allow it only for the embedded issuer or a local one.
      const isInsecureAllowed = issuer.protocol === 'http:' && (settings.isEmbedded || isLoopback(issuer));
      return client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
        timeout: 10,
        ...(isInsecureAllowed ? { execute: [client.allowInsecureRequests] } : {}),
      });
    })().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
};
