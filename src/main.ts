import path from 'node:path';
import {
  createHttpApp,
  createJobRegistry,
  createLogger,
  createWorker,
  installJobRegistry,
  migrate,
  ensureWebBuilt,
  mountAuth,
  mountHealth,
  mountWeb,
  openDatabase,
  type Config,
  type Db,
  type HttpApp,
  type Logger,
  type ResolveAccount,
  type WebMode,
  type Worker,
} from './platform/index.ts';
import { resolveAccount as resolvePeopleAccount } from './people/index.ts';
import { MODULES } from './modules.ts';
import { isDemoSeeded, seedDemo } from './seed.ts';

export type Guichet = {
  app: HttpApp;
  db: Db;
  config: Config;
  logger: Logger;
  /** The in-process job workers; started after listen when WORKERS is true. */
  workers: Worker;
  /** Stops accepting requests, lets in-flight ones (and running jobs) finish, then closes the database. */
  stop: () => Promise<void>;
};

export const migrationSources = () =>
  MODULES.filter((module) => module.migrations).map((module) => ({ module: module.name, dir: module.migrations! }));

/** Builds the whole application on an open database (migrated here); does not listen. */
export const buildGuichet = async ({
  config,
  db,
  logger,
  resolveAccount = (login) => resolvePeopleAccount(db, login),
  web,
}: {
  config: Config;
  db: Db;
  logger: Logger;
  /** Who an OIDC login is; the people module's by default (tests may pass their own). */
  resolveAccount?: ResolveAccount;
  /** Serve the web front end: the built app ('dist') or Vite's dev server ('dev'); none by default (API tests). */
  web?: WebMode;
}): Promise<Guichet> => {
  await migrate(db, migrationSources());
  const workers = createWorker({
    db,
    logger,
    config,
    registry: installJobRegistry(createJobRegistry(MODULES)),
    concurrency: config.WORKER_CONCURRENCY,
  });
  let isStopping = false;
  const app = await createHttpApp({ config, logger: config.LOG_LEVEL === 'silent' ? false : logger });
  mountHealth(app, { db, isStopping: () => isStopping });
  // Sessions before any module's routes: the hook sets request.user for all of them.
  await mountAuth(app, { db, config, resolveAccount });
  const context = { db, config, logger };
  await app.register(async (scoped) => {
    for (const module of MODULES) await module.routes?.(scoped as HttpApp, context);
  });
  // After every API route: page addresses fall back to the app, never shadow the API.
  if (web) await mountWeb(app, { mode: web });
  await app.ready();
  return {
    app,
    db,
    config,
    logger,
    workers,
    stop: async () => {
      isStopping = true;
      // Running jobs finish within their grace period, or go back to the queue, before the database closes.
      await Promise.all([app.close(), workers.stop()]);
      await db.close();
    },
  };
};

/** Opens the configured database (PGlite in GUICHET_DATA_DIR unless DATABASE_URL is set). */
export const openConfiguredDatabase = (config: Config) =>
  openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.resolve(config.GUICHET_DATA_DIR),
    poolSize: config.DATABASE_POOL_SIZE,
  });

/** `guichet start`: everything in one process, listening on PORT, stopped cleanly by Ctrl-C. */
export const startGuichet = async (config: Config, { dev = false }: { dev?: boolean } = {}) => {
  const startedAt = performance.now();
  // A fresh clone has no web/dist: build it (or rebuild a stale one) before serving.
  if (!dev) await ensureWebBuilt();
  const logger = createLogger(config);
  const db = await openConfiguredDatabase(config);
  const guichet = await buildGuichet({ config, db, logger, web: dev ? 'dev' : 'dist' }).catch(async (error) => {
    await db.close();
    throw error;
  });
  if (config.SEED_ON_FIRST_START && !(await isDemoSeeded(db))) {
    process.stdout.write(
      `  Premier démarrage : chargement des données de démonstration (${config.SEED_HOUSEHOLDS} foyers)…\n`,
    );
    await seedDemo(db, { households: config.SEED_HOUSEHOLDS, seed: config.SEED, config }).catch(async (error) => {
      await guichet.stop();
      throw error;
    });
  }
  await guichet.app.listen({ port: config.PORT, host: config.HOST });
  if (config.WORKERS) guichet.workers.start();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(`\n  Guichet est prêt en ${seconds} s : ${config.publicUrl}\n\n`);

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    if (stopping) return;
    logger.info({ signal }, 'arrêt en cours');
    stopping = guichet.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'arrêt en erreur');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return guichet;
};
