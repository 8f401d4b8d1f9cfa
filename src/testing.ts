// The whole application on a fresh test database, for tests that go through HTTP (`app.inject`).
import { after } from 'node:test';
import { buildGuichet, migrationSources, type Guichet } from './main.ts';
import { testConfig, testDb, testLogger } from './platform/testing/index.ts';

/** Builds Guichet on its own test database and stops it when the test file ends. */
export const testGuichet = async (env: Record<string, string> = {}): Promise<Guichet> => {
  const db = await testDb(migrationSources());
  const guichet = await buildGuichet({ config: testConfig(env), db, logger: testLogger() });
  after(() => guichet.stop());
  return guichet;
};
