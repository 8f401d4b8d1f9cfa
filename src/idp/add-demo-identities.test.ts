import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { testDb } from '../platform/testing/index.ts';
import { addDemoIdentities, DEMO_PASSWORD } from './add-demo-identities.ts';
import { checkCredentials } from './identities.ts';

const db = await testDb(migrationSources());
after(() => db.close());

describe('identités de démonstration', () => {
  it('en crée des milliers d’un coup, toutes avec le mot de passe de démonstration', async () => {
    const identities = Array.from({ length: 6000 }, (_, i) => ({
      login: `personne.${i}@demo.guichet.fr`,
      audience: 'citizen' as const,
      claims: { given_name: 'Camille', family_name: `Martin${i}` },
    }));
    const started = performance.now();
    await addDemoIdentities(db, identities);
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds < 20, `${seconds} s`);
    const [{ count, hashes }] = (await db.query<{ count: number; hashes: number }>(
      `select count(*)::int as count, count(distinct password_hash)::int as hashes from idp.identities where login like 'personne.%'`,
    )) as [{ count: number; hashes: number }];
    assert.equal(count, 6000);
    assert.equal(hashes, 1);
    const checked = await checkCredentials(db, {
      login: 'Personne.5999@demo.guichet.fr',
      password: DEMO_PASSWORD,
      audience: 'citizen',
    });
    assert.ok('identity' in checked);
    assert.equal(checked.identity.claims.family_name, 'Martin5999');
  });

  it('met à jour une identité existante, et la dernière l’emporte quand un identifiant est répété', async () => {
    await addDemoIdentities(db, [
      { login: 'agent.caf@demo.guichet.fr', audience: 'agent', claims: { given_name: 'Ancien' } },
      { login: 'AGENT.CAF@demo.guichet.fr', audience: 'agent', claims: { given_name: 'Nouveau' } },
    ]);
    await addDemoIdentities(db, [
      { login: 'agent.caf@demo.guichet.fr', audience: 'agent', claims: { given_name: 'Sam', usual_name: 'Caf' } },
    ]);
    const rows = await db.query<{ claims: { given_name: string } }>(
      `select claims from idp.identities where login = 'agent.caf@demo.guichet.fr'`,
    );
    assert.deepEqual(
      rows.map((row) => row.claims.given_name),
      ['Sam'],
    );
  });

  it('refuse un mauvais mot de passe ou un identifiant inconnu sans dire lequel', async () => {
    assert.deepEqual(
      await checkCredentials(db, { login: 'agent.caf@demo.guichet.fr', password: 'non', audience: 'agent' }),
      { error: 'invalid_credentials' },
    );
    assert.deepEqual(
      await checkCredentials(db, { login: 'personne@nulle.part', password: DEMO_PASSWORD, audience: 'agent' }),
      { error: 'invalid_credentials' },
    );
  });
});
