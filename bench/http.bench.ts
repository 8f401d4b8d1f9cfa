// npm run bench:http — requests/s and latency of /healthz and of "Mon espace" (GET /api/v1/me, a
// logged-in citizen's own file), on PGlite and, when BENCH_DATABASE_URL is set, on PostgreSQL.
// The server runs as its own process (`guichet start`, request logs on), the load comes from this one.
import os from 'node:os';
import autocannon from 'autocannon';
import { logInAsDemo } from '../src/idp/index.ts';
import { startServer } from './server.ts';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const load = async (url: string, headers: Record<string, string> = {}) => {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} réponses non 2xx, ${result.errors} erreurs`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
};

const targets = [undefined, process.env.BENCH_DATABASE_URL].filter((url, index) => index === 0 || url);
console.log(
  `Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} Gio, Node ${process.version}`,
);
console.log(`Charge : autocannon, ${CONNECTIONS} connexions, ${DURATION_SECONDS} s par mesure, boucle locale\n`);
console.log('base     | route                 | req/s  | p50 ms | p99 ms');
console.log('---------|-----------------------|--------|--------|-------');
for (const databaseUrl of targets) {
  const server = await startServer({ port: 3900, databaseUrl, env: { SEED_HOUSEHOLDS: '2000' } });
  try {
    const { cookie } = await logInAsDemo(server.url, 'citizen', 'camille.martin@demo.guichet.fr');
    const rows = [
      ['/healthz', await load(`${server.url}/healthz`)],
      ['/api/v1/me (connecté)', await load(`${server.url}/api/v1/me`, { cookie })],
    ] as const;
    for (const [route, { rps, p50, p99 }] of rows) {
      console.log(
        `${server.target.padEnd(8)} | ${route.padEnd(21)} | ${String(rps).padStart(6)} | ${String(p50).padStart(6)} | ${String(p99).padStart(6)}`,
      );
    }
  } finally {
    await server.stop();
  }
}
