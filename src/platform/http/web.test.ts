import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildGuichet, migrationSources, type Guichet } from '../../main.ts';
import { testConfig, testDb, testLogger } from '../testing/index.ts';
import { ensureWebBuilt, isWebBuildStale, isWebPath } from './web.ts';

const startWith = async (web: 'dist' | 'dev'): Promise<Guichet> => {
  const db = await testDb(migrationSources());
  const guichet = await buildGuichet({ config: testConfig(), db, logger: testLogger(), web });
  after(() => guichet.stop());
  return guichet;
};

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('interface web', () => {
  it('distingue les adresses de pages des adresses de l’API, de la connexion et des sondes', () => {
    for (const page of ['/', '/mon-espace', '/agent/personnes/12', '/apiculture', '/authentique'])
      assert.equal(isWebPath(page), true, page);
    for (const other of [
      '/api/v1/me',
      '/api',
      '/auth/login/citizen?returnTo=/',
      '/idp/auth',
      '/idp',
      '/healthz',
      '/readyz',
    ]) {
      assert.equal(isWebPath(other), false, other);
    }
  });

  describe('application construite (web/dist)', async () => {
    await ensureWebBuilt(() => {});
    const { app } = await startWith('dist');

    it('construit web/dist quand il manque ou date d’avant les sources', () => {
      assert.equal(isWebBuildStale(), false);
    });

    it('sert index.html sans cache pour toute adresse de page, et sans script en ligne', async () => {
      for (const url of ['/', '/mon-espace', '/agent/personnes/123']) {
        const response = await app.inject({ url, headers: HTML });
        assert.equal(response.statusCode, 200, url);
        assert.match(String(response.headers['content-type']), /text\/html/);
        assert.equal(response.headers['cache-control'], 'no-cache');
        assert.match(response.body, /<div id="root"><\/div>/);
        assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'aucun script en ligne (CSP)');
        assert.match(String(response.headers['content-security-policy']), /script-src 'self'(;|$)/);
      }
    });

    it('met en cache un an les fichiers dont le nom porte une empreinte, compressés en brotli', async () => {
      const index = await app.inject({ url: '/', headers: HTML });
      const script = index.body.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
      assert.ok(script);
      const response = await app.inject({ url: script, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(response.headers['content-encoding'], 'br');
      assert.match(String(response.headers['content-type']), /javascript/);
    });

    it('laisse l’API répondre en JSON : une adresse d’API inconnue reste un 404 JSON', async () => {
      const response = await app.inject({ url: '/api/v1/nope', headers: HTML });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'not_found');
      assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
    });

    it('ne renvoie pas la page à qui demande du JSON', async () => {
      const response = await app.inject({ url: '/mon-espace', headers: { accept: 'application/json' } });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'not_found');
    });
  });

  describe('mode développement (guichet start --dev)', async () => {
    const { app } = await startWith('dev');

    it('sert la page par Vite, avec son client de rechargement', async () => {
      const response = await app.inject({ url: '/mon-espace', headers: HTML });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /\/@vite\/client/);
      assert.match(response.body, /src="\/src\/main\.tsx"/);
    });

    it('transforme les sources à la demande', async () => {
      const response = await app.inject({ url: '/src/api.ts' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /javascript/);
      assert.match(response.body, /apiFetch/);
    });

    it('laisse l’API intacte', async () => {
      const response = await app.inject({ url: '/api/v1/nope', headers: HTML });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'not_found');
    });
  });
});
