import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { loadConfig, type Sql } from '../platform/index.ts';
import { logInAs, testGuichetServer, type SessionHeaders } from '../testing.ts';
import { agentIdOf, createFixture } from './test-fixtures.ts';
import { findAppointment } from './appointment.ts';
import { MAX_SIGNALS_PER_SECOND, parseIceServers, videoRoomInfo } from './video-room.ts';

// Appointments are written straight into the table: the booking rules (minimum notice, opening
// ranges) are not what these tests are about, the room's time window is.
const insertAppointment = async (
  db: Sql,
  fixture: Awaited<ReturnType<typeof createFixture>>,
  {
    personId,
    startsInMinutes,
    channel = 'video',
    advisorIndex = 0,
  }: { personId: string; startsInMinutes: number; channel?: string; advisorIndex?: number },
) => {
  const start = new Date(Date.now() + startsInMinutes * 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  const [row] = await db.query<{ id: string }>(
    `insert into appointments.appointments (reason_id, advisor_id, site_id, person_id, channel, status, starts_at, ends_at, busy, booked_at)
     values ($1, $2, $3, $4, $5, 'booked', $6, $7, tstzrange($6, $7), now()) returning id`,
    [
      fixture.reasonId,
      fixture.advisorIds[advisorIndex],
      fixture.siteId,
      personId,
      channel,
      start.toISOString(),
      end.toISOString(),
    ],
  );
  return row!.id;
};

describe('salle vidéo et avis après le rendez-vous', async () => {
  const guichet = await testGuichetServer({ WEBRTC_ICE_SERVERS: 'stun:stun.example.fr:3478' });
  const { app, db, url } = guichet;
  let fixture: Awaited<ReturnType<typeof createFixture>>;
  const personId = randomUUID();
  let camille: SessionHeaders;
  let nadia: SessionHeaders;
  let advisor: SessionHeaders;
  let colleague: SessionHeaders;

  before(async () => {
    fixture = await createFixture(db, { advisors: 2 });
    camille = await logInAs(guichet, {
      accountId: randomUUID(),
      role: 'citizen',
      displayName: 'Camille Martin',
      personId,
    });
    nadia = await logInAs(guichet, {
      accountId: randomUUID(),
      role: 'citizen',
      displayName: 'Nadia',
      personId: randomUUID(),
    });
    const agent = async (index: number) =>
      logInAs(guichet, {
        accountId: randomUUID(),
        role: 'agent',
        displayName: `Conseiller ${index + 1}`,
        body: 'caf',
        agentId: await agentIdOf(db, fixture.advisorIds[index]!),
      });
    advisor = await agent(0);
    colleague = await agent(1);
  });

  it('la salle s’ouvre 15 minutes avant, pour la personne et son conseiller seulement', async () => {
    const soon = await insertAppointment(db, fixture, { personId, startsInMinutes: 10 });
    const mine = await app.inject({ url: `/api/v1/appointments/${soon}/video`, headers: camille });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().provider, 'webrtc');
    assert.deepEqual(mine.json().iceServers, [{ urls: 'stun:stun.example.fr:3478' }]);
    const assigned = await app.inject({ url: `/api/v1/agent/appointments/${soon}/video`, headers: advisor });
    assert.equal(assigned.statusCode, 200);
    const other = await app.inject({ url: `/api/v1/agent/appointments/${soon}/video`, headers: colleague });
    assert.equal(other.statusCode, 404);
    const stranger = await app.inject({ url: `/api/v1/appointments/${soon}/video`, headers: nadia });
    assert.equal(stranger.statusCode, 404);

    const later = await insertAppointment(db, fixture, { personId, startsInMinutes: 120 });
    const early = await app.inject({ url: `/api/v1/appointments/${later}/video`, headers: camille });
    assert.equal(early.statusCode, 403);
    assert.equal(early.json().code, 'video_room_not_open_yet');
    assert.match(early.json().messages.fr, /15 minutes avant/);

    const phone = await insertAppointment(db, fixture, { personId, startsInMinutes: 300, channel: 'phone' });
    const notVideo = await app.inject({ url: `/api/v1/appointments/${phone}/video`, headers: camille });
    assert.equal(notVideo.json().code, 'not_a_video_appointment');
  });

  it('relaie l’offre et la réponse WebRTC entre la personne et le conseiller, et refuse la connexion hors horaires', async () => {
    const id = await insertAppointment(db, fixture, { personId, startsInMinutes: 400 + Math.random() * 100 });
    const refusal = async (address: string, headers: SessionHeaders) => {
      const socket = new WebSocket(address, { headers: { cookie: headers.cookie } });
      const [, response] = (await once(socket, 'unexpected-response')) as [unknown, IncomingMessage];
      response.resume();
      return response.statusCode;
    };
    const signalOf = (appointmentId: string) =>
      `${url.replace('http', 'ws')}/api/v1/appointments/${appointmentId}/video/signal`;
    assert.equal(await refusal(signalOf(id), camille), 403);

    // The second advisor's appointment, under way for 5 minutes.
    const leaId = randomUUID();
    const lea = await logInAs(guichet, {
      accountId: randomUUID(),
      role: 'citizen',
      displayName: 'Léa',
      personId: leaId,
    });
    const now = await insertAppointment(db, fixture, { personId: leaId, startsInMinutes: -5, advisorIndex: 1 });
    const address = signalOf(now);
    const open = async (headers: SessionHeaders) => {
      const socket = new WebSocket(address, { headers: { cookie: headers.cookie } });
      const messages: { type: string; [key: string]: unknown }[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data))));
      await once(socket, 'open');
      return { socket, messages };
    };
    const waitFor = async (messages: { type: string }[], type: string) => {
      for (let tries = 0; tries < 100 && !messages.some((message) => message.type === type); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages.find((message) => message.type === type);
    };
    const person = await open(lea);
    assert.deepEqual(await waitFor(person.messages, 'welcome'), { type: 'welcome', peerPresent: false });
    const agent = await open(colleague);
    assert.deepEqual(await waitFor(agent.messages, 'welcome'), { type: 'welcome', peerPresent: true });
    assert.ok(await waitFor(person.messages, 'peer-joined'));
    person.socket.send(JSON.stringify({ type: 'offer', sdp: 'v=0 fake' }));
    assert.deepEqual(await waitFor(agent.messages, 'offer'), { type: 'offer', sdp: 'v=0 fake' });
    agent.socket.send(JSON.stringify({ type: 'answer', sdp: 'v=0 answer' }));
    assert.deepEqual(await waitFor(person.messages, 'answer'), { type: 'answer', sdp: 'v=0 answer' });
    agent.socket.close();
    assert.ok(await waitFor(person.messages, 'peer-left'));
    // A flood of messages closes the sender's connection (policy violation).
    const closed = once(person.socket, 'close');
    for (let sent = 0; sent <= MAX_SIGNALS_PER_SECOND; sent++) {
      person.socket.send(JSON.stringify({ type: 'candidate', candidate: `candidate:${sent}` }));
    }
    const [code] = (await closed) as [number];
    assert.equal(code, 1008);

    assert.equal(await refusal(address, nadia), 404);
    assert.equal(await refusal(address, advisor), 404);
  });

  it('un avis par rendez-vous, après le rendez-vous seulement, et les résultats par motif', async () => {
    const upcoming = await insertAppointment(db, fixture, { personId, startsInMinutes: 1000 });
    const tooEarly = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${upcoming}/survey`,
      headers: camille,
      payload: { satisfaction: 5, problemSolved: 'yes' },
    });
    assert.equal(tooEarly.statusCode, 409);
    assert.equal(tooEarly.json().code, 'survey_not_open_yet');

    const past = await insertAppointment(db, fixture, { personId, startsInMinutes: -60 });
    const state = await app.inject({ url: `/api/v1/appointments/${past}/survey`, headers: camille });
    assert.equal(state.json().state, 'open');
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${past}/survey`,
      headers: camille,
      payload: { satisfaction: 9, problemSolved: 'yes' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'satisfaction');
    const answer = { satisfaction: 4, problemSolved: 'partly', comment: 'Conseillère claire.' };
    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${past}/survey`,
      headers: camille,
      payload: answer,
    });
    assert.equal(first.statusCode, 201);
    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${past}/survey`,
      headers: camille,
      payload: answer,
    });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, 'survey_already_answered');

    const results = await app.inject({ url: '/api/v1/agent/surveys', headers: advisor });
    assert.equal(results.statusCode, 200);
    const row = results.json().items.find((item: { reason: { id: string } }) => item.reason.id === fixture.reasonId);
    assert.equal(row.answers, 1);
    assert.equal(row.averageSatisfaction, 4);
    assert.deepEqual(row.problemSolved, { yes: 0, partly: 1, no: 0 });
  });

  it('avec un fournisseur Jitsi, donne l’adresse d’une salle au nom impossible à deviner', async () => {
    const id = await insertAppointment(db, fixture, { personId: randomUUID(), startsInMinutes: 600, advisorIndex: 1 });
    const appointment = (await findAppointment(db, id))!;
    const jitsi = { VIDEO_PROVIDER: 'jitsi' as const, JITSI_BASE_URL: 'https://visio.example.fr' };
    // Five minutes before it starts.
    const room = await videoRoomInfo(db, jitsi, [], appointment, Date.parse(appointment.startsAt) - 5 * 60_000);
    assert.equal(room.provider, 'jitsi');
    assert.match(
      room.provider === 'jitsi' ? room.roomUrl : '',
      /^https:\/\/visio\.example\.fr\/guichet-[0-9a-f-]{36}$/,
    );
    assert.ok(
      !(room.provider === 'jitsi' && room.roomUrl.includes(id)),
      'le nom de la salle n’est pas l’identifiant du rendez-vous',
    );
    assert.throws(() => loadConfig({ VIDEO_PROVIDER: 'jitsi' }), /JITSI_BASE_URL/);
  });

  it('lit les serveurs STUN/TURN en URL séparées par des virgules ou en JSON, et refuse le reste', () => {
    assert.deepEqual(parseIceServers(undefined), []);
    assert.deepEqual(parseIceServers('stun:a.fr, turn:b.fr'), [{ urls: 'stun:a.fr' }, { urls: 'turn:b.fr' }]);
    assert.deepEqual(parseIceServers('[{"urls":"turn:b.fr","username":"u","credential":"c"}]'), [
      { urls: 'turn:b.fr', username: 'u', credential: 'c' },
    ]);
    assert.throws(() => parseIceServers('http://nope'), /WEBRTC_ICE_SERVERS/);
  });
});
