import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { platformModule } from '../index.ts';
import { testConfig, testDb } from '../testing/index.ts';
import { loadInstanceSecret } from './secret.ts';
import { createSession, createSessionCache, deleteSession, findSession } from './sessions.ts';

const db = await testDb([{ module: 'platform', dir: platformModule.migrations! }]);
after(() => db.close());
const config = testConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' });
const user = { accountId: 'compte-1', role: 'citizen' as const, displayName: 'Léa Dupont' };
const open = () =>
  createSession(db, config, { kind: 'citizen', issuer: 'http://idp', subject: 'lea', user, idToken: 'jeton' });

describe('sessions', () => {
  it('retrouve la session par son jeton et prolonge son délai d’inactivité', async () => {
    const { token, csrfToken } = await open();
    await db.query(
      `update platform.sessions set last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '20 minutes'`,
    );
    const session = await findSession(db, config, token);
    assert.deepEqual(session?.user, user);
    assert.equal(session?.csrfToken, csrfToken);
    const minutesLeft = (new Date(session!.expiresAt).getTime() - Date.now()) / 60_000;
    assert.ok(minutesLeft > 29 && minutesLeft <= 30, `${minutesLeft}`);
    await db.query('delete from platform.sessions');
  });

  it('ne prolonge jamais une session au-delà de sa durée maximale', async () => {
    const { token } = await open();
    await db.query(
      `update platform.sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() - interval '5 minutes'`,
    );
    assert.equal(await findSession(db, config, token), null);
    assert.equal((await db.query('select 1 from platform.sessions')).length, 0);
  });

  it('sert une session lue il y a peu sans relire la base, et l’oublie dès la déconnexion', async () => {
    const { token } = await open();
    const cache = createSessionCache(5);
    const session = await findSession(db, config, token, cache);
    assert.ok(session);
    // Deleted behind the cache's back (as by another process): still served for a few seconds.
    await db.query('delete from platform.sessions');
    assert.deepEqual(await findSession(db, config, token, cache), session);
    await deleteSession(db, session.tokenHash, cache);
    assert.equal(await findSession(db, config, token, cache), null);
  });

  it('ne sert jamais de la mémoire une session arrivée à expiration', async () => {
    const { token } = await open();
    const cache = createSessionCache(5);
    const session = await findSession(db, config, token, cache);
    cache.entries.get(session!.tokenHash)!.session.expiresAt = new Date(Date.now() - 1000).toISOString();
    await db.query(`update platform.sessions set expires_at = now() - interval '1 second'`);
    assert.equal(await findSession(db, config, token, cache), null);
  });

  it('ignore un jeton inconnu', async () => {
    assert.equal(await findSession(db, config, 'inconnu'), null);
  });

  it('garde le secret généré au premier démarrage quand aucun n’est configuré', async () => {
    const first = await loadInstanceSecret(db, {});
    assert.ok(first.length >= 32);
    assert.equal(await loadInstanceSecret(db, {}), first);
    assert.equal(await loadInstanceSecret(db, { GUICHET_SECRET: 'configure' }), 'configure');
  });
});
