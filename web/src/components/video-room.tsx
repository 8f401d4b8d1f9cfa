// The video room of an appointment, for the person and for the advisor. Built-in: the two browsers
// connect peer to peer (WebRTC), Guichet relaying only their offer, answer and ICE candidates over
// a WebSocket; the one already in the room makes the offer when the other arrives. External: a
// link to the Jitsi-compatible room. The server opens the room 15 minutes before the start.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { VideoRoom as VideoRoomInfo } from '../appointments-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { ApiErrorAlert } from './api-error-alert.tsx';
import { Loading } from './loading.tsx';
import { useApi } from './use-api.ts';

type RoomState = 'starting' | 'waiting' | 'connecting' | 'connected' | 'disconnected' | 'closed';

type Signal =
  | { type: 'welcome'; peerPresent: boolean }
  | { type: 'peer-joined' }
  | { type: 'peer-left' }
  | { type: 'offer' | 'answer'; sdp: string }
  | { type: 'candidate'; candidate: RTCIceCandidateInit };

const openMedia = async (): Promise<MediaStream | undefined> => {
  for (const constraints of [{ video: true, audio: true }, { audio: true }]) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch {
      // Refused or no such device: try with less, then join to see and hear the other only.
    }
  }
  return undefined;
};

const BuiltInRoom = ({
  room,
  otherLabel,
}: {
  room: Extract<VideoRoomInfo, { provider: 'webrtc' }>;
  otherLabel: string;
}) => {
  const { t } = useI18n();
  const [state, setState] = useState<RoomState>('starting');
  const [hasCamera, setHasCamera] = useState(true);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const socketRef = useRef<WebSocket | undefined>(undefined);

  useEffect(() => {
    let closed = false;
    let peer: RTCPeerConnection | undefined;
    let pendingCandidates: RTCIceCandidateInit[] = [];
    const send = (message: object) => socketRef.current?.send(JSON.stringify(message));

    const newPeer = () => {
      peer?.close();
      pendingCandidates = [];
      const connection = new RTCPeerConnection({ iceServers: room.iceServers });
      const tracks = stream.current?.getTracks() ?? [];
      for (const track of tracks) connection.addTrack(track, stream.current!);
      if (!tracks.some((track) => track.kind === 'video'))
        connection.addTransceiver('video', { direction: 'recvonly' });
      if (!tracks.some((track) => track.kind === 'audio'))
        connection.addTransceiver('audio', { direction: 'recvonly' });
      connection.onicecandidate = ({ candidate }) => {
        if (candidate) send({ type: 'candidate', candidate: candidate.toJSON() });
      };
      connection.ontrack = ({ streams }) => {
        if (remoteVideo.current && streams[0]) remoteVideo.current.srcObject = streams[0];
      };
      connection.onconnectionstatechange = () => {
        if (closed || peer !== connection) return;
        const next = connection.connectionState;
        if (next === 'connected') setState('connected');
        else if (next === 'failed' || next === 'disconnected') setState('disconnected');
      };
      peer = connection;
      return connection;
    };

    const onSignal = async (message: Signal) => {
      if (message.type === 'welcome') {
        newPeer();
        setState(message.peerPresent ? 'connecting' : 'waiting');
      } else if (message.type === 'peer-joined') {
        const connection = newPeer();
        setState('connecting');
        await connection.setLocalDescription(await connection.createOffer());
        send({ type: 'offer', sdp: connection.localDescription!.sdp });
      } else if (message.type === 'offer') {
        const connection = peer ?? newPeer();
        await connection.setRemoteDescription({ type: 'offer', sdp: message.sdp });
        for (const candidate of pendingCandidates.splice(0)) await connection.addIceCandidate(candidate);
        await connection.setLocalDescription(await connection.createAnswer());
        send({ type: 'answer', sdp: connection.localDescription!.sdp });
      } else if (message.type === 'answer') {
        await peer?.setRemoteDescription({ type: 'answer', sdp: message.sdp });
        for (const candidate of pendingCandidates.splice(0)) await peer?.addIceCandidate(candidate);
      } else if (message.type === 'candidate') {
        if (peer?.remoteDescription) await peer.addIceCandidate(message.candidate);
        else pendingCandidates.push(message.candidate);
      } else if (message.type === 'peer-left') {
        newPeer();
        if (remoteVideo.current) remoteVideo.current.srcObject = null;
        setState('waiting');
      }
    };

    void (async () => {
      stream.current = await openMedia();
      if (closed) return stream.current?.getTracks().forEach((track) => track.stop());
      setHasCamera(!!stream.current?.getVideoTracks().length);
      if (localVideo.current && stream.current) localVideo.current.srcObject = stream.current;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(`${scheme}://${window.location.host}${room.signallingPath}`);
      socketRef.current = socket;
      socket.onmessage = (event) =>
        void onSignal(JSON.parse(String(event.data)) as Signal).catch(() => setState('disconnected'));
      socket.onclose = () => {
        if (!closed) setState('closed');
      };
    })();

    return () => {
      closed = true;
      socketRef.current?.close();
      peer?.close();
      stream.current?.getTracks().forEach((track) => track.stop());
    };
  }, [room.signallingPath]);

  const toggle = (kind: 'audio' | 'video', on: boolean) => {
    stream.current?.getTracks().forEach((track) => {
      if (track.kind === kind) track.enabled = on;
    });
    if (kind === 'audio') setMicOn(on);
    else setCameraOn(on);
  };

  return (
    <div className="guichet-video-room" data-state={state}>
      <p role="status" className="fr-text--lg">
        {t(`video.state.${state}` as MessageKey, { other: otherLabel })}
      </p>
      {!hasCamera && state !== 'starting' ? <p className="fr-text--sm">{t('video.noCamera')}</p> : null}
      <div className="guichet-video-grid">
        <figure className="guichet-video">
          <video
            ref={remoteVideo}
            autoPlay
            playsInline
            data-remote="true"
            aria-label={t('video.remoteLabel', { other: otherLabel })}
          />
          <figcaption>{otherLabel}</figcaption>
        </figure>
        <figure className="guichet-video guichet-video--self">
          <video ref={localVideo} autoPlay playsInline muted aria-label={t('video.localLabel')} />
          <figcaption>{t('video.you')}</figcaption>
        </figure>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-mic-line"
            onClick={() => toggle('audio', !micOn)}
            nativeButtonProps={{ 'aria-pressed': !micOn }}
          >
            {t('video.muteMic')}
          </Button>
        </li>
        {hasCamera ? (
          <li>
            <Button
              priority="secondary"
              iconId="fr-icon-camera-line"
              onClick={() => toggle('video', !cameraOn)}
              nativeButtonProps={{ 'aria-pressed': !cameraOn }}
            >
              {t('video.hideCamera')}
            </Button>
          </li>
        ) : null}
      </ul>
    </div>
  );
};

export const VideoRoom = ({
  load,
  otherLabel,
}: {
  load: (signal: AbortSignal) => Promise<VideoRoomInfo>;
  otherLabel: string;
}) => {
  const { t } = useI18n();
  const { state, retry } = useApi(load, []);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ApiErrorAlert error={state.error} onRetry={retry} />;
  const room = state.data;
  if (room.provider === 'jitsi') {
    return (
      <Alert
        severity="info"
        as="h2"
        title={t('video.externalTitle')}
        description={
          <a className="fr-link" href={room.roomUrl} target="_blank" rel="noopener noreferrer">
            {t('video.externalLink')}
          </a>
        }
      />
    );
  }
  return <BuiltInRoom room={room} otherLabel={otherLabel} />;
};
