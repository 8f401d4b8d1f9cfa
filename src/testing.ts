// The whole application on a fresh test database, for tests that go through HTTP (`app.inject`).
import net from 'node:net';
import { after } from 'node:test';
import { buildGuichet, migrationSources, type Guichet } from './main.ts';
import type { ResolveAccount } from './platform/index.ts';
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
