import { z } from 'zod';

/** Thrown at start-up when an environment variable is wrong; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration invalide : ${variable} — ${reason}`);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const url = z
  .string()
  .url()
  .transform((v) => v.replace(/\/+$/, ''));

// Every variable Guichet reads, with its default. `.env.example` lists the same ones.
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url.optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUICHET_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  GUICHET_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  // How long a process trusts a session it has just read (0: every request reads the database).
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  // How long a process serves a citizen's own file ("Mon espace") it has just read (0: never).
  PERSON_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_WRITE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  EMBEDDED_IDP: bool.default(true),
  OIDC_CITIZEN_ISSUER: url.optional(),
  OIDC_CITIZEN_CLIENT_ID: z.string().min(1).default('guichet-citoyen'),
  OIDC_CITIZEN_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_AGENT_ISSUER: url.optional(),
  OIDC_AGENT_CLIENT_ID: z.string().min(1).default('guichet-agent'),
  OIDC_AGENT_CLIENT_SECRET: z.string().min(1).optional(),
  WORKERS: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  SEED_ON_FIRST_START: bool.default(true),
  SEED_HOUSEHOLDS: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  SEED: z.coerce.number().int().default(42),
  // Notifications by e-mail: a real SMTP server when set (smtp:// or smtps://, user and password in
  // the URL); unset, e-mails are captured in the database and shown to admins, never sent.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'doit commencer par smtp:// ou smtps:// suivi du serveur')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/, 'une adresse, seule ou « Nom <adresse> »')
    .default('Guichet <ne-pas-repondre@guichet.localhost>'),
  // Video appointments: Guichet's own WebRTC room (signalling by Guichet) or a Jitsi-compatible provider.
  VIDEO_PROVIDER: z.enum(['webrtc', 'jitsi']).default('webrtc'),
  JITSI_BASE_URL: url.optional(),
  // STUN/TURN servers given to browsers: a JSON array of RTCIceServer, or URLs separated by commas.
  WEBRTC_ICE_SERVERS: z.string().optional(),
  // Exchange hub: a body's node run as its own process (`guichet body caf --port 4101`) is reached at
  // its URL; unset, the node runs in this process under /bodies/<body>. Either way over HTTP.
  BODY_CAF_URL: url.optional(),
  BODY_CPAM_URL: url.optional(),
  BODY_MSA_URL: url.optional(),
  BODY_URSSAF_URL: url.optional(),
  BODY_FRANCE_TRAVAIL_URL: url.optional(),
  BODY_CNAV_URL: url.optional(),
  BODY_DGFIP_URL: url.optional(),
  BODY_ETAT_CIVIL_URL: url.optional(),
  // Delivery: messages claimed per batch, how long a claim is a worker's (a killed worker's claims
  // are taken again after it), and the timeout of one call to a connector.
  EXCHANGE_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(500),
  EXCHANGE_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),
  EXCHANGE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // The longest wait between two attempts towards a body that is down (exponential backoff up to it).
  EXCHANGE_RETRY_MAX_MS: z.coerce.number().int().min(100).default(300_000),
  // Attempts before a message becomes a dead letter (it then waits for an administrator).
  EXCHANGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(12),
  // A body's node run apart: the hub it belongs to (published keys, directory).
  HUB_URL: url.optional(),
});

type RawConfig = z.infer<typeof configSchema>;

export type Config = RawConfig & {
  /** The address people open; OIDC redirect URIs and the embedded issuer derive from it. */
  publicUrl: string;
  isSecure: boolean;
};

/** Parses and validates the environment; throws ConfigError naming the first wrong variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const raw = parsed.data;
  if (!raw.EMBEDDED_IDP && (!raw.OIDC_CITIZEN_ISSUER || !raw.OIDC_AGENT_ISSUER)) {
    throw new ConfigError(
      raw.OIDC_CITIZEN_ISSUER ? 'OIDC_AGENT_ISSUER' : 'OIDC_CITIZEN_ISSUER',
      'obligatoire quand EMBEDDED_IDP=false',
    );
  }
  if (raw.VIDEO_PROVIDER === 'jitsi' && !raw.JITSI_BASE_URL) {
    throw new ConfigError('JITSI_BASE_URL', 'obligatoire quand VIDEO_PROVIDER=jitsi');
  }
  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  return { ...raw, publicUrl, isSecure: publicUrl.startsWith('https://') };
};
