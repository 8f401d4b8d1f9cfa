import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { type SessionUser, addDays, parisToUtc } from '../platform/index.ts';
import { logInAs, testGuichet, type SessionHeaders } from '../testing.ts';
import { agentIdOf, createFixture } from './test-fixtures.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>');

const multipartBody = (fileName: string, content: Buffer, kind?: string) => {
  const boundary = `----guichet${randomUUID()}`;
  const parts: Buffer[] = [];
  if (kind) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};

describe('routes des rendez-vous', async () => {
  const guichet = await testGuichet();
  const { app, db } = guichet;
  const citizen = (personId: string) =>
    logInAs(guichet, { accountId: randomUUID(), role: 'citizen', displayName: 'Camille Martin', personId });
  let fixture: Awaited<ReturnType<typeof createFixture>>;
  let camille: SessionHeaders;
  let nadia: SessionHeaders;
  let advisor: SessionHeaders;
  let colleague: SessionHeaders;
  // The next Tuesday at least 3 days ahead, 10:00 Paris: inside the fixture's weekday ranges.
  let startsAt: string;

  before(async () => {
    fixture = await createFixture(db, { advisors: 2, minNoticeMinutes: 60 });
    camille = await citizen(randomUUID());
    nadia = await citizen(randomUUID());
    let date = addDays(new Date().toISOString().slice(0, 10), 3);
    while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 2) date = addDays(date, 1);
    startsAt = new Date(parisToUtc(date, 10 * 60)).toISOString();
    const agent = (advisorIndex: number) =>
      agentIdOf(db, fixture.advisorIds[advisorIndex]!).then((agentId) =>
        logInAs(guichet, {
          accountId: randomUUID(),
          role: 'agent',
          displayName: `Conseiller ${advisorIndex + 1}`,
          body: 'caf',
          agentId,
        } as SessionUser),
      );
    advisor = await agent(0);
    colleague = await agent(1);
  });

  const book = (headers: SessionHeaders, at = startsAt) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers,
      payload: { reasonId: fixture.reasonId, channel: 'video', startsAt: at },
    });

  it('liste les créneaux libres avec leur libellé en heure de Paris', async () => {
    const date = startsAt.slice(0, 10);
    const response = await app.inject({
      url: `/api/v1/appointments/slots?reasonId=${fixture.reasonId}&channel=video&from=${date}&to=${date}`,
      headers: camille,
    });
    assert.equal(response.statusCode, 200);
    const slot = response.json().slots.find((candidate: { startsAt: string }) => candidate.startsAt === startsAt);
    assert.equal(slot.localTime, '10:00');
    assert.equal(slot.freeAdvisors, 2);
  });

  it('refuse un champ inconnu et une heure hors des plages, en nommant le champ', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: camille,
      payload: { reasonId: fixture.reasonId, channel: 'video', startsAt, advisorId: randomUUID() },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().field, 'advisorId');
    const closed = await book(camille, startsAt.replace(/T\d\d/, 'T18'));
    assert.equal(closed.statusCode, 400);
    assert.equal(closed.json().code, 'slot_not_open');
    assert.equal(closed.json().field, 'startsAt');
  });

  it('retient puis confirme un créneau, donne le fichier ICS, et refuse le rendez-vous à une autre personne (404)', async () => {
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments/holds',
      headers: camille,
      payload: { reasonId: fixture.reasonId, channel: 'video', startsAt },
    });
    assert.equal(hold.statusCode, 201, hold.body);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/holds/${hold.json().id}/confirm`,
      headers: camille,
    });
    assert.equal(confirmed.statusCode, 201);
    const id = confirmed.json().id;
    const ics = await app.inject({ url: `/api/v1/appointments/${id}/ics`, headers: camille });
    assert.equal(ics.statusCode, 200);
    assert.match(ics.headers['content-type'] as string, /^text\/calendar/);
    const text = ics.body;
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(text.includes(`\r\nDTSTART:${startsAt.replace(/[-:]/g, '').replace('.000', '')}\r\n`));
    assert.ok(text.includes(`UID:${id}@`));
    assert.ok(text.includes('STATUS:CONFIRMED'));
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
    for (const url of [`/api/v1/appointments/${id}`, `/api/v1/appointments/${id}/ics`]) {
      assert.equal((await app.inject({ url, headers: nadia })).statusCode, 404);
    }
    const mine = await app.inject({ url: '/api/v1/appointments', headers: camille });
    assert.deepEqual(
      mine.json().items.map((item: { id: string }) => item.id),
      [id],
    );
  });

  it('le second à confirmer le même créneau reçoit 409 et les créneaux suivants', async () => {
    const at = new Date(Date.parse(startsAt) + 60 * 60_000).toISOString();
    const first = await book(camille, at);
    const second = await book(await citizen(randomUUID()), at);
    const third = await book(nadia, at);
    assert.deepEqual([first.statusCode, second.statusCode], [201, 201]);
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().code, 'slot_taken');
    assert.ok(third.json().nextSlots.length > 0);
    assert.ok(third.json().nextSlots.every((slot: { startsAt: string }) => slot.startsAt > at));
  });

  describe('documents', () => {
    let appointmentId: string;
    let assignedIsAdvisor: boolean;
    before(async () => {
      const response = await book(nadia, new Date(Date.parse(startsAt) + 30 * 60_000).toISOString());
      appointmentId = response.json().id;
      assignedIsAdvisor = response.json().advisor.id === fixture.advisorIds[0];
    });
    const upload = (headers: SessionHeaders, fileName: string, content: Buffer, kind?: string) => {
      const { payload, contentType } = multipartBody(fileName, content, kind);
      return app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${appointmentId}/documents`,
        headers: { ...headers, 'content-type': contentType },
        payload,
      });
    };
    const count = async () =>
      (
        await db.query<{ count: number }>(
          'select count(*)::int as count from appointments.documents where appointment_id = $1',
          [appointmentId],
        )
      )[0]!.count;

    it('accepte un PDF attendu, typé par son contenu', async () => {
      const response = await upload(nadia, 'acte.pdf', PDF, 'acte-naissance');
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().contentType, 'application/pdf');
      assert.equal(response.json().kind, 'acte-naissance');
    });

    it('refuse un fichier nommé .pdf dont le contenu est du HTML avec un script, et n’enregistre rien', async () => {
      const before = await count();
      const response = await upload(nadia, 'avis.pdf', HTML);
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().code, 'file_type_refused');
      assert.equal(response.json().field, 'file');
      assert.equal(await count(), before);
    });

    it('refuse un PNG déguisé en PDF, et un fichier trop lourd (413)', async () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
      assert.equal((await upload(nadia, 'scan.pdf', png)).json().code, 'file_type_mismatch');
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      const response = await upload(nadia, 'gros.pdf', big);
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().code, 'file_too_large');
    });

    it('ne montre les documents qu’à la personne et au conseiller assigné : 404 pour les autres', async () => {
      assert.equal((await upload(camille, 'acte.pdf', PDF)).statusCode, 404);
      const mine = await app.inject({ url: `/api/v1/appointments/${appointmentId}`, headers: nadia });
      const documentId = mine.json().documents[0].id;
      const url = `/api/v1/appointments/${appointmentId}/documents/${documentId}`;
      const own = await app.inject({ url, headers: nadia });
      assert.equal(own.statusCode, 200);
      assert.deepEqual(own.rawPayload, PDF);
      assert.equal((await app.inject({ url, headers: camille })).statusCode, 404);
      const [assigned, other] = assignedIsAdvisor ? [advisor, colleague] : [colleague, advisor];
      const agentUrl = `/api/v1/agent/appointments/${appointmentId}/documents/${documentId}`;
      assert.equal((await app.inject({ url: agentUrl, headers: assigned })).statusCode, 200);
      assert.equal((await app.inject({ url: agentUrl, headers: other })).statusCode, 404);
      const detail = await app.inject({ url: `/api/v1/agent/appointments/${appointmentId}`, headers: other });
      assert.equal(detail.statusCode, 200);
      assert.deepEqual(detail.json().documents, []);
      assert.equal(
        (await app.inject({ url: `/api/v1/agent/appointments/${appointmentId}`, headers: assigned })).json().documents
          .length,
        1,
      );
    });
  });

  describe('côté agent', () => {
    it('montre l’agenda de la semaine d’un conseiller, et le refuse à un autre organisme (403)', async () => {
      const date = startsAt.slice(0, 10);
      const response = await app.inject({
        url: `/api/v1/agent/agenda?advisorId=${fixture.advisorIds[0]}&date=${date}&view=week`,
        headers: advisor,
      });
      assert.equal(response.statusCode, 200);
      assert.ok(response.json().appointments.length >= 1);
      assert.equal(response.json().openingRanges.length, 5);
      const cpam = await logInAs(guichet, {
        accountId: randomUUID(),
        role: 'agent',
        displayName: 'Paul Lambert',
        body: 'cpam',
      });
      assert.equal(
        (
          await app.inject({
            url: `/api/v1/agent/agenda?advisorId=${fixture.advisorIds[0]}&date=${date}`,
            headers: cpam,
          })
        ).statusCode,
        403,
      );
      assert.equal((await app.inject({ url: `/api/v1/appointments`, headers: advisor })).statusCode, 403);
    });

    it('ajoute une absence qui retire les créneaux, puis la supprime', async () => {
      const date = startsAt.slice(0, 10);
      const slots = async () =>
        (
          await app.inject({
            url: `/api/v1/appointments/slots?reasonId=${fixture.reasonId}&channel=phone&from=${date}&to=${date}`,
            headers: camille,
          })
        ).json().slots.length;
      const before = await slots();
      const absence = await app.inject({
        method: 'POST',
        url: `/api/v1/agent/advisors/${fixture.advisorIds[1]}/absences`,
        headers: advisor,
        payload: {
          startsAt: new Date(parisToUtc(date, 0)).toISOString(),
          endsAt: new Date(parisToUtc(date, 24 * 60)).toISOString(),
          label: 'Congé',
        },
      });
      assert.equal(absence.statusCode, 201, absence.body);
      assert.ok((await slots()) < before);
      assert.equal(
        (await app.inject({ method: 'DELETE', url: `/api/v1/agent/absences/${absence.json().id}`, headers: advisor }))
          .statusCode,
        204,
      );
      assert.equal(await slots(), before);
    });

    it('ne marque pas honoré un rendez-vous à venir, mais l’annule pour le service (revoked) avec une note', async () => {
      const [row] = await db.query<{ id: string }>(
        `select id from appointments.appointments where status = 'booked' limit 1`,
      );
      const seen = await app.inject({
        method: 'POST',
        url: `/api/v1/agent/appointments/${row!.id}/status`,
        headers: advisor,
        payload: { status: 'seen' },
      });
      assert.equal(seen.statusCode, 400);
      assert.equal(seen.json().field, 'status');
      const revoked = await app.inject({
        method: 'POST',
        url: `/api/v1/agent/appointments/${row!.id}/status`,
        headers: advisor,
        payload: { status: 'revoked' },
      });
      assert.equal(revoked.json().status, 'revoked');
      const note = await app.inject({
        method: 'POST',
        url: `/api/v1/agent/appointments/${row!.id}/notes`,
        headers: advisor,
        payload: { text: 'Rappeler la personne.' },
      });
      assert.equal(note.statusCode, 201);
      const detail = (await app.inject({ url: `/api/v1/agent/appointments/${row!.id}`, headers: advisor })).json();
      assert.deepEqual(
        detail.notes.map((n: { text: string }) => n.text),
        ['Statut : booked → revoked', 'Rappeler la personne.'],
      );
    });

    it('publie ses routes dans la description OpenAPI', async () => {
      const paths = Object.keys((await app.inject('/api/docs/json')).json().paths);
      for (const path of [
        '/api/v1/appointments/slots',
        '/api/v1/appointments/holds',
        '/api/v1/appointments/{id}/documents',
        '/api/v1/agent/agenda',
      ])
        assert.ok(paths.includes(path), path);
    });
  });
});
