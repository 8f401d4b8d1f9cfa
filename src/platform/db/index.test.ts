import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeTables, DataDirLockedError, lockDataDir, openDatabase } from './index.ts';

describe('dossier de données PGlite', () => {
  it('refuse un second démarrage sur le même dossier tant que le premier tourne', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-lock-'));
    const unlock = lockDataDir(dir);
    // The lock holds this process's pid; a second process sees it alive.
    fs.writeFileSync(path.join(dir, 'guichet.lock'), String(process.ppid));
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    unlock();
    assert.doesNotThrow(() => lockDataDir(dir)());
  });

  it('reprend un verrou laissé par un processus disparu', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-lock-'));
    fs.writeFileSync(path.join(dir, 'guichet.lock'), '999999999');
    assert.doesNotThrow(() => lockDataDir(dir)());
  });

  it('garde les données après un redémarrage', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-data-'));
    const first = await openDatabase({ dataDir: dir });
    await first.exec("create table kept (label text); insert into kept values ('toujours là');");
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    assert.deepEqual(await second.query('select label from kept'), [{ label: 'toujours là' }]);
    await second.close();
  });

  it('rend les dates en chaînes ISO, sans décalage de fuseau', async () => {
    const db = await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-data-')) });
    const [row] = await db.query<{ d: string; n: number }>("select date '2026-03-29' as d, 9007199254740::int8 as n");
    assert.deepEqual(row, { d: '2026-03-29', n: 9007199254740 });
    await db.close();
  });

  it('tient à jour les statistiques du planificateur, que PGlite ne calcule jamais seul', async () => {
    const db = await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-data-')) });
    await db.exec(
      'create schema agenda; create table agenda."rendez-vous" (id int); insert into agenda."rendez-vous" select generate_series(1, 2000)',
    );
    const estimate = async () =>
      (await db.query<{ n: number }>(`select reltuples::int as n from pg_class where relname = 'rendez-vous'`))[0]!.n;
    assert.notEqual(await estimate(), 2000);
    await analyzeTables(db);
    assert.equal(await estimate(), 2000);
    await db.close();
  });

  it('annule une transaction en erreur sans rien écrire', async () => {
    const db = await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-data-')) });
    await db.exec('create table t (id int primary key)');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('insert into t values (1)');
        await tx.query('insert into t values (1)');
      }),
    );
    assert.deepEqual(await db.query('select * from t'), []);
    await db.close();
  });
});
