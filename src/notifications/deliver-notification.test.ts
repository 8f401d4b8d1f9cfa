import assert from 'node:assert/strict';
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createJobRegistry, createWorker, type Db, type JobContext } from '../platform/index.ts';
import { testConfig, testLogger } from '../platform/testing/index.ts';
import { testGuichet } from '../testing.ts';
import { notificationsModule, notify } from './index.ts';
import { DELIVER_JOB } from './notify.ts';
import { savePushSubscription } from './push-subscriptions.ts';
import { createPerson } from './test-fixtures.ts';

// The decryption a browser does (RFC 8291), from web-push's own dependency: the test plays the browser.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt: (body: Buffer, params: { version: 'aes128gcm'; privateKey: unknown; authSecret: string }) => Buffer;
};

const deliver = notificationsModule.jobs![DELIVER_JOB]!;

const contextWith = (db: Db, env: Record<string, string> = {}): JobContext => ({
  jobId: 0,
  attempt: 1,
  db,
  config: testConfig({ PUBLIC_URL: 'https://guichet.example', ...env }),
  logger: testLogger(),
  signal: new AbortController().signal,
});

const sample = (personId: string, dedupeKey: string) => ({
  personId,
  kind: 'appointment-reminder',
  title: { fr: 'Rendez-vous dans 2 heures', en: 'Appointment in 2 hours' },
  body: { fr: 'Votre rendez-vous est à 10 h.', en: 'Your appointment is at 10:00.' },
  link: '/mes-rendez-vous/123',
  dedupeKey,
});

const logOf = (db: Db, notificationId: string) =>
  db.query<{ channel: string; status: string; error: string | null }>(
    'select channel, status, error from notifications.delivery_log where notification_id = $1 order by id',
    [notificationId],
  );

describe('envoi des notifications', async () => {
  const { db } = await testGuichet();
  const notifyNow = (personId: string, key: string) => db.transaction((tx) => notify(tx, sample(personId, key)));

  describe('par courriel, à un vrai serveur SMTP', () => {
    const received: ParsedMail[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    let smtpUrl: string;
    before(async () => {
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

    it('envoie le courriel en français puis en anglais, avec le lien, une seule fois même si le travail est rejoué', async () => {
      const personId = await createPerson(db, { email: 'camille@example.fr' });
      const { id } = await notifyNow(personId, `smtp:${personId}`);
      const context = contextWith(db, { SMTP_URL: smtpUrl, MAIL_FROM: 'Guichet <notifications@guichet.example>' });
      await deliver({ notificationId: id }, context);
      await deliver({ notificationId: id }, context);
      assert.equal(received.length, 1);
      const [mail] = received;
      assert.equal(mail!.subject, 'Rendez-vous dans 2 heures');
      assert.equal(mail!.from?.value[0]?.address, 'notifications@guichet.example');
      assert.equal((mail!.to as { value: { address: string }[] }).value[0]!.address, 'camille@example.fr');
      assert.match(mail!.text!, /Votre rendez-vous est à 10 h\.[\s\S]*Your appointment is at 10:00\./);
      assert.match(mail!.text!, /https:\/\/guichet\.example\/mes-rendez-vous\/123/);
      assert.deepEqual(await logOf(db, id), [{ channel: 'email', status: 'sent', error: null }]);
    });

    it('garde l’échec au journal et fait reprendre le travail quand le serveur SMTP ne répond pas', async () => {
      const personId = await createPerson(db, { email: 'nadia@example.fr' });
      const { id } = await notifyNow(personId, `smtp-down:${personId}`);
      await assert.rejects(deliver({ notificationId: id }, contextWith(db, { SMTP_URL: 'smtp://127.0.0.1:1' })));
      const [entry] = await logOf(db, id);
      assert.equal(entry!.status, 'failed');
      assert.match(entry!.error!, /ECONNREFUSED|connect/i);
      // The retry, once the server is back, sends it.
      await deliver({ notificationId: id }, contextWith(db, { SMTP_URL: smtpUrl }));
      assert.deepEqual(
        (await logOf(db, id)).map((row) => row.status),
        ['failed', 'sent'],
      );
    });
  });

  it('sans SMTP_URL, capture le courriel (démo) sans l’envoyer, et le dit', async () => {
    const personId = await createPerson(db, { email: 'demo@example.fr' });
    const { id } = await notifyNow(personId, `capture:${personId}`);
    await deliver({ notificationId: id }, contextWith(db));
    const captured = await db.query<{ recipient: string; subject: string; raw_message: string }>(
      'select recipient, subject, raw_message from notifications.captured_emails where notification_id = $1',
      [id],
    );
    assert.equal(captured.length, 1);
    assert.equal(captured[0]!.recipient, 'demo@example.fr');
    assert.match(captured[0]!.raw_message, /^Subject: Rendez-vous dans 2 heures$/m);
    assert.deepEqual(await logOf(db, id), [{ channel: 'email', status: 'captured', error: null }]);
  });

  it('un envoi laissé en cours par un travailleur arrêté n’est pas refait : il est noté interrompu', async () => {
    const personId = await createPerson(db, { email: 'arret@example.fr' });
    const { id } = await notifyNow(personId, `interrupted:${personId}`);
    // What a worker killed between its claim and the SMTP answer leaves behind.
    await db.query(
      `insert into notifications.deliveries (notification_id, channel, target, status) values ($1, 'email', $2, 'sending')`,
      [id, 'arret@example.fr'],
    );
    await deliver({ notificationId: id }, contextWith(db));
    const captured = await db.query('select 1 from notifications.captured_emails where notification_id = $1', [id]);
    assert.equal(captured.length, 0);
    const [entry] = await logOf(db, id);
    assert.equal(entry!.status, 'interrupted');
  });

  it('n’envoie rien pendant les heures calmes : l’envoi est repoussé à leur fin (heure de Paris)', async () => {
    const personId = await createPerson(db, { email: 'calme@example.fr' });
    // Quiet all day but the minute before now, so that "now" is always inside them.
    const parisNow = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(Date.now() - 60_000));
    const later = new Date(Date.now() + 2 * 60_000);
    const end = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(later);
    await db.query(
      `insert into notifications.preferences (person_id, quiet_start, quiet_end) values ($1, $2::time, $3::time)`,
      [personId, parisNow, end],
    );
    const { id } = await notifyNow(personId, `quiet:${personId}`);
    await deliver({ notificationId: id }, contextWith(db));
    assert.deepEqual(await logOf(db, id), []);
    const jobs = await db.query<{ run_at: Date | string }>(
      `select run_at from platform.jobs where type = $1 and payload->>'notificationId' = $2 order by id`,
      [DELIVER_JOB, id],
    );
    assert.equal(jobs.length, 2);
    const postponedTo = new Date(jobs[1]!.run_at).getTime();
    assert.ok(postponedTo > Date.now() && postponedTo <= later.getTime(), 'repoussé à la fin des heures calmes');
  });

  it('SMS demandé sans fournisseur configuré : rien n’est envoyé et le journal le dit (jamais un faux succès)', async () => {
    const personId = await createPerson(db, { phone: '+33612345678' });
    await db.query(
      `insert into notifications.preferences (person_id, email_enabled, sms_enabled) values ($1, false, true)`,
      [personId],
    );
    const { id } = await notifyNow(personId, `sms:${personId}`);
    await deliver({ notificationId: id }, contextWith(db));
    const [entry] = await logOf(db, id);
    assert.equal(entry!.channel, 'sms');
    assert.equal(entry!.status, 'skipped');
    assert.match(entry!.error!, /Aucun fournisseur de SMS/);
  });

  describe('par le navigateur (web push), à un service de push local', () => {
    const requests: { url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
    let answer = 201;
    const pushService = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(answer).end();
      });
    });
    let origin: string;
    before(async () => {
      await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => pushService.close(() => resolve())));

    // The browser's side of a subscription: its ECDH key pair and auth secret (RFC 8291).
    const browserKeys = () => {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      return { ecdh, p256dh: ecdh.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') };
    };

    it('envoie un message chiffré (aes128gcm) signé VAPID, que seul le navigateur abonné peut lire', async () => {
      const personId = await createPerson(db);
      const browser = browserKeys();
      const endpoint = `${origin}/push/${personId}`;
      await savePushSubscription(db, { personId, endpoint, keys: { p256dh: browser.p256dh, auth: browser.auth } });
      await db.query('insert into notifications.preferences (person_id, email_enabled) values ($1, false)', [personId]);
      const { id } = await notifyNow(personId, `push:${personId}`);
      await deliver({ notificationId: id }, contextWith(db));
      await deliver({ notificationId: id }, contextWith(db));
      assert.equal(requests.length, 1, 'envoyé une seule fois');
      const [request] = requests;
      assert.equal(request!.url, `/push/${personId}`);
      assert.equal(request!.headers['content-encoding'], 'aes128gcm');
      assert.ok(Number(request!.headers.ttl) > 0);

      // VAPID (RFC 8292): a JWT for this push service's origin, signed with the server's key.
      const [, token, publicKey] = /^vapid t=([^,]+), k=(.+)$/.exec(String(request!.headers.authorization))!;
      const [vapid] = await db.query<{ public_key: string }>('select public_key from notifications.vapid_keys');
      assert.equal(publicKey, vapid!.public_key);
      const [header, claims, signature] = token!.split('.');
      const payload = JSON.parse(Buffer.from(claims!, 'base64url').toString());
      assert.equal(payload.aud, origin);
      assert.equal(payload.sub, 'mailto:ne-pas-repondre@guichet.localhost');
      const raw = Buffer.from(publicKey!, 'base64url');
      const key = createPublicKey({
        key: {
          kty: 'EC',
          crv: 'P-256',
          x: raw.subarray(1, 33).toString('base64url'),
          y: raw.subarray(33).toString('base64url'),
        },
        format: 'jwk',
      });
      const isSigned = verify(
        'sha256',
        Buffer.from(`${header}.${claims}`),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature!, 'base64url'),
      );
      assert.ok(isSigned, 'signature VAPID valide');

      // The browser decrypts what the service worker will show.
      const shown = JSON.parse(
        ece
          .decrypt(request!.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth })
          .toString(),
      );
      assert.deepEqual(shown, {
        title: { fr: 'Rendez-vous dans 2 heures', en: 'Appointment in 2 hours' },
        body: { fr: 'Votre rendez-vous est à 10 h.', en: 'Your appointment is at 10:00.' },
        link: '/mes-rendez-vous/123',
      });
      assert.deepEqual(await logOf(db, id), [{ channel: 'push', status: 'sent', error: null }]);
    });

    it('oublie un abonnement que le service de push dit expiré (410), sans reprendre le travail', async () => {
      const personId = await createPerson(db);
      const browser = browserKeys();
      await savePushSubscription(db, {
        personId,
        endpoint: `${origin}/gone/${personId}`,
        keys: { p256dh: browser.p256dh, auth: browser.auth },
      });
      const { id } = await notifyNow(personId, `gone:${personId}`);
      answer = 410;
      await deliver({ notificationId: id }, contextWith(db));
      answer = 201;
      const entry = (await logOf(db, id)).find((row) => row.channel === 'push');
      assert.equal(entry!.status, 'failed');
      assert.match(entry!.error!, /410/);
      const left = await db.query('select 1 from notifications.push_subscriptions where person_id = $1', [personId]);
      assert.equal(left.length, 0);
    });
  });

  it('deux travailleurs sur la même file : chaque notification part une seule fois', async () => {
    const people = await Promise.all(
      Array.from({ length: 6 }, (_, index) => createPerson(db, { email: `personne${index}@example.fr` })),
    );
    const registry = createJobRegistry([notificationsModule]);
    const workers = [1, 2].map((n) =>
      createWorker({
        db,
        logger: testLogger(),
        config: testConfig(),
        registry,
        pollIntervalMs: 20,
        workerId: `travailleur-${n}`,
      }),
    );
    const ids = await Promise.all(people.map((personId) => notifyNow(personId, `workers:${personId}`)));
    for (const worker of workers) worker.start();
    try {
      for (let tries = 0; tries < 200; tries += 1) {
        const [pending] = await db.query<{ count: number }>(
          `select count(*)::int as count from platform.jobs where type = $1 and status <> 'done'
             and payload->>'notificationId' = any($2::text[])`,
          [DELIVER_JOB, ids.map(({ id }) => id)],
        );
        if (pending!.count === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const [captured] = await db.query<{ count: number; people: number }>(
      `select count(*)::int as count, count(distinct recipient)::int as people from notifications.captured_emails
        where notification_id = any($1::uuid[])`,
      [ids.map(({ id }) => id)],
    );
    assert.deepEqual(captured, { count: 6, people: 6 });
  });
});
