import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { openLoginState, sealLoginState } from './login-state.ts';

const key = randomBytes(32);
const state = { codeVerifier: 'v', state: 's', nonce: 'n', returnTo: '/mon-espace' };

describe('état de connexion gardé par le navigateur', () => {
  it('se relit avec la même clé', () => {
    assert.deepEqual(openLoginState(key, sealLoginState(key, state)), state);
  });

  it('est refusé s’il a été modifié, s’il manque ou avec une autre clé', () => {
    const sealed = sealLoginState(key, state);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    assert.equal(openLoginState(key, altered), null);
    assert.equal(openLoginState(key, undefined), null);
    assert.equal(openLoginState(randomBytes(32), sealed), null);
    assert.equal(openLoginState(key, 'n.importe.quoi'), null);
  });
});
