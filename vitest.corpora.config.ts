import { defineConfig } from 'vitest/config';

// Conformance tests against ../shared/corpora (public inputs written by others).
// They must fail, not skip, when the folder is missing.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/corpora/**/*.test.ts'],
  },
});
