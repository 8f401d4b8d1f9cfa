import path from 'node:path';
import {
  createHttpApp,
  createLogger,
  migrate,
  mountHealth,
  openDatabase,
  type Config,
  type Db,
  type HttpApp,
  type Logger,
} from './platform/index.ts';
import { MODULES } from './modules.ts';

export type Guichet = {
  app: HttpApp;
  db: Db;
  config: Config;
  logger: Logger;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop: () => Promise<void>;
};

export const migrationSources = () =>
  MODULES.filter((module) => module.migrations).map((module) => ({ module: module.name, dir: module.migrations! }));

/** Builds the whole application on an open database (migrated here); does not listen. */
export const buildGuichet = async ({ config, db, logger }: { config: Config; db: Db; logger: Logger }): Promise<Guichet> => {
  await migrate(db, migrationSources());
  let isStopping = false;
  const app = await createHttpApp({ config, logger: config.LOG_LEVEL === 'silent' ? false : logger });
  mountHealth(app, { db, isStopping: () => isStopping });
  const context = { db, config, logger };
  await app.register(async (scoped) => {
    for (const module of MODULES) await module.routes?.(scoped as HttpApp, context);
  });
  await app.ready();
  return {
    app,
    db,
    config,
    logger,
    stop: async () => {
      isStopping = true;
      await app.close();
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
export const startGuichet = async (config: Config) => {
  const startedAt = performance.now();
  const logger = createLogger(config);
  const db = await openConfiguredDatabase(config);
  const guichet = await buildGuichet({ config, db, logger }).catch(async (error) => {
    await db.close();
    throw error;
  });
  await guichet.app.listen({ port: config.PORT, host: config.HOST });
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
