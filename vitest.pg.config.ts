/**
 * `npm run test:pg`: the tests that need PostgreSQL (the store conformance suite on
 * PostgreSQL, the commit-order cursor property test, several servers on one database,
 * the SQLite → PostgreSQL migration). A throwaway cluster is started for the run
 * (scripts/pg-cluster.ts), so `npm test` on a bare clone never needs PostgreSQL.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['tests/store/pg-global-setup.ts'],
    include: ['tests/pg/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
