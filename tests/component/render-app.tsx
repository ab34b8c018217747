import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Root } from '../../src/app/Root';
import { useStatusStore } from '../../src/app/status-store';
import { CheckpointDb } from '../../src/db/database';
import { importBookings } from '../../src/db/queries';
import type { Booking } from '../../src/domain/booking';
import { useDoorStore } from '../../src/features/door/door-store';
import { FIXED_NOW } from '../fixtures/builders';

/** Renders the whole app on a fresh database, seeded with bookings, at a fixed "now". */
export async function renderApp(bookings: readonly Booking[], path = '/') {
  const dbName = `app-${Math.random()}`;
  const seed = new CheckpointDb(dbName);
  await importBookings(seed, bookings);
  seed.close();
  useDoorStore.getState().next();
  useStatusStore.getState().setStorageError(null);
  const options = { dbName, now: () => FIXED_NOW };
  const user = userEvent.setup();
  const view = render(<Root options={options} initialPath={path} />);
  await screen.findByRole('heading', { level: 1 });
  const db = new CheckpointDb(dbName);
  return { user, view, db };
}
