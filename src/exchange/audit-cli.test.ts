import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { migrate, openDatabase } from '../platform/index.ts';
import { appendLog } from './message-log.ts';

const run = promisify(execFile);

const auditVerify = (dataDir: string) =>
  run(process.execPath, ['bin/guichet.js', 'audit', 'verify'], {
    env: { ...process.env, GUICHET_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

describe('guichet audit verify', () => {
  it('dit le journal intact, puis désigne la ligne altérée et sort en erreur', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-audit-'));
    try {
      const entry = (recipient: string) => ({
        event: 'accepted' as const,
        messageId: null,
        correlationId: 'c1',
        sender: 'guichet',
        recipient,
        category: 'naissance',
        purpose: 'etat_civil',
        subjectKey: 'a'.repeat(64),
        code: 'ACK-10',
      });
      let db = await openDatabase({ dataDir });
      await migrate(db, migrationSources());
      await db.transaction((tx) => appendLog(tx, [entry('caf'), entry('cpam'), entry('etat-civil')]));
      await db.close();

      const intact = await auditVerify(dataDir);
      assert.equal(intact.code, 0);
      assert.match(intact.stdout, /intact : 3 ligne/);

      db = await openDatabase({ dataDir });
      await db.exec(`alter table exchange.message_log disable trigger message_log_append_only;
                     update exchange.message_log set purpose = 'autre' where seq = 2;`);
      await db.close();
      const tampered = await auditVerify(dataDir);
      assert.equal(tampered.code, 1);
      assert.match(tampered.stdout, /ALTÉRÉ à la ligne 2/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
