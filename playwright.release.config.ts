import { defineConfig } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from './playwright.config';
import { baseURL, e2ePort, lateMorningTimeZone, tabletUse } from './tests/e2e/chromium';

// The release test (tests/release/main.ts) runs this with RELEASE_DIR, an unpacked archive,
// inside a network namespace with only loopback: the server is the archive's own.
process.env.TZ ??= lateMorningTimeZone();
const release = process.env.RELEASE_DIR;
if (!release) throw new Error('RELEASE_DIR: an unpacked release (npm run test:release sets it)');

export default defineConfig({
  testDir: 'tests/release',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/release',
  use: tabletUse,
  webServer: {
    command: `${release}/bin/checkpoint-server`,
    env: {
      PORT: String(e2ePort),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.RELEASE_DATA_DIR ?? `${release}-data`,
      ADMIN_TOKEN: process.env.RELEASE_ADMIN_TOKEN ?? E2E_ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
