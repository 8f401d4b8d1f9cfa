// Serves the web front end from the same server as the API.
//  - 'dist': the built app (web/dist) with long cache for hashed assets, no-cache for index.html,
//    brotli/gzip copies made at build time, and index.html for any other page address (SPA).
//  - 'dev': Vite's dev server as middleware, with hot reload (`guichet start --dev`).
// Mounted after every API route, so a page address never shadows the API.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMiddie from '@fastify/middie';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from './app.ts';

export type WebMode = 'dist' | 'dev';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web');
const DIST = path.join(WEB_ROOT, 'dist');
const CONFIG_FILE = path.join(WEB_ROOT, 'vite.config.ts');
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'vite-dsfr.ts'];

const NOT_WEB = /^\/(api|auth)(\/|$)|^\/idp(\/|$|\?)|^\/(healthz|readyz)(\/|$|\?)/;

/** A page address of the front end: not the API, login callbacks, identity provider or probes. */
export const isWebPath = (url: string) => !NOT_WEB.test(url);

const acceptsHtml = (request: FastifyRequest) => /text\/html|\*\/\*/.test(request.headers.accept ?? '');

const newestMtime = (target: string): number => {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
};

/** True when web/dist is missing or older than any of the front end's sources. */
export const isWebBuildStale = () => {
  const built = path.join(DIST, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(WEB_ROOT, input)) > builtAt);
};

/** Builds web/dist with Vite (the same as `npm run build:web`). */
export const buildWeb = async () => {
  const { build } = await import('vite');
  await build({ configFile: CONFIG_FILE, logLevel: 'warn' });
};

const LOCK = path.join(WEB_ROOT, '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;

// Two processes starting at once (two test files, two servers) must not both write web/dist:
// the first takes the lock (an atomic mkdir) and builds; the others wait, then find it fresh.
const withBuildLock = async <T>(work: () => Promise<T>): Promise<T> => {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
};

/** Builds the front end when needed, saying so: a fresh clone's `npm start` needs no extra step. */
export const ensureWebBuilt = async (write: (line: string) => void = (line) => process.stdout.write(line)) => {
  if (!isWebBuildStale()) return;
  await withBuildLock(async () => {
    if (!isWebBuildStale()) return;
    const startedAt = performance.now();
    write('  Construction de l’interface web (web/dist)…\n');
    await buildWeb();
    write(`  Interface web construite en ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
  });
};

const NOT_BUILT =
  'L’interface web n’est pas construite : lancez « npm run build:web ». / The web interface is not built: run "npm run build:web".';

const mountDist = async (app: HttpApp) => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (!isWebPath(request.url) || !acceptsHtml(request)) return reply.callNotFound();
      return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: DIST,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    schemaHide: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply: FastifyReply, file: string) => {
      // Hashed names change with their content: cache them for a year. The rest may change in place.
      const isHashed = file.startsWith(path.join(DIST, 'assets') + path.sep);
      const isIndex = path.basename(file).startsWith('index.html');
      reply.header(
        'cache-control',
        isHashed ? 'public, max-age=31536000, immutable' : isIndex ? 'no-cache' : 'public, max-age=3600',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!isWebPath(request.url) || !acceptsHtml(request)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
};

// Vite's dev client and React Fast Refresh need an inline preamble and a websocket: allowed for
// the dev page only, never in the built app.
const DEV_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
].join('; ');

const mountDev = async (app: HttpApp) => {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: CONFIG_FILE,
    appType: 'custom',
    server: { middlewareMode: true, ws: { server: app.server } },
  });
  // The identity provider may already have registered middie (for /idp): register it only once.
  if (!app.hasDecorator('use')) await app.register(fastifyMiddie);
  const withUse = app as unknown as {
    use: (fn: (req: { url?: string }, res: unknown, next: (error?: unknown) => void) => void) => void;
  };
  withUse.use((req, res, next) =>
    isWebPath(req.url ?? '/') ? vite.middlewares(req as never, res as never, next) : next(),
  );
  app.addHook('onClose', async () => vite.close());
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!isWebPath(request.url) || !acceptsHtml(request)) return reply.callNotFound();
    const html = await vite.transformIndexHtml(request.url, fs.readFileSync(path.join(WEB_ROOT, 'index.html'), 'utf8'));
    return reply
      .header('content-security-policy', DEV_CSP)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  });
};

/** Mounts the front end on the app; call after every API route is registered. */
export const mountWeb = async (app: HttpApp, { mode }: { mode: WebMode }) => {
  if (mode === 'dev') return mountDev(app);
  return mountDist(app);
};
