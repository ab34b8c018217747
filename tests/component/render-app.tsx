import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Root } from '../../src/app/Root';
import { useStatusStore } from '../../src/app/status-store';
import { CheckpointDb } from '../../src/db/database';
import { importBookings } from '../../src/db/queries';
import { applyPulled } from '../../src/db/sync-store';
import type { Booking } from '../../src/domain/booking';
import type { CheckpointEvent } from '../../src/domain/events';
import type { Policy } from '../../src/domain/policy';
import { useDoorStore } from '../../src/features/door/door-store';
import { useGuideStore } from '../../src/features/guide/guide-store';
import { FIXED_NOW } from '../fixtures/builders';

/**
 * Renders the whole app on a fresh database, seeded with bookings (and events other
 * tablets wrote, as if pulled by sync), at a fixed "now".
 */
export async function renderApp(
  bookings: readonly Booking[],
  path = '/',
  seed: { events?: readonly CheckpointEvent[]; policy?: Policy; now?: number } = {},
) {
  const dbName = `app-${Math.random()}`;
  const seeded = new CheckpointDb(dbName);
  await importBookings(seeded, bookings);
  if (seed.events?.length) await applyPulled(seeded, seed.events, 0);
  seeded.close();
  useDoorStore.getState().next();
  useGuideStore.getState().reset();
  useStatusStore.getState().setStorageError(null);
  const now = seed.now ?? FIXED_NOW;
  const options = { dbName, now: () => now, ...(seed.policy ? { policy: seed.policy } : {}) };
  const user = userEvent.setup();
  const view = render(<Root options={options} initialPath={path} />);
  await screen.findByRole('heading', { level: 1 });
  const db = new CheckpointDb(dbName);
  return { user, view, db };
}
