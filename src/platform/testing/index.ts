// The test kit every module's tests use: a real, migrated database per test file, and the whole
// application on it. PGlite by default; a PostgreSQL server when TEST_DATABASE_URL is set.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { openPg, openPglite, type Db } from '../db/index.ts';
import { migrate, type MigrationSource } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';

const CACHE_DIR = path.resolve('node_modules/.cache/guichet');

/** Which database the tests run on: `pg` when TEST_DATABASE_URL is set (unless TEST_DB=pglite). */
export const testDatabaseKind = (): 'pg' | 'pglite' =>
  process.env.TEST_DATABASE_URL && process.env.TEST_DB !== 'pglite' ? 'pg' : 'pglite';

const migrationsHash = (sources: MigrationSource[]) => {
  const hash = createHash('sha256');
  for (const { module, dir } of sources) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) hash.update(module + file + fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
};

let snapshot: Promise<Buffer> | undefined;

// One migrated PGlite, dumped once and cached on disk by migrations' hash: a test database then
// starts in a fraction of a second instead of replaying every migration.
const pgliteSnapshot = (sources: MigrationSource[]) =>
  (snapshot ??= (async () => {
    const file = path.join(CACHE_DIR, `pglite-${migrationsHash(sources)}.tar`);
    if (fs.existsSync(file)) return fs.readFileSync(file);
    const db = await openPglite();
    await migrate(db, sources);
    const dump = Buffer.from(await (await db.dump!()).arrayBuffer());
    await db.close();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, dump);
    fs.renameSync(partial, file);
    return dump;
  })());

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

// On a server: one migrated template database per migrations' hash, then `create database …
// template …` per test file (fast, and each file gets its own isolated database).
const pgTestDb = async (sources: MigrationSource[]): Promise<Db> => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const template = `guichet_tpl_${migrationsHash(sources)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7200002)');
    const [exists] = (await admin.query('select 1 from pg_database where datname = $1', [template])).rows;
    if (!exists) {
      await admin.query(`create database ${template}`);
      const db = await openPg(withDatabase(adminUrl, template), 2);
      await migrate(db, sources);
      await db.close();
    }
    const name = `guichet_t_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    await admin.query('select pg_advisory_unlock(7200002)');
    const db = await openPg(withDatabase(adminUrl, name), 5);
    return {
      ...db,
      close: async () => {
        await db.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name}`);
        await dropper.end();
      },
    };
  } finally {
    await admin.end();
  }
};

/** A fresh, migrated database for one test file. Close it in `after()`. */
export const testDb = async (sources: MigrationSource[]): Promise<Db> => {
  if (testDatabaseKind() === 'pg') return pgTestDb(sources);
  return openPglite({ loadDataDir: new Blob([new Uint8Array(await pgliteSnapshot(sources))]) });
};

/** The configuration tests run with: defaults, silent logs, nothing seeded, no background workers. */
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_ON_FIRST_START: 'false',
    WORKERS: 'false',
    GUICHET_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ...overrides,
  });

export const testLogger = () => createLogger({ LOG_LEVEL: 'silent' });
