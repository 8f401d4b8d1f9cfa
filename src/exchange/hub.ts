// The hub's keys: the pseudonym key (persons are never known by their NIR here) and the key that
// seals message content while it waits in the outbox. Both derive from the instance secret.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deriveSecret, loadConfig, loadInstanceSecret, type Config, type Db } from '../platform/index.ts';
import { signingKey, type SigningKey } from './signing.ts';

export type Hub = {
  publicUrl: string;
  /** HMAC-SHA256 of the normalised NIR with the hub's key, in hex: the directory's and the log's key. */
  pseudonym: (nir: string) => string;
  seal: (text: string) => string;
  open: (sealed: string) => string;
  /** The hub's own signing key (for answers it signs). */
  key: SigningKey;
  /** Any embedded party's key, derived from the same secret (the embedded default only). */
  embeddedKey: (party: string) => SigningKey;
};

export const createHub = ({ secret, publicUrl }: { secret: string; publicUrl: string }): Hub => {
  const pseudonymKey = deriveSecret(secret, 'exchange-pseudonym');
  const sealKey = deriveSecret(secret, 'exchange-outbox-seal');
  return {
    publicUrl,
    pseudonym: (nir) => createHmac('sha256', pseudonymKey).update(nir.toUpperCase().replace(/\s/g, '')).digest('hex'),
    seal: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open: (sealed) => {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    key: signingKey(secret, 'hub'),
    embeddedKey: (party) => signingKey(secret, party),
  };
};

/** The hub of this process's configuration (instance secret from GUICHET_SECRET or the database). */
export const loadHub = async (db: Db, config: Pick<Config, 'GUICHET_SECRET' | 'publicUrl'>) =>
  createHub({ secret: await loadInstanceSecret(db, config), publicUrl: config.publicUrl });

// Job handlers get no configuration: the composition root installs the hub when it mounts the
// routes; a lone `guichet worker` builds it from its environment.
let installed: Hub | undefined;

export const installHub = (hub: Hub) => {
  installed = hub;
  return hub;
};

export const currentHub = async (db: Db) => (installed ??= await loadHub(db, loadConfig()));
