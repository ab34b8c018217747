import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// findBy* waits up to 1 s by default: too short on a loaded CI machine, where the first
// render of the app (boot, lazy screens) alone can take longer.
configure({ asyncUtilTimeout: 4_000 });

// A message asked for before it is loaded (src/i18n: a part of the door's first paint
// using a message of zh-CN-screens) shows its key on screen: every test fails on it.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('missing message:')) {
    throw new Error(`${args[0]} (a part of the first paint uses a message not yet loaded)`);
  }
  warn(...args);
};
