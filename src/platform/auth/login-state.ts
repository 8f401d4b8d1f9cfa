import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { LoginKind } from './user.ts';

/** What the callback needs to check the login it started (RFC 7636 PKCE, OIDC state and nonce). */
export type LoginState = { codeVerifier: string; state: string; nonce: string; returnTo: string };

const loginStateSchema = z.object({
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

const LOGIN_STATE_SECONDS = 10 * 60;

export const loginStateCookie = (kind: LoginKind) => `guichet_login_${kind}`;
export const LOGIN_STATE_MAX_AGE = LOGIN_STATE_SECONDS;

// AES-256-GCM: the browser keeps the state but can neither read the PKCE verifier nor change it.
export const sealLoginState = (key: Buffer, state: LoginState): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const payload = JSON.stringify({ ...state, expiresAt: Date.now() + LOGIN_STATE_SECONDS * 1000 });
  const encrypted = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), encrypted].map((part) => part.toString('base64url')).join('.');
};

/** The state sealed by `sealLoginState`, or null when it is missing, altered or older than 10 minutes. */
export const openLoginState = (key: Buffer, sealed: string | undefined): LoginState | null => {
  if (!sealed) return null;
  const [iv, tag, encrypted] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !encrypted || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(encrypted), decipher.final()]).toString('utf8');
    const parsed = loginStateSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.expiresAt < Date.now()) return null;
    const { expiresAt: _expiresAt, ...state } = parsed.data;
    return state;
  } catch {
    return null;
  }
};
