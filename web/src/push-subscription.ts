// This browser's web push subscription: the service worker (web/public/service-worker.js) shows
// what Guichet pushes. The server's VAPID public key signs every message the browser will accept.
import { notificationsApi } from './notifications-api.ts';

const SERVICE_WORKER = '/service-worker.js';

/** False on browsers without service workers or the Push API (and on plain http other than localhost). */
export const isPushSupported = () =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext;

/** The refusal the person gave in the browser's own prompt: only they can lift it, in its settings. */
export class PushPermissionDeniedError extends Error {
  constructor() {
    super('push-permission-denied');
    this.name = 'PushPermissionDeniedError';
  }
}

// A VAPID key travels as base64url; the Push API wants its bytes.
const keyBytes = (base64url: string) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};

/** This browser's current subscription, or null. */
export const currentPushSubscription = async () => {
  if (!isPushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
};

/** Asks the browser's permission, subscribes with the server's key and gives the subscription to Guichet. */
export const subscribeThisBrowser = async () => {
  if ((await Notification.requestPermission()) !== 'granted') throw new PushPermissionDeniedError();
  await navigator.serviceWorker.register(SERVICE_WORKER, { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await notificationsApi.vapidPublicKey();
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  await notificationsApi.subscribe(subscription.toJSON());
};

/** Stops push on this browser, for Guichet and for the browser's push service. */
export const unsubscribeThisBrowser = async () => {
  const subscription = await currentPushSubscription();
  if (!subscription) return;
  await notificationsApi.unsubscribe(subscription.endpoint).catch(() => undefined);
  await subscription.unsubscribe();
};
