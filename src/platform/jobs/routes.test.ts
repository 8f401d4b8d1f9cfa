import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../../main.ts';
import { testGuichet } from '../../testing.ts';
import type { SessionUser } from '../auth/user.ts';
import type { Db } from '../db/index.ts';
import { createHttpApp, type HttpApp } from '../http/app.ts';
import { testConfig, testDb, testLogger } from '../testing/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import { mountJobAdmin } from './routes.ts';

describe('administration des travaux, sans session', async () => {
  const { app } = await testGuichet();

  it('répond 401 à qui n’est pas connecté', async () => {
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/admin/jobs' },
      { method: 'GET' as const, url: '/api/v1/admin/jobs/1' },
      { method: 'POST' as const, url: '/api/v1/admin/jobs/1/retry' },
    ]) {
      const response = await app.inject(request);
      assert.equal(response.statusCode, 401, request.url);
      assert.equal(response.json().code, 'unauthenticated');
    }
  });

  it('décrit ses routes dans OpenAPI', async () => {
    const { paths } = (await app.inject('/api/docs/json')).json();
    assert.ok(paths['/api/v1/admin/jobs'].get);
    assert.ok(paths['/api/v1/admin/jobs/{id}'].get);
    assert.ok(paths['/api/v1/admin/jobs/{id}/retry'].post);
  });
});

// The user stands for the one a session would give; the access check itself is the real one.
describe('administration des travaux, par rôle', () => {
  let db: Db;
  let app: HttpApp;
  let user: SessionUser | null = null;
  const admin: SessionUser = { accountId: 'admin-1', role: 'admin', displayName: 'Admin' };

  before(async () => {
    db = await testDb(migrationSources());
    app = await createHttpApp({ config: testConfig(), logger: false });
    await app.register(async (scoped) => {
      scoped.addHook('preHandler', async (request) => {
        request.user = user;
      });
      mountJobAdmin(scoped as HttpApp, { db, config: testConfig(), logger: testLogger() });
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('répond 403 à un agent', async () => {
    user = { accountId: 'agent-1', role: 'agent', displayName: 'Agent', body: 'caf' };
    const response = await app.inject('/api/v1/admin/jobs');
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'forbidden');
  });

  it('liste les travaux et leur nombre par état pour un administrateur', async () => {
    user = admin;
    const first = await enqueueJob(db, { type: 'test.a', payload: { n: 1 } });
    const second = await enqueueJob(db, { type: 'test.b', payload: { n: 2 } });
    await db.query(
      "update platform.jobs set status = 'dead', attempts = 10, last_error = 'boom', finished_at = now() where id = $1",
      [first],
    );
    const response = await app.inject('/api/v1/admin/jobs?limit=10');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(
      body.jobs.map((job: { id: number }) => job.id),
      [second, first],
    );
    assert.deepEqual(body.counts, { queued: 1, running: 0, done: 0, dead: 1 });
    const dead = (await app.inject('/api/v1/admin/jobs?status=dead')).json();
    assert.deepEqual(
      dead.jobs.map((job: { id: number }) => job.id),
      [first],
    );
  });

  it('refuse un filtre d’état inconnu en nommant le champ', async () => {
    user = admin;
    const response = await app.inject('/api/v1/admin/jobs?status=lost');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'query.status');
  });

  it('montre un travail, relance un travail mis de côté et refuse d’en relancer un autre', async () => {
    user = admin;
    const [dead] = (await app.inject('/api/v1/admin/jobs?status=dead')).json().jobs;
    const shown = await app.inject(`/api/v1/admin/jobs/${dead.id}`);
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.json().lastError, 'boom');
    const retried = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${dead.id}/retry` });
    assert.equal(retried.statusCode, 200);
    assert.equal(retried.json().status, 'queued');
    assert.equal(retried.json().attempts, 0);
    const again = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${dead.id}/retry` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'job_not_dead');
    assert.equal((await app.inject('/api/v1/admin/jobs/999999')).statusCode, 404);
  });
});
