// Starts `guichet start` as its own process (as a user would) on a fresh data folder or database,
// for benchmarks that load it from this process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type BenchServer = {
  url: string;
  target: 'pglite' | 'pg';
  readyMs: number;
  /** With `waitIdle`: how long after "prêt" the start-up background work (demo seeding's jobs,
   *  journey enrolments) kept the server busy; undefined when not measured. */
  idleMs?: number;
  stop: () => Promise<void>;
};

/** CPU time (ms) a process has used, from /proc (Linux, 100 ticks a second); undefined elsewhere. */
const cpuMs = (pid: number) => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

/** Waits until the process uses under 5 % of a core for two seconds in a row: the background
 *  jobs queued at start-up are done (a load measured earlier competes with them). */
const waitUntilIdle = async (pid: number, timeoutMs = 180_000) => {
  const startedAt = performance.now();
  let quietSeconds = 0;
  let last = cpuMs(pid);
  if (last === undefined) return undefined;
  while (quietSeconds < 2) {
    if (performance.now() - startedAt > timeoutMs)
      throw new Error(`le serveur est encore occupé ${timeoutMs / 1000} s après son démarrage`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuMs(pid);
    if (now === undefined) return undefined;
    quietSeconds = now - last < 50 ? quietSeconds + 1 : 0;
    last = now;
  }
  return performance.now() - startedAt - 2000;
};

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
  dataDir: givenDataDir,
  env = {},
  waitIdle = false,
}: {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** Return only once the start-up background work is done (see `waitUntilIdle`). */
  waitIdle?: boolean;
}): Promise<BenchServer> => {
  const startedAt = performance.now();
  // A data directory made here is removed at stop (kept if the server fails, for its log).
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
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
  const idleMs = waitIdle && child.pid !== undefined ? await waitUntilIdle(child.pid) : undefined;
  return {
    url: `http://localhost:${port}`,
    target: databaseUrl ? 'pg' : 'pglite',
    readyMs,
    idleMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          if (!givenDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
};
