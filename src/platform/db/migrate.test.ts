import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { testDb } from '../testing/index.ts';
import { migrate } from './migrate.ts';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-migrations-'));

describe('migrations', async () => {
  const db = await testDb([]);
  after(() => db.close());
  const dir = folder();
  fs.writeFileSync(
    path.join(dir, '0001-create-things.sql'),
    'create schema demo; create table demo.things (id int primary key);',
  );
  fs.writeFileSync(path.join(dir, '0002-add-label.sql'), 'alter table demo.things add column label text;');
  fs.writeFileSync(path.join(dir, 'notes.md'), 'not a migration');

  it('applique les migrations d’un module dans l’ordre, une seule fois', async () => {
    const first = await migrate(db, [{ module: 'demo', dir }]);
    assert.deepEqual(
      first.map((m) => m.name),
      ['0001-create-things.sql', '0002-add-label.sql'],
    );
    assert.deepEqual(await migrate(db, [{ module: 'demo', dir }]), []);
    await db.query("insert into demo.things (id, label) values (1, 'un')");
  });

  it('refuse de démarrer si une migration appliquée a été modifiée', async () => {
    fs.writeFileSync(path.join(dir, '0002-add-label.sql'), 'alter table demo.things add column other text;');
    await assert.rejects(migrate(db, [{ module: 'demo', dir }]), /0002-add-label\.sql a été modifiée/);
  });

  it('annule entièrement une migration en erreur', async () => {
    const broken = folder();
    fs.writeFileSync(
      path.join(broken, '0001-half-done.sql'),
      'create schema half; create table half.t (id int); select 1/0;',
    );
    await assert.rejects(migrate(db, [{ module: 'half', dir: broken }]), /division by zero/);
    const [schema] = await db.query("select 1 from information_schema.schemata where schema_name = 'half'");
    assert.equal(schema, undefined);
  });
});
