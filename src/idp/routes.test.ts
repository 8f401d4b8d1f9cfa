import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testGuichet } from '../testing.ts';

const guichet = await testGuichet({ RATE_LIMIT_LOGIN_PER_MINUTE: '2' });

describe('page de connexion du fournisseur d’identité', () => {
  it('limite les tentatives de connexion et le dit en français', async () => {
    const attempt = () =>
      guichet.app.inject({
        method: 'POST',
        url: '/idp/interaction/abc/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'login=a%40b.fr&password=x',
      });
    const first = await attempt();
    assert.equal(first.statusCode, 400);
    assert.match(first.body, /Votre demande de connexion a expiré/);
    await attempt();
    const third = await attempt();
    assert.equal(third.statusCode, 429);
    assert.match(third.headers['content-type'] as string, /text\/html/);
    assert.match(third.body, /<html lang="fr">/);
    assert.match(third.body, /Trop de tentatives/);
  });

  it('explique une demande expirée sur une page accessible, sans script', async () => {
    const response = await guichet.app.inject({ method: 'GET', url: '/idp/interaction/inconnue' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<h1>Votre demande de connexion a expiré<\/h1>/);
    assert.doesNotMatch(response.body, /<script/);
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
  });

  it('publie sa configuration OpenID Connect sous /idp', async () => {
    const response = await guichet.app.inject({ method: 'GET', url: '/idp/.well-known/openid-configuration' });
    assert.equal(response.statusCode, 200);
    const metadata = response.json<{
      issuer: string;
      end_session_endpoint: string;
      code_challenge_methods_supported: string[];
    }>();
    assert.equal(metadata.issuer, `${guichet.config.publicUrl}/idp`);
    assert.equal(metadata.end_session_endpoint, `${guichet.config.publicUrl}/idp/session/end`);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
  });
});

describe('description OpenAPI', () => {
  it('décrit la session et la déconnexion', async () => {
    const response = await guichet.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    assert.ok(paths['/api/v1/session']?.get);
    assert.ok(paths['/api/v1/session/logout']?.post);
    assert.equal(paths['/idp/{*}'], undefined, 'les routes du fournisseur restent hors de l’API');
  });
});
