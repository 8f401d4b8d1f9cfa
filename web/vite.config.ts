// The web front end's build: one React app (citizen, agent and admin areas) served by Guichet.
// `npm run build:web` writes web/dist; `guichet start` builds it when missing or stale.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dsfr } from './vite-dsfr.ts';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  // Files served as they are at the site's root: the service worker (its scope is where it is served).
  publicDir: path.join(root, 'public'),
  plugins: [react(), dsfr({ sourceDir: path.join(root, 'src') })],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // Fonts stay files (cached once); the DSFR's small SVG icons are inlined in the CSS.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    reportCompressedSize: false,
    // React 19 and react-dsfr's generated design tokens make a ~480 kB (≈115 kB brotli) entry.
    chunkSizeWarningLimit: 520,
  },
  server: { strictPort: true },
});
