// Video appointments' routes: how to join (the person's and the assigned advisor's), and the
// WebSocket that relays the two browsers' WebRTC signalling. Checked before the upgrade: someone
// else gets a 404, a closed room a 403 with its reason.
import websocket from '@fastify/websocket';
import { z } from 'zod';
import {
  forbidden,
  notFound,
  requireUser,
  type HttpApp,
  type ModuleContext,
  type SessionUser,
} from '../platform/index.ts';
import { advisorOfUser } from './advisors.ts';
import { appointmentNotFound, findAppointment, getOwnAppointment, type Appointment } from './appointment.ts';
import { idParams } from './routes.schemas.ts';
import { assertRoomOpen, createSignallingHub, parseIceServers, videoRoomInfo, type Participant } from './video-room.ts';

const TAGS = ['appointments', 'video'];

const videoRoomResponse = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('webrtc'),
    signallingPath: z.string(),
    iceServers: z.array(
      z.object({
        urls: z.union([z.string(), z.array(z.string())]),
        username: z.string().optional(),
        credential: z.string().optional(),
      }),
    ),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  z.object({ provider: z.literal('jitsi'), roomUrl: z.string(), opensAt: z.string(), closesAt: z.string() }),
]);

export const mountVideoRoutes = async (app: HttpApp, { db, config }: ModuleContext) => {
  const iceServers = parseIceServers(config.WEBRTC_ICE_SERVERS);
  const hub = createSignallingHub();

  /** The appointment and who this user is in it; anyone but the person and the assigned advisor: 404. */
  const participantOf = async (
    user: SessionUser,
    appointmentId: string,
  ): Promise<{ appointment: Appointment; participant: Participant }> => {
    if (user.role === 'citizen') {
      if (!user.personId) throw notFound({ fr: 'Personne', en: 'Person' });
      return { appointment: await getOwnAppointment(db, user.personId, appointmentId), participant: 'person' };
    }
    const appointment = await findAppointment(db, appointmentId);
    const advisor = await advisorOfUser(db, user);
    if (!appointment || !advisor || appointment.advisor.id !== advisor.id) throw appointmentNotFound();
    return { appointment, participant: 'advisor' };
  };

  const info = (path: string, roles: SessionUser['role'][], summary: string) =>
    app.get(
      path,
      { schema: { tags: TAGS, summary, params: idParams, response: { 200: videoRoomResponse } } },
      async (request) => {
        const user = requireUser(request, { roles });
        const { appointment } = await participantOf(user, request.params.id);
        return videoRoomInfo(db, config, iceServers, appointment, Date.now());
      },
    );
  info('/api/v1/appointments/:id/video', ['citizen'], 'Rejoindre mon rendez-vous vidéo');
  info(
    '/api/v1/agent/appointments/:id/video',
    ['agent', 'admin'],
    'Rejoindre un rendez-vous vidéo (conseiller assigné)',
  );

  await app.register(async (instance) => {
    const scoped = instance as HttpApp;
    await scoped.register(websocket, { options: { maxPayload: 64 * 1024 } });
    scoped.get(
      '/api/v1/appointments/:id/video/signal',
      {
        websocket: true,
        schema: { tags: TAGS, summary: 'Signalisation WebRTC de la salle vidéo (WebSocket)', params: idParams },
        // Before the upgrade: a refusal is an ordinary HTTP answer (401, 404, 403 with the reason).
        preHandler: async (request) => {
          // Another site's page cannot open the socket with the person's cookie.
          const origin = request.headers.origin;
          if (origin && origin !== config.publicUrl && origin !== `${request.protocol}://${request.host}`) {
            throw forbidden();
          }
          const user = requireUser(request, { roles: ['citizen', 'agent', 'admin'] });
          const { id } = request.params as { id: string };
          const { appointment, participant } = await participantOf(user, id);
          assertRoomOpen(appointment, Date.now());
          request.videoParticipant = { appointment, participant };
        },
      },
      (socket, request) => {
        const { appointment, participant } = request.videoParticipant!;
        hub.join(appointment.id, participant, socket, Date.parse(appointment.endsAt), Date.now());
      },
    );
  });
};

declare module 'fastify' {
  // Declaration merging with Fastify's own interface: a `type` cannot do this.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** Set by the signalling route's check, read by its WebSocket handler. */
    videoParticipant?: { appointment: Appointment; participant: Participant };
  }
}
