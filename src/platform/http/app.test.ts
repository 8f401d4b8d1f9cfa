import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testGuichet } from '../../testing.ts';

describe('serveur HTTP', async () => {
  const { app } = await testGuichet();

  it('répond sur /healthz et /readyz avec la base utilisée', async () => {
    assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.match(ready.json().database, /^(pglite|pg)$/);
  });

  it('donne un identifiant de requête et des en-têtes de sécurité', async () => {
    const response = await app.inject('/healthz');
    assert.match(String(response.headers['x-request-id']), /^[\w-]{8,}$/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('répond 404 en français et en anglais, sans trace technique', async () => {
    const response = await app.inject({ url: '/api/v1/nope', headers: { 'accept-language': 'en' } });
    assert.equal(response.statusCode, 404);
    const body = response.json();
    assert.equal(body.code, 'not_found');
    assert.equal(body.message, 'This address does not exist.');
    assert.equal(body.messages.fr, 'Cette adresse n’existe pas.');
  });

  it('publie la description OpenAPI', async () => {
    const response = await app.inject('/api/docs/json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().info.title, 'Guichet API');
  });
});
