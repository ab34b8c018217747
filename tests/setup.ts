import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// findBy* waits up to 1 s by default: too short on a loaded CI machine, where the first
// render of the app (boot, lazy screens) alone can take longer.
configure({ asyncUtilTimeout: 4_000 });
