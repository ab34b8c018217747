import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { zxingWasm } from './build/zxing-wasm.ts';
import { cspText } from './src/protocol/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// APP_VERSION overrides package.json only to build a "next" version for the update test.
const version = process.env.APP_VERSION ?? pkg.version;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The frame decoder's worker loads the ZXing ponyfill lazily: a module worker.
  worker: { format: 'es' },
  plugins: [
    react(),
    zxingWasm(),
    {
      // The server's CSP as a meta tag in the built index.html, for halls that serve the
      // app from another web server (build only: Vite's dev server injects inline scripts).
      name: 'csp-meta',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: cspText(true) },
          injectTo: 'head',
        },
      ],
    },
    VitePWA({
      // A kiosk must never reload mid check-in: new versions wait (src/app/pwa/).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: '入口防疫检查 · Entrance checkpoint',
        short_name: '防疫检查 Checkpoint',
        description:
          '公共服务大厅入口防疫检查 · Epidemic entrance checkpoint of a public service hall',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'landscape',
        theme_color: '#0b5cad',
        background_color: '#f4f6f8',
        categories: ['government', 'medical', 'utilities'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/maskable-192.png',
            sizes: '192x192',
            type: 'image/png',
            purpose: 'maskable',
          },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The whole shell, so a cold start works with no network: code, styles, icons,
        // fonts, any WebAssembly (the QR decoder) and the call clips, lazy chunks included.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff,woff2,ttf,wasm,ogg}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once; later versions wait (prompt).
        clientsClaim: true,
      },
    }),
  ],
  // No source maps in dist: the server serves dist as it is, and the full source is no
  // business of a visitor to the hall's network (security review, finding 9). The manifest
  // lets the bundle budget (scripts/check-bundle-budget.ts) walk the static imports.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // No <link rel=modulepreload> per dependency of a lazy part: appending them ran inside
    // React's first render (a lazy part starting its load) and cost ~330 ms of a cold start
    // at 4x CPU (issue 31). The chunks come from the service worker's cache, so the import
    // waterfall it saved is a few ms; CSS is still loaded with its chunk.
    modulePreload: false,
    // Everything the door needs to paint in one chunk: left to automatic splitting, the
    // modules it shares with lazy parts became a dozen small chunks, 8 KB of gzip more.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'door', tags: ['$initial'] }] } },
    },
  },
  // Pre-bundled at start, so a dev page that scans is not reloaded when it first loads them.
  optimizeDeps: { include: ['html5-qrcode', 'barcode-detector/ponyfill'] },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: [
      'tests/unit/**/*.test.ts',
      'tests/storage/**/*.test.ts',
      'tests/component/**/*.test.tsx',
      'tests/integration/**/*.test.ts',
      'tests/store/**/*.test.ts',
      'tests/security/**/*.test.ts',
    ],
    restoreMocks: true,
    // Component tests boot the whole app through user events: slow on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
