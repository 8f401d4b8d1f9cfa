// A body's node run as its own process (`guichet body caf --port 4101`): its own store (a
// PostgreSQL database of its own, or its own PGlite data folder), its files seeded from the same
// demo population as the guichet's, and its connector API only. The hub reaches it over HTTP at
// the URL it is configured with (BODY_CAF_URL), exactly as it reaches a node run in its process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signingKey, type BodyParty } from '../exchange/index.ts';
import {
  ConfigError,
  createHttpApp,
  createLogger,
  migrate,
  mountHealth,
  openDatabase,
  type Config,
  type Db,
} from '../platform/index.ts';
import { generateDemoPopulation } from '../people/index.ts';
import { mountBodyConnector } from './define-body.ts';
import { schemaOf, type BodyNode } from './node.ts';
import { BODY_NODES } from './nodes.ts';
import { isAgriculturalHousehold } from './seeds.ts';

export type RunBodyOptions = {
  party: string;
  port: number;
  host: string;
  /** The node's own PostgreSQL database; its own PGlite folder when absent. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The hub this node belongs to: published keys, directory of references. */
  hubUrl: string;
  /** The same demo population as the guichet's (households, seed). */
  households: number;
  seed: number;
};

const SEED_LOCK = 7_200_102;

/** The node's files, once: from the demo population, the same as the guichet seeded (same households and seed). */
const seedOwnStore = async (
  db: Db,
  node: BodyNode,
  { households, seed }: Pick<RunBodyOptions, 'households' | 'seed'>,
) =>
  db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const schema = schemaOf(node.party);
    const tables = await tx.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = $1 and table_name <> 'inbox'`,
      [schema],
    );
    for (const { name } of tables) {
      const [row] = await tx.query(`select 1 from ${schema}.${name} limit 1`);
      if (row) return false;
    }
    const today = new Date().toISOString().slice(0, 10);
    const population = generateDemoPopulation({ households, seed, today });
    await node.seed(
      tx,
      population.households.map((household) => ({ ...household, isAgricultural: isAgriculturalHousehold(household) })),
      { today },
    );
    return true;
  });

/** Starts the node; resolves once it listens, with a function that stops it. */
export const runBody = async (config: Config, options: RunBodyOptions) => {
  const node = BODY_NODES.find((candidate) => candidate.party === options.party);
  if (!node)
    throw new ConfigError(
      'organisme',
      `inconnu : ${options.party} (attendu : ${BODY_NODES.map((candidate) => candidate.party).join(', ')})`,
    );
  // The hub checks this node's signatures (its declarations of files) with the key it derives from
  // its own secret: the node must derive the same.
  if (!config.GUICHET_SECRET)
    throw new ConfigError('GUICHET_SECRET', 'obligatoire pour un organisme lancé à part (le même que la plateforme)');
  const logger = createLogger(config);
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: path.resolve(options.dataDir),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    const migrations = fileURLToPath(new URL(`./${node.party}/migrations`, import.meta.url));
    await migrate(db, [{ module: schemaOf(node.party), dir: migrations }]);
    if (await seedOwnStore(db, node, options)) await db.exec('analyze');
  } catch (error) {
    await db.close();
    throw error;
  }
  let isStopping = false;
  const app = await createHttpApp({ config, logger: config.LOG_LEVEL === 'silent' ? false : logger });
  mountHealth(app, { db, isStopping: () => isStopping });
  mountBodyConnector(app, {
    db,
    logger,
    node,
    hubUrl: options.hubUrl,
    key: signingKey(config.GUICHET_SECRET, node.party as BodyParty),
  });
  await app.ready();
  await app.listen({ port: options.port, host: options.host });
  return {
    url: `http://${options.host}:${options.port}/bodies/${node.party}`,
    stop: async () => {
      isStopping = true;
      await app.close();
      await db.close();
    },
  };
};
