import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('démarre avec les valeurs par défaut : port 3000, PGlite dans ./data, fournisseur embarqué', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.GUICHET_DATA_DIR, './data');
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.EMBEDDED_IDP, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.isSecure, false);
  });

  it('dérive l’adresse publique du port', () => {
    assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  });

  it('refuse un port invalide en nommant la variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.variable, 'PORT');
        assert.match(error.message, /PORT/);
        return true;
      },
    );
  });

  it('refuse une DATABASE_URL qui n’est pas une adresse PostgreSQL', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  });

  it('exige les émetteurs OIDC quand le fournisseur embarqué est désactivé', () => {
    assert.throws(() => loadConfig({ EMBEDDED_IDP: 'false' }), /OIDC_CITIZEN_ISSUER/);
    assert.throws(
      () => loadConfig({ EMBEDDED_IDP: 'false', OIDC_CITIZEN_ISSUER: 'https://fc.example' }),
      /OIDC_AGENT_ISSUER/,
    );
  });

  it('passe en cookies sécurisés derrière une adresse https', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://guichet.example.fr/' }).isSecure, true);
    assert.equal(loadConfig({ PUBLIC_URL: 'https://guichet.example.fr/' }).publicUrl, 'https://guichet.example.fr');
  });
});
