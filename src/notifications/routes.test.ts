import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { testGuichet, type SessionHeaders } from '../testing.ts';
import { notify } from './index.ts';
import { createPerson, loginAs } from './test-fixtures.ts';

const text = (fr: string, en: string) => ({ fr, en });

describe('centre de notifications et préférences', async () => {
  const { app, db, config } = await testGuichet();
  let personId: string;
  let camille: SessionHeaders;
  let nadia: SessionHeaders;

  before(async () => {
    personId = await createPerson(db, { email: 'camille@example.fr', phone: '+33612345678' });
    camille = await loginAs(db, config, { personId });
    nadia = await loginAs(db, config, { personId: await createPerson(db) });
  });

  const list = (headers: SessionHeaders) => app.inject({ url: '/api/v1/notifications', headers });

  it('montre les notifications arrivées, les plus récentes d’abord, pas celles à venir, avec le nombre de non lues', async () => {
    await db.transaction(async (tx) => {
      await notify(tx, {
        personId,
        kind: 'declaration-status',
        title: text('Votre déclaration est reçue', 'Your declaration was received'),
        body: text('La CAF a reçu votre déclaration.', 'The CAF received your declaration.'),
        link: '/mon-espace',
        dueAt: new Date(Date.now() - 60_000),
        dedupeKey: `test:${personId}:received`,
      });
      await notify(tx, {
        personId,
        kind: 'appointment-reminder',
        title: text('Rendez-vous dans 2 heures', 'Appointment in 2 hours'),
        body: text('Votre rendez-vous est à 10 h.', 'Your appointment is at 10:00.'),
        dedupeKey: `test:${personId}:reminder`,
      });
      await notify(tx, {
        personId,
        kind: 'appointment-reminder',
        title: text('Rendez-vous dans 2 jours', 'Appointment in 2 days'),
        body: text('Plus tard', 'Later'),
        dueAt: new Date(Date.now() + 86_400_000),
        dedupeKey: `test:${personId}:future`,
      });
    });
    const response = await list(camille);
    assert.equal(response.statusCode, 200);
    const { items, unreadCount } = response.json();
    assert.deepEqual(
      items.map((item: { title: { fr: string } }) => item.title.fr),
      ['Rendez-vous dans 2 heures', 'Votre déclaration est reçue'],
    );
    assert.equal(items[1].link, '/mon-espace');
    assert.equal(items[1].body.en, 'The CAF received your declaration.');
    assert.equal(unreadCount, 2);
    const other = await list(nadia);
    assert.deepEqual(other.json(), { items: [], unreadCount: 0 });
  });

  it('notifier deux fois avec la même clé ne fait qu’une notification et qu’un envoi', async () => {
    const input = {
      personId,
      kind: 'test',
      title: text('Une seule fois', 'Only once'),
      body: text('…', '…'),
      dedupeKey: `test:${personId}:once`,
    };
    const first = await db.transaction((tx) => notify(tx, input));
    const second = await db.transaction((tx) => notify(tx, input));
    assert.equal(second.id, first.id);
    assert.deepEqual([first.isNew, second.isNew], [true, false]);
    const jobs = await db.query(`select id from platform.jobs where payload->>'notificationId' = $1`, [first.id]);
    assert.equal(jobs.length, 1);
  });

  it('refuse une notification mal formée en nommant le champ', async () => {
    await assert.rejects(
      db.transaction((tx) =>
        notify(tx, {
          personId,
          kind: 'Rappel RDV',
          title: text('t', 't'),
          body: text('b', 'b'),
          dedupeKey: 'x',
        }),
      ),
      (error: { field?: string }) => error.field === 'kind',
    );
  });

  it('marque une notification lue, puis toutes, et refuse celle d’une autre personne (404)', async () => {
    const { items, unreadCount } = (await list(camille)).json();
    assert.equal(unreadCount, 3);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${items[0].id}/read`,
      headers: nadia,
    });
    assert.equal(foreign.statusCode, 404);
    const read = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${items[0].id}/read`,
      headers: camille,
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().unreadCount, 2);
    const count = await app.inject({ url: '/api/v1/notifications/unread-count', headers: camille });
    assert.equal(count.json().unreadCount, 2);
    const all = await app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: camille });
    assert.equal(all.json().unreadCount, 0);
    const after = (await list(camille)).json();
    assert.ok(after.items.every((item: { readAt: string | null }) => item.readAt !== null));
  });

  it('demande d’être connecté', async () => {
    const response = await app.inject({ url: '/api/v1/notifications' });
    assert.equal(response.statusCode, 401);
  });

  it('donne les préférences par défaut : courriel et navigateur oui, SMS non (indisponible), pas d’heures calmes', async () => {
    const response = await app.inject({ url: '/api/v1/notifications/preferences', headers: camille });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      emailEnabled: true,
      pushEnabled: true,
      smsEnabled: false,
      quietHours: null,
      channels: {
        email: { address: 'camille@example.fr', isCaptured: true },
        push: { subscriptions: 0 },
        sms: { phone: '+33612345678', isAvailable: false },
      },
    });
  });

  it('enregistre des heures calmes et refuse une heure mal écrite en nommant le champ', async () => {
    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: camille,
      payload: {
        emailEnabled: true,
        pushEnabled: false,
        smsEnabled: false,
        quietHours: { start: '22h', end: '07:00' },
      },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'quietHours.start');
    assert.match(wrong.json().messages.fr, /HH:MM/);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: camille,
      payload: {
        emailEnabled: true,
        pushEnabled: false,
        smsEnabled: false,
        quietHours: { start: '22:00', end: '07:00' },
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().quietHours, { start: '22:00', end: '07:00' });
    assert.equal(saved.json().pushEnabled, false);
  });

  it('abonne ce navigateur aux notifications (https seulement) et le désabonne', async () => {
    const key = await app.inject({ url: '/api/v1/notifications/vapid-public-key', headers: camille });
    assert.match(key.json().publicKey, /^[A-Za-z0-9_-]{87}$/);
    const keys = { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) };
    const plain = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/push-subscriptions',
      headers: camille,
      payload: { endpoint: 'http://push.example/abc', keys },
    });
    assert.equal(plain.statusCode, 400);
    assert.equal(plain.json().field, 'endpoint');
    const endpoint = `https://push.example/${randomUUID()}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/push-subscriptions',
      headers: camille,
      payload: { endpoint, expirationTime: null, keys },
    });
    assert.equal(created.statusCode, 201, created.body);
    const preferences = await app.inject({ url: '/api/v1/notifications/preferences', headers: camille });
    assert.equal(preferences.json().channels.push.subscriptions, 1);
    const url = `/api/v1/notifications/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`;
    assert.equal((await app.inject({ method: 'DELETE', url, headers: nadia })).statusCode, 404);
    assert.equal((await app.inject({ method: 'DELETE', url, headers: camille })).statusCode, 204);
  });

  it('réserve aux administrateurs les courriels capturés et le journal des envois', async () => {
    const citizen = await app.inject({ url: '/api/v1/admin/notifications/captured-emails', headers: camille });
    assert.equal(citizen.statusCode, 403);
    const admin = await loginAs(db, config, { role: 'admin' });
    const response = await app.inject({ url: '/api/v1/admin/notifications/captured-emails', headers: admin });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().isSmtpConfigured, false);
  });
});
