import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { testDb } from '../platform/testing/index.ts';
import { postgresAdapter } from './adapter.ts';
import { loadSigningKeys } from './signing-keys.ts';

const db = await testDb(migrationSources());
after(() => db.close());

describe('stockage du fournisseur d’identité', () => {
  it('garde ses clés de signature d’un démarrage à l’autre', async () => {
    const [first] = await loadSigningKeys(db);
    const [again] = await loadSigningKeys(db);
    assert.equal(first!.kid, again!.kid);
    assert.equal(first!.kty, 'RSA');
    assert.ok(first!.d, 'clé privée');
  });

  it('retrouve, consomme, expire et révoque les objets du fournisseur', async () => {
    const adapter = postgresAdapter(db);
    const codes = adapter('AuthorizationCode');
    const sessions = adapter('Session');
    await codes.upsert('code-1', { grantId: 'grant-1', accountId: 'lea' }, 60);
    await codes.upsert('code-2', { grantId: 'grant-2' }, 60);
    await sessions.upsert('session-1', { uid: 'uid-1', accountId: 'lea' }, 60);
    assert.equal((await codes.find('code-1'))?.accountId, 'lea');
    assert.equal((await sessions.findByUid('uid-1'))?.accountId, 'lea');
    assert.equal(await sessions.find('code-1'), undefined, 'chaque modèle a ses propres identifiants');

    await codes.consume('code-1');
    assert.equal(typeof (await codes.find('code-1'))?.consumed, 'number');

    await codes.revokeByGrantId('grant-1');
    assert.equal(await codes.find('code-1'), undefined);
    assert.ok(await codes.find('code-2'));

    await db.query(`update idp.oidc_payloads set expires_at = now() - interval '1 second' where id = 'code-2'`);
    assert.equal(await codes.find('code-2'), undefined);
    await sessions.destroy('session-1');
    assert.equal(await sessions.find('session-1'), undefined);
  });
});
