import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium';

// Conformance over public QR images, in Chromium, through the app's decode path,
// served by Vite's dev server (the harness page is not part of the build).
const port = Number(process.env.CORPORA_PORT ?? 4176);

export default defineConfig({
  testDir: 'tests/corpora/browser',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/corpora',
  timeout: 600_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `npx vite --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/tests/corpora/browser/qr-harness.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
