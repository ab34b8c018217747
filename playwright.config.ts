import { defineConfig } from '@playwright/test';
import { baseURL, e2ePort, lateMorningTimeZone, tabletUse } from './tests/e2e/chromium';

// Before anything reads the clock: the browser, the server and the tests share it.
process.env.TZ ??= lateMorningTimeZone();

export const E2E_ADMIN_TOKEN = 'e2e-admin-token-of-24-characters';
const dataDir = `.e2e-artifacts/server-data-${e2ePort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: tabletUse,
  // The real hall server, serving the production build (npm run build first) and the API.
  webServer: {
    command: `rm -rf ${dataDir} && node --import tsx server/src/main.ts`,
    env: {
      PORT: String(e2ePort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist',
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
