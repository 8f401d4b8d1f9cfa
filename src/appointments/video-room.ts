// The video room of a video appointment. Either Guichet's own WebRTC room — browsers connect peer
// to peer, Guichet only relays their offers, answers and ICE candidates over a WebSocket — or a
// Jitsi-compatible provider's room named after the appointment's unguessable room id. Either way
// the room opens only to the person and the assigned advisor, from 15 minutes before the start to
// the end of the appointment.
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { AppError, ConfigError, type Config, type Sql, parisLabel } from '../platform/index.ts';
import type { Appointment } from './appointment.ts';

export const ROOM_OPENS_MINUTES_BEFORE = 15;

/** The messages one browser may send the other through Guichet (RTCSessionDescription, RTCIceCandidate). */
const RELAYED_TYPES = new Set(['offer', 'answer', 'candidate']);
export const MAX_SIGNAL_BYTES = 64 * 1024;
/** A connection setting up sends a few dozen ICE candidates at once; hundreds a second is abuse. */
export const MAX_SIGNALS_PER_SECOND = 100;

const iceServer = z.strictObject({
  urls: z.union([
    z.string().regex(/^(stun|stuns|turn|turns):/),
    z.array(z.string().regex(/^(stun|stuns|turn|turns):/)),
  ]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServer>;

/**
 * `WEBRTC_ICE_SERVERS`: a JSON array of RTCIceServer (for TURN with credentials) or STUN/TURN URLs
 * separated by commas. None by default: two browsers on the same network need none.
 */
export const parseIceServers = (value: string | undefined): IceServer[] => {
  const text = value?.trim();
  if (!text) return [];
  let candidate: unknown;
  if (text.startsWith('[')) {
    try {
      candidate = JSON.parse(text);
    } catch {
      throw new ConfigError('WEBRTC_ICE_SERVERS', 'JSON illisible');
    }
  } else {
    candidate = text
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean)
      .map((urls) => ({ urls }));
  }
  const parsed = z.array(iceServer).safeParse(candidate);
  if (!parsed.success) {
    throw new ConfigError('WEBRTC_ICE_SERVERS', 'attendu : des URL stun:, turn: ou un tableau JSON de RTCIceServer');
  }
  return parsed.data;
};

export type VideoRoomInfo =
  | {
      provider: 'webrtc';
      signallingPath: string;
      iceServers: IceServer[];
      opensAt: string;
      closesAt: string;
    }
  | { provider: 'jitsi'; roomUrl: string; opensAt: string; closesAt: string };

const roomRefused = (code: string, fr: string, en: string) => new AppError(code, { status: 403, messages: { fr, en } });

/** The room's opening, or a 403 saying plainly why it is not open. */
export const assertRoomOpen = (appointment: Appointment, now: number) => {
  if (appointment.channel !== 'video') {
    throw roomRefused(
      'not_a_video_appointment',
      'Ce rendez-vous n’a pas lieu en vidéo.',
      'This appointment is not a video appointment.',
    );
  }
  if (appointment.status !== 'booked') {
    throw roomRefused(
      'appointment_not_active',
      'Ce rendez-vous est annulé ou terminé : la salle vidéo est fermée.',
      'This appointment is cancelled or over: the video room is closed.',
    );
  }
  const opensAt = Date.parse(appointment.startsAt) - ROOM_OPENS_MINUTES_BEFORE * 60_000;
  if (now < opensAt) {
    const label = parisLabel(opensAt);
    throw roomRefused(
      'video_room_not_open_yet',
      `La salle vidéo ouvre ${ROOM_OPENS_MINUTES_BEFORE} minutes avant le rendez-vous, ${label.fr}.`,
      `The video room opens ${ROOM_OPENS_MINUTES_BEFORE} minutes before the appointment, ${label.en}.`,
    );
  }
  if (now >= Date.parse(appointment.endsAt)) {
    throw roomRefused(
      'video_room_closed',
      'Le rendez-vous est terminé : la salle vidéo est fermée.',
      'The appointment is over: the video room is closed.',
    );
  }
  return { opensAt: new Date(opensAt).toISOString(), closesAt: appointment.endsAt };
};

export const videoRoomId = async (db: Sql, appointmentId: string) => {
  const [row] = await db.query<{ video_room: string }>(
    'select video_room from appointments.appointments where id = $1',
    [appointmentId],
  );
  return row?.video_room;
};

/** What a browser needs to join: the signalling address and ICE servers, or the provider's room URL. */
export const videoRoomInfo = async (
  db: Sql,
  config: Pick<Config, 'VIDEO_PROVIDER' | 'JITSI_BASE_URL'>,
  iceServers: IceServer[],
  appointment: Appointment,
  now: number,
): Promise<VideoRoomInfo> => {
  const window = assertRoomOpen(appointment, now);
  if (config.VIDEO_PROVIDER === 'jitsi') {
    const room = await videoRoomId(db, appointment.id);
    return { provider: 'jitsi', roomUrl: `${config.JITSI_BASE_URL}/guichet-${room}`, ...window };
  }
  return {
    provider: 'webrtc',
    signallingPath: `/api/v1/appointments/${appointment.id}/video/signal`,
    iceServers,
    ...window,
  };
};

export type Participant = 'person' | 'advisor';

/**
 * Relays signalling messages between the two participants of each room. In memory: the two
 * browsers of one appointment must reach the same Guichet process (one process, or sticky sessions).
 */
export const createSignallingHub = () => {
  const rooms = new Map<string, Map<Participant, WebSocket>>();
  const send = (socket: WebSocket | undefined, message: object) => {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const join = (appointmentId: string, participant: Participant, socket: WebSocket, closesAt: number, now: number) => {
    const room = rooms.get(appointmentId) ?? new Map<Participant, WebSocket>();
    rooms.set(appointmentId, room);
    const other: Participant = participant === 'person' ? 'advisor' : 'person';
    // The same participant joining again (a second tab, a reload) replaces the older connection.
    room.get(participant)?.close(4000, 'replaced');
    room.set(participant, socket);
    send(socket, { type: 'welcome', peerPresent: room.has(other) });
    send(room.get(other), { type: 'peer-joined' });

    // At the end of the appointment, the room closes.
    const closing = setTimeout(() => socket.close(4001, 'room closed'), Math.min(closesAt - now, 2 ** 31 - 1));

    let windowStart = 0;
    let inWindow = 0;
    socket.on('message', (data, isBinary) => {
      const at = Date.now();
      if (at - windowStart >= 1000) [windowStart, inWindow] = [at, 0];
      if (++inWindow > MAX_SIGNALS_PER_SECOND) return socket.close(1008, 'too many messages');
      const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : (data as Buffer).length;
      if (isBinary || size > MAX_SIGNAL_BYTES) return socket.close(1009, 'message refused');
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return socket.close(1007, 'not JSON');
      }
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !RELAYED_TYPES.has(type)) return;
      send(room.get(other), message as object);
    });
    socket.on('close', () => {
      clearTimeout(closing);
      if (room.get(participant) !== socket) return;
      room.delete(participant);
      send(room.get(other), { type: 'peer-left' });
      if (room.size === 0) rooms.delete(appointmentId);
    });
  };

  return { join, roomCount: () => rooms.size };
};
export type SignallingHub = ReturnType<typeof createSignallingHub>;
