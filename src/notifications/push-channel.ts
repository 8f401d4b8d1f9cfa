// Web push (RFC 8030) with VAPID (RFC 8292) and an encrypted payload (RFC 8291, aes128gcm), built
// by the web-push package. The key pair is made on first start and kept in the database, so every
// process and every restart signs with the same key the browsers subscribed with.
import webpush from 'web-push';
import type { Sql } from '../platform/index.ts';

export type VapidKeys = { publicKey: string; privateKey: string };

/** Returns the server's VAPID keys, making them once: two processes starting at once keep one pair. */
export const ensureVapidKeys = async (db: Sql): Promise<VapidKeys> => {
  const read = () =>
    db.query<{ public_key: string; private_key: string }>(
      'select public_key, private_key from notifications.vapid_keys',
    );
  let [row] = await read();
  if (!row) {
    const keys = webpush.generateVAPIDKeys();
    await db.query(
      `insert into notifications.vapid_keys (public_key, private_key) values ($1, $2) on conflict (id) do nothing`,
      [keys.publicKey, keys.privateKey],
    );
    [row] = await read();
  }
  return { publicKey: row!.public_key, privateKey: row!.private_key };
};

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

/** What the service worker receives and shows (both languages: it picks the browser's). */
export type PushMessage = { title: { fr: string; en: string }; body: { fr: string; en: string }; link: string | null };

/** `sent`: the push service accepted it; `gone`: the subscription no longer exists (404, 410). */
export type PushOutcome = { status: 'sent' } | { status: 'gone'; error: string };

export class PushRefusedError extends Error {
  constructor(
    readonly statusCode: number,
    detail: string,
  ) {
    super(`Le service de push a refusé le message (HTTP ${statusCode}) : ${detail.slice(0, 300)}`);
    this.name = 'PushRefusedError';
  }

  /** Worth another try later: the service is overloaded or down. */
  get isTransient() {
    return this.statusCode === 429 || this.statusCode >= 500;
  }
}

/**
 * Encrypts and signs one message for one subscription and posts it to its push service. The
 * request is made here with fetch (the package's own sender speaks HTTPS only), with a timeout.
 */
export const sendPush = async ({
  target,
  message,
  keys,
  subject,
  timeoutMs = 10_000,
}: {
  target: PushTarget;
  message: PushMessage;
  keys: VapidKeys;
  /** A `mailto:` or `https:` contact for the push service (VAPID `sub`). */
  subject: string;
  timeoutMs?: number;
}): Promise<PushOutcome> => {
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(message),
    { vapidDetails: { subject, ...keys }, TTL: 24 * 3600, contentEncoding: 'aes128gcm' },
  );
  // fetch sets Content-Length itself from the body.
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  ) as Record<string, string>;
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers,
    body: new Uint8Array(request.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const detail = await response.text().catch(() => '');
  if (response.ok) return { status: 'sent' };
  if (response.status === 404 || response.status === 410) {
    return { status: 'gone', error: `Abonnement expiré ou retiré par le navigateur (HTTP ${response.status})` };
  }
  throw new PushRefusedError(response.status, detail);
};
