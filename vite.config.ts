import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { zxingWasm } from './build/zxing-wasm.ts';

export default defineConfig({
  plugins: [react(), zxingWasm()],
  build: { target: 'es2022', sourcemap: true },
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
    ],
    restoreMocks: true,
    // Component tests drive a whole app through user events: slow on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
