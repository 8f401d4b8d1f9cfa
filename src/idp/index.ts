// The embedded OpenID Connect identity provider: plays FranceConnect for citizens and ProConnect
// for agents, so Guichet runs with real OIDC logins and no outside service.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { mountIdp } from './routes.ts';

/** The `idp` module: its schema (identities, provider storage, signing keys) and its routes under /idp. */
export const idpModule: GuichetModule = {
  name: 'idp',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountIdp,
};

/**
 * Creates or updates demo identities (all with password `guichet-demo`), thousands per call,
 * batched: `login` is the OIDC subject; `claims` are FranceConnect-like (citizen) or
 * ProConnect-like (agent).
 */
export { addDemoIdentities, DEMO_PASSWORD, type DemoIdentity, type IdentityAudience } from './add-demo-identities.ts';

/** Logs in as a demo identity through the real OIDC flow, without a browser (tests, benchmarks). */
export { logInAsDemo } from './demo-login.ts';
