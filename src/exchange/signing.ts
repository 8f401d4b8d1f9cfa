// Messages are signed by their sender with Ed25519 (node:crypto). On the embedded default every
// party's key pair derives from the instance secret and the party's name; a node run apart derives
// its own from its own secret. Only public keys are stored and published.
import { createPrivateKey, createPublicKey, KeyObject, sign, verify, type JsonWebKey } from 'node:crypto';
import { deriveSecret } from '../platform/index.ts';

// DER header of a PKCS#8 Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export type SigningKey = { party: string; privateKey: KeyObject; publicKey: KeyObject; publicJwk: JsonWebKey };

const cache = new Map<string, SigningKey>();

/** The party's key pair, derived from a secret (same secret and party, same keys). */
export const signingKey = (secret: string, party: string): SigningKey => {
  const cacheKey = `${party}:${deriveSecret(secret, 'exchange-key-id').toString('hex')}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const seed = deriveSecret(secret, `exchange-signing:${party}`);
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const key = { party, privateKey, publicKey, publicJwk: publicKey.export({ format: 'jwk' }) };
  cache.set(cacheKey, key);
  return key;
};

/** JSON with keys sorted at every level: what is signed, byte for byte the same on both sides. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
};

export const signPayload = (payload: unknown, privateKey: KeyObject) =>
  sign(null, Buffer.from(canonicalJson(payload)), privateKey).toString('base64url');

/** Checks a signature on libuv's thread pool (with a callback, node:crypto does not block the
 *  event loop): a batch of messages is verified on every core at once. */
export const verifyPayload = (payload: unknown, signature: string, publicKey: KeyObject | JsonWebKey) =>
  new Promise<boolean>((resolve) => {
    try {
      const key = publicKey instanceof KeyObject ? publicKey : createPublicKey({ key: publicKey, format: 'jwk' });
      verify(null, Buffer.from(canonicalJson(payload)), key, Buffer.from(signature, 'base64url'), (error, isValid) =>
        resolve(!error && isValid),
      );
    } catch {
      resolve(false);
    }
  });
