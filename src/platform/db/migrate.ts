import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './index.ts';

/** A module's migrations: `NNNN-verb-noun.sql` files for its own Postgres schema only. */
export type MigrationSource = { module: string; dir: string };

export type AppliedMigration = { module: string; name: string };

// One advisory lock key for all migrators: two processes starting at once apply each file once.
const MIGRATION_LOCK = 7_200_001;

const readMigrations = ({ module, dir }: MigrationSource) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
        .sort()
        .map((file) => {
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          return { module, name: file, text, checksum: createHash('sha256').update(text).digest('hex') };
        })
    : [];

/**
 * Applies every pending migration, each in its own transaction under an advisory lock, in the
 * order of `sources` then file name. Running it again applies nothing. A migration file changed
 * after it was applied stops start-up: migrations are append-only.
 */
export const migrate = async (db: Db, sources: MigrationSource[]): Promise<AppliedMigration[]> => {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        module text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (module, name)
      );`);
  });
  const applied: AppliedMigration[] = [];
  for (const migration of sources.flatMap(readMigrations)) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const [done] = await tx.query<{ checksum: string }>(
        'select checksum from platform.schema_migrations where module = $1 and name = $2',
        [migration.module, migration.name],
      );
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(
            `La migration ${migration.module}/${migration.name} a été modifiée après avoir été appliquée : ` +
              `ajoutez une nouvelle migration au lieu de la modifier.`,
          );
        }
        return false;
      }
      await tx.exec(migration.text);
      await tx.query('insert into platform.schema_migrations (module, name, checksum) values ($1, $2, $3)', [
        migration.module,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push({ module: migration.module, name: migration.name });
  }
  return applied;
};
