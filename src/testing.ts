// The whole application on a fresh test database, for tests that go through HTTP (`app.inject`).
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { after } from 'node:test';
import { buildGuichet, migrationSources, type Guichet } from './main.ts';
import { resolveAccount, seedDemoPopulation } from './people/index.ts';
import {
  addDays,
  addMonths,
  createSession,
  SESSION_COOKIE,
  type OidcLogin,
  type ResolveAccount,
  type SessionUser,
} from './platform/index.ts';
import { testConfig, testDb, testLogger } from './platform/testing/index.ts';

/** Builds Guichet on its own test database and stops it when the test file ends. */
export const testGuichet = async (env: Record<string, string> = {}): Promise<Guichet> => {
  const db = await testDb(migrationSources());
  const guichet = await buildGuichet({ config: testConfig(env), db, logger: testLogger() });
  after(() => guichet.stop());
  return guichet;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Guichet listening on a real port whose address is its PUBLIC_URL, for tests that need real HTTP
 * (OpenID Connect: the embedded issuer is the server itself). Stopped when the test file ends.
 */
export const testGuichetServer = async (
  env: Record<string, string> = {},
  { resolveAccount }: { resolveAccount?: ResolveAccount } = {},
): Promise<Guichet & { url: string }> => {
  const db = await testDb(migrationSources());
  // The issuer and redirect URIs derive from PUBLIC_URL, fixed before the app is built: take a free port first.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const guichet = await buildGuichet({
    config: testConfig({ PUBLIC_URL: url, ...env }),
    db,
    logger: testLogger(),
    ...(resolveAccount ? { resolveAccount } : {}),
  });
  after(() => guichet.stop());
  await guichet.app.listen({ port, host: '127.0.0.1' });
  return { ...guichet, url };
};

/** What a signed-in request sends: the session cookie and the CSRF token that writes need. */
export type SessionHeaders = { cookie: string; 'x-csrf-token': string };

/**
 * Opens a real session for `user`, as the OIDC callback does once the account is resolved, and
 * returns its headers. The login defaults to a fresh subject of a test issuer, agent unless citizen.
 */
export const logInAs = async (
  { db, config }: Pick<Guichet, 'db' | 'config'>,
  user: SessionUser,
  {
    kind = user.role === 'citizen' ? 'citizen' : 'agent',
    issuer = 'https://test.example',
    subject = randomUUID(),
  }: Partial<Pick<OidcLogin, 'kind' | 'issuer' | 'subject'>> = {},
): Promise<SessionHeaders> => {
  const session = await createSession(db, config, { kind, issuer, subject, user, idToken: null });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };
};

/**
 * Loads a small demo population and returns a function that logs in one of its people by e-mail,
 * with a real session opened as the OIDC callback does for an account `resolveAccount` really
 * resolved (the OIDC dance itself is tested by the platform). Headers: cookie and CSRF token.
 */
export const seedAndLogIn = async (
  { db, config }: Guichet,
  { households = 60, seed = 9, today = '2026-11-24' } = {},
) => {
  const identities = await db.transaction((tx) => seedDemoPopulation(tx, { households, seed, today }));
  return async (email: string) => {
    const identity = identities.find((candidate) => candidate.login === email);
    if (!identity) throw new Error(`pas d’identité de démonstration ${email}`);
    const login: OidcLogin = {
      kind: identity.audience,
      issuer: 'https://test.example',
      subject: identity.login,
      claims: identity.claims,
    };
    const user = await resolveAccount(db, login);
    if (!user) throw new Error(`compte non résolu : ${email}`);
    return logInAs({ db, config }, user, login);
  };
};

/** The expected birth date of a pregnancy whose 1st prenatal examination is due on `examDue`, for
 *  tests that need its reminder (a week before) on a given day. The birth journey counts the
 *  pregnancy from 273 days before the expected date, and the examination is due the day before
 *  the end of its 3rd month. */
export const expectedBirthForFirstExam = (examDue: string): string => {
  const start = [0, 1, 2, 3, -1, -2, -3]
    .map((shift) => addDays(addMonths(addDays(examDue, 1), -3), shift))
    .find((candidate) => addDays(addMonths(candidate, 3), -1) === examDue)!;
  return addDays(start, 273);
};
