// Starts `guichet start` as its own process (as a user would) on a fresh data folder or database,
// for benchmarks that load it from this process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type BenchServer = { url: string; target: 'pglite' | 'pg'; readyMs: number; stop: () => Promise<void> };

const freshDatabase = async (adminUrl: string, name: string) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** `guichet start` on PGlite, or on PostgreSQL when `databaseUrl` (a server's admin URL) is given. */
export const startServer = async ({
  port,
  databaseUrl,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-')),
  env = {},
}: {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<BenchServer> => {
  const startedAt = performance.now();
  // Logs go to a file, as in production: a pipe to this busy process would throttle the server.
  const logFile = path.join(dataDir, 'guichet.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['bin/guichet.js', 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      GUICHET_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: await freshDatabase(databaseUrl, 'guichet_bench') } : {}),
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code));
  while (!/prêt en/.test(fs.readFileSync(logFile, 'utf8'))) {
    if (exitCode !== null) throw new Error(`guichet start s'est arrêté (code ${exitCode}), voir ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - startedAt;
  return {
    url: `http://localhost:${port}`,
    target: databaseUrl ? 'pg' : 'pglite',
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
};
