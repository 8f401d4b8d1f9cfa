import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnTo } from './return-to.ts';

const PUBLIC_URL = 'https://guichet.example.fr';

describe('adresse de retour après connexion', () => {
  it('accepte un chemin de Guichet avec sa requête et son ancre', () => {
    assert.equal(safeReturnTo(PUBLIC_URL, '/mon-espace/droits?annee=2026#rsa'), '/mon-espace/droits?annee=2026#rsa');
  });

  it('refuse toute adresse qui mène à un autre site', () => {
    for (const returnTo of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'mon-espace',
      '/\tevil',
      '',
    ]) {
      assert.equal(safeReturnTo(PUBLIC_URL, returnTo), null, returnTo);
    }
  });
});
