// npm run bench:start — time from `guichet start` to "ready" on PGlite: first start (migrations and
// demo data, SEED_HOUSEHOLDS households) and a second start on the same data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.ts';

const households = process.env.SEED_HOUSEHOLDS ?? '2000';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-start-'));
console.log(`Machine : ${os.cpus().length} cœurs, Node ${process.version}; ${households} foyers de démonstration`);
for (const label of ['premier démarrage (avec données de démo)', 'redémarrage (données présentes)']) {
  const server = await startServer({ port: 3901, dataDir, env: { SEED_HOUSEHOLDS: households, LOG_LEVEL: 'warn' } });
  console.log(`${label} : ${(server.readyMs / 1000).toFixed(1)} s jusqu'à « prêt » (processus compris)`);
  await server.stop();
}
fs.rmSync(dataDir, { recursive: true, force: true });
