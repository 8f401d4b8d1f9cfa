import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** What a query needs: the database itself or an open transaction. */
export type Sql = {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
};

/** One connection layer over PGlite (embedded) and node-postgres (a server). */
export type Db = Sql & {
  readonly kind: 'pglite' | 'pg';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, to start test databases from a snapshot. */
  dump?: () => Promise<Blob>;
};

// Same JS types on both drivers: dates stay ISO strings (no timezone shift), int8 becomes a number
// (our bigserial ids stay far below 2^53), numeric stays a string (exact).
const DATE_OID = 1082;
const INT8_OID = 20;
const parseDate = (value: string) => value;
const parseInt8 = (value: string) => Number(value);

export type PgliteOptions = { dataDir?: string; loadDataDir?: Blob | File };

export const openPglite = async ({ dataDir, loadDataDir }: PgliteOptions = {}): Promise<Db> => {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { btree_gist, pg_trgm, pgcrypto, unaccent },
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 },
  });
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) =>
      (await target.query<T>(text, params as unknown[])).rows,
    exec: async (text) => {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(client),
    transaction: (fn) => client.transaction((tx) => fn(wrap(tx))),
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  };
};

export const openPg = async (connectionString: string, poolSize = 10): Promise<Db> => {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return parseDate;
        if (oid === INT8_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A broken idle connection must not crash the process; the next query gets a fresh one. Nor
  // must one cut while a transaction holds it between two statements (pg_terminate_backend, a
  // server restart): the transaction's next statement fails, and the connection is dropped.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  // Every query is a named prepared statement (per connection): the server plans it once, not at
  // each call, which halves the cost of the small queries a page makes.
  const statementNames = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = statementNames.get(text);
    if (!name) statementNames.set(text, (name = `q${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
    return name;
  };
  const wrap = (target: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) =>
      (await target.query<T>({ name: nameOf(text), text, values: params as unknown[] })).rows,
    exec: async (text) => {
      await target.query(text);
    },
  });
  await pool.query('select 1');
  return {
    kind: 'pg',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      // A connection that cannot even roll back is broken: destroyed, not given back to the pool.
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
};

/** Thrown when another Guichet process already uses the data folder. */
export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Le dossier de données ${dir} est déjà utilisé par un autre processus Guichet (pid ${pid}). ` +
        `Arrêtez-le, ou choisissez un autre dossier avec GUICHET_DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is single-writer: two processes on one folder would corrupt it. A pid file taken with
 * O_EXCL guards it; a lock left by a dead process is taken over.
 */
export const lockDataDir = (dir: string): (() => void) => {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'guichet.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${lockFile}`);
};

/** Refreshes the planner's statistics of every table, one table at a time, yielding to the event
 *  loop between two (PGlite runs in this thread: a whole-database analyze would pause requests). */
export const analyzeTables = async (db: Sql) => {
  const tables = await db.query<{ name: string }>(
    `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables order by 1`,
  );
  for (const { name } of tables) {
    await db.exec(`analyze ${name}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
};

// PGlite has no autovacuum: without this, the planner would keep the statistics of the first start
// while tables grow (agendas, declarations, jobs) and choose plans for tables it believes empty.
const PGLITE_ANALYZE_EVERY_MS = 60 * 60 * 1000;

export type OpenDatabaseOptions = { databaseUrl?: string; dataDir: string; poolSize?: number };

/** Opens the configured database: a PostgreSQL server when a URL is given, else PGlite in dataDir. */
export const openDatabase = async ({ databaseUrl, dataDir, poolSize }: OpenDatabaseOptions) => {
  if (databaseUrl) return openPg(databaseUrl, poolSize);
  const unlock = lockDataDir(dataDir);
  try {
    const db = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    let analyzing: Promise<void> | undefined;
    const timer = setInterval(() => {
      // Statistics only guide the planner: a failed round is simply tried again at the next one.
      analyzing ??= analyzeTables(db)
        .catch(() => {})
        .finally(() => (analyzing = undefined));
    }, PGLITE_ANALYZE_EVERY_MS).unref();
    const close = async () => {
      clearInterval(timer);
      await analyzing;
      await db.close();
      unlock();
    };
    return { ...db, close } satisfies Db;
  } catch (error) {
    unlock();
    throw error;
  }
};
