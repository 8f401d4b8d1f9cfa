// Makes the State Design System (DSFR, shipped inside @codegouvfr/react-dsfr) work offline, in dev
// and in the build, with no copy step and no inline script (the CSP forbids them):
//  - `virtual:dsfr-icons.css`: only the icon classes the sources use (the full icon sheet is
//    213 kB and points at 1 200 files; cheap phones should not pay for it);
//  - the "early colour scheme" script, served as a hashed file so a dark-mode user gets no white flash;
//  - the DSFR favicons;
//  - brotli and gzip copies of every text asset, served by @fastify/static's `preCompressed`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const DSFR_PACKAGE = path.resolve(import.meta.dirname, '../node_modules/@codegouvfr/react-dsfr');
const dsfrPath = (relative: string) => path.join(DSFR_PACKAGE, relative);
const ICONS_DIR = dsfrPath('dsfr/utility/icons');
const VIRTUAL_ICONS = 'virtual:dsfr-icons.css';
// Icons that react-dsfr components we use render themselves (display settings, language switch).
const ALWAYS_USED = ['fr-icon-theme-fill', 'fr-icon-translate-2'];

type IconEntry = { iconId: string; prefix: 'fr-icon-' | 'ri-'; svgRelativePath: string };

const readSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readSources(full);
    return /\.(tsx?|html)$/.test(entry.name) ? [fs.readFileSync(full, 'utf8')] : [];
  });

/** CSS for the icons named in `sourceDir`, with urls that Vite resolves and bundles. */
export const usedIconsCss = (sourceDir: string) => {
  const text = [...readSources(sourceDir), ...ALWAYS_USED].join('\n');
  const used = new Set(text.match(/\b(fr-icon|ri)-[a-z0-9-]+/g) ?? []);
  const icons = (JSON.parse(fs.readFileSync(path.join(ICONS_DIR, 'icons.json'), 'utf8')) as IconEntry[]).filter(
    (icon) => used.has(`${icon.prefix}${icon.iconId}`),
  );
  return icons
    .map((icon) => {
      const file =
        icon.prefix === 'fr-icon-'
          ? path.resolve(ICONS_DIR, icon.svgRelativePath)
          : dsfrPath(`dsfr/icons/remixicon/${icon.iconId}.svg`);
      const selector = `.${icon.prefix}${icon.iconId}`;
      return `${selector}::before,${selector}::after{-webkit-mask-image:url("${file}");mask-image:url("${file}")}`;
    })
    .join('\n');
};

const earlyScheme = () => {
  const source = fs.readFileSync(dsfrPath('early-color-scheme.js'), 'utf8');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
  return { source, fileName: `assets/early-color-scheme-${hash}.js` };
};

// The favicons, and the two sizes an installed app (PWA, see web/public/manifest.webmanifest) needs.
const FAVICONS = [
  'favicon.svg',
  'favicon.ico',
  'apple-touch-icon.png',
  'android-chrome-192x192.png',
  'android-chrome-512x512.png',
];

const compressAll = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json|webmanifest)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    if (content.length < 1024) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
  }
};

export const dsfr = ({ sourceDir }: { sourceDir: string }): Plugin => {
  const scheme = earlyScheme();
  let outDir = '';
  let isBuild = false;
  return {
    name: 'guichet:dsfr',
    configResolved(config) {
      outDir = config.build.outDir;
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ICONS ? `\0${VIRTUAL_ICONS}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ICONS}`) return undefined;
      // Rebuilt when a source adds an icon class (dev): watch the folder.
      this.addWatchFile(sourceDir);
      return usedIconsCss(sourceDir);
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0];
        if (url === `/${scheme.fileName}`) {
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          return response.end(scheme.source);
        }
        const favicon = FAVICONS.find((name) => url === `/${name}`);
        if (favicon) return response.end(fs.readFileSync(dsfrPath(`dsfr/favicon/${favicon}`)));
        return next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: scheme.fileName, source: scheme.source });
      for (const name of FAVICONS)
        this.emitFile({ type: 'asset', fileName: name, source: fs.readFileSync(dsfrPath(`dsfr/favicon/${name}`)) });
    },
    transformIndexHtml() {
      // A classic, blocking script in <head>: it must set the theme before the first paint.
      return [
        { tag: 'script', attrs: { src: `/${scheme.fileName}` }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'icon', href: '/favicon.ico', sizes: 'any' }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      ];
    },
    closeBundle() {
      if (isBuild && fs.existsSync(outDir)) compressAll(outDir);
    },
  };
};
