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
  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  return { ...raw, publicUrl, isSecure: publicUrl.startsWith('https://') };
};
