import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { migrationSources } from './main.ts';
import { testConfig, testDb } from './platform/testing/index.ts';
import { seedDemo } from './seed.ts';

describe('données de démonstration', async () => {
  const db = await testDb(migrationSources());
  after(() => db.close());
  const config = testConfig();

  // The size `npm start` loads: rare dates (29 February births…) only show up at this scale.
  it(`se chargent à la taille du premier démarrage (${config.SEED_HOUSEHOLDS} foyers), une seule fois`, async () => {
    const first = await seedDemo(db, { households: config.SEED_HOUSEHOLDS, seed: config.SEED, config });
    assert.equal(first.isSeeded, true);
    assert.ok(first.identities > config.SEED_HOUSEHOLDS);
    assert.equal(
      (await seedDemo(db, { households: config.SEED_HOUSEHOLDS, seed: config.SEED, config })).isSeeded,
      false,
    );
  });
});
