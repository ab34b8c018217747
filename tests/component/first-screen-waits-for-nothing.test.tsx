/**
 * Issue 31, cold start: the door's first screen (top bar, booking cards) must not wait for
 * any part that loads later (src/ui/later.tsx). A later part rendered without a Suspense
 * of its own suspends the nearest one above it: the sync chip once held back the whole app
 * until its code had loaded, then React rendered everything again in time slices (a
 * third of a second on a slow tablet). Here every later part's code never arrives until
 * the test has seen the first screen.
 */
import { render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { Root } from '../../src/app/Root';
import { preloadShell } from '../../src/app/shell-later';
import { CheckpointDb } from '../../src/db/database';
import { importBookings } from '../../src/db/queries';
import { DEFAULT_SETTINGS, saveSettings } from '../../src/db/settings';
import { preloadDoor } from '../../src/features/door/door-later';
import { doorBookings, FIXED_NOW } from '../fixtures/builders';

const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open: () => open(),
    /** A module factory: the real module, once the gate is open. */
    held: <T,>(importOriginal: () => Promise<T>) => opened.then(importOriginal),
  };
});

vi.mock('../../src/app/IncidentAlert', gate.held);
vi.mock('../../src/app/health/DeviceHealthWatch', gate.held);
vi.mock('../../src/app/health/HealthStatus', gate.held);
vi.mock('../../src/app/SyncChip', gate.held);
vi.mock('../../src/app/ThermometerChip', gate.held);
vi.mock('../../src/features/kiosk/IdleWarning', gate.held);
vi.mock('../../src/app/TicketClashBanner', gate.held);
vi.mock('../../src/app/ShellWork', gate.held);
vi.mock('../../src/features/door/DoorOccupancy', gate.held);
vi.mock('../../src/features/door/DraftList', gate.held);
vi.mock('../../src/features/door/RestingList', gate.held);
vi.mock('../../src/features/door/LowStockLine', gate.held);

afterEach(async () => {
  gate.open();
  await Promise.all([preloadDoor(), preloadShell()]);
});

it('paints the top bar and the booking cards while every later part is still loading', async () => {
  const dbName = `first-screen-${Math.random()}`;
  const { zhang, li } = doorBookings();
  await importBookings(new CheckpointDb(dbName), [zhang, li]);
  await saveSettings({ ...DEFAULT_SETTINGS, setupDone: true });

  render(<Root options={{ dbName, now: () => FIXED_NOW, tapSettleMs: 0 }} />);

  const nav = await screen.findByRole('navigation', { name: 'main' }, { timeout: 5_000 });
  expect(within(nav).getByRole('link', { name: '门岗检查' })).toBeTruthy();
  expect(await screen.findByRole('button', { name: /张\*明/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /李\*/ })).toBeTruthy();
});
