import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore, delMany } from 'idb-keyval';
import { afterEach } from 'vitest';
import { Root } from '../../src/app/Root';
import { preloadShell } from '../../src/app/shell-later';
import { CheckpointDb } from '../../src/db/database';
import { importBookings } from '../../src/db/queries';
import { DEFAULT_SETTINGS, type DeviceSettings, saveSettings } from '../../src/db/settings';
import { applyPulled } from '../../src/db/sync-store';
import type { Booking } from '../../src/domain/booking';
import type { CheckpointEvent } from '../../src/domain/events';
import type { IdleTiming } from '../../src/domain/idle';
import type { Policy } from '../../src/domain/policy';
import { preloadDoor } from '../../src/features/door/door-later';
import { useDoorStore } from '../../src/features/door/door-store';
import { useGuideStore } from '../../src/features/guide/guide-store';
import { useKioskStore } from '../../src/features/kiosk/kiosk-store';
import { useUpdateStore } from '../../src/pwa/update-store';
import { useHealthStore } from '../../src/services/health/health-store';
import { PinGuard } from '../../src/services/pin-guard';
import type { AudioSink } from '../../src/services/sound/tones';
import { useStatusStore } from '../../src/services/status-store';
import { FIXED_NOW } from '../fixtures/builders';

// What the app loads once its first screen is shown (src/services/first-screen.ts) may still
// be loading when a short test ends: let it finish, or Vitest tears the environment down
// under an import in flight (an unhandled error that fails the run).
afterEach(async () => {
  await Promise.all([
    preloadDoor(),
    preloadShell(),
    import('../../src/services/thermometer/thermometer'),
  ]);
});

export const LEAD_PIN = '2580';
/** PBKDF2 iterations in component tests: the real count only slows them down. */
export const TEST_PIN_ITERATIONS = 1_000;

export interface DeviceSeed {
  /** Settings of the device; setup is done unless said otherwise. */
  settings?: Partial<DeviceSettings>;
  /** The lead PIN to set (null: none). */
  pin?: string | null;
  /** A fixed time, or a clock. */
  now?: number | (() => number);
  /** A clock the wall clock's setting does not move (src/services/clock); performance.now by default. */
  monotonic?: () => number;
  timing?: IdleTiming;
  /** Events other tablets wrote, as if pulled by sync. */
  events?: readonly CheckpointEvent[];
  policy?: Policy;
  /** Where verdict tones go (a recording double); a silent one by default. */
  audioSink?: AudioSink;
  /** Ghost-tap settle time (0: off, so tests are not slowed; src/ui/settle.tsx). */
  tapSettleMs?: number;
  /** A database prepared by the test (its bookings are added to it). */
  dbName?: string;
}

/** Writes the device's settings and lead PIN, as first-run setup would have. */
export async function seedDevice(seed: DeviceSeed = {}) {
  // Settings, PIN, lock-out and clock offset of an earlier test are gone (the device id stays).
  await delMany(
    ['settings', 'role', 'pin:lead', 'attempts:lead', 'clock-offset'],
    createStore('checkpoint-settings', 'keyval'),
  );
  await saveSettings({ ...DEFAULT_SETTINGS, setupDone: true, ...seed.settings });
  const pin = seed.pin === undefined ? LEAD_PIN : seed.pin;
  if (pin) {
    await new PinGuard('lead', { now: Date.now, iterations: TEST_PIN_ITERATIONS }).set(pin);
  }
}

/** Renders the whole app on a fresh database, seeded with bookings, at a fixed "now". */
export async function renderApp(bookings: readonly Booking[], path = '/', seed: DeviceSeed = {}) {
  const dbName = seed.dbName ?? `app-${Math.random()}`;
  const db = new CheckpointDb(dbName);
  await importBookings(db, bookings);
  if (seed.events?.length) await applyPulled(db, seed.events, 0);
  await seedDevice(seed);
  useDoorStore.getState().next();
  useGuideStore.getState().reset();
  useStatusStore.getState().setStorageError(null);
  useKioskStore.setState({ leadUnlocked: false, leadPresent: false, idleWarningMs: null });
  useHealthStore.setState({ problems: {}, recorded: {} });
  useUpdateStore.setState({ offlineReady: false, updateWaiting: false, applying: false });
  const fixed = seed.now ?? FIXED_NOW;
  const options = {
    dbName,
    now: typeof fixed === 'number' ? () => fixed : fixed,
    pinIterations: TEST_PIN_ITERATIONS,
    tapSettleMs: seed.tapSettleMs ?? 0,
    audioSink: seed.audioSink ?? { play: () => {} },
    ...(seed.timing ? { timing: seed.timing } : {}),
    ...(seed.monotonic ? { monotonic: seed.monotonic } : {}),
    ...(seed.policy ? { policy: seed.policy } : {}),
  };
  const user = userEvent.setup();
  const view = render(<Root options={options} initialPath={path} />);
  await screen.findByRole('heading', { level: 1 });
  return { user, view, db };
}

/** The user of a rendered app (user-event, set up by renderApp). */
export type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** Taps the button named `name`, waiting for it to appear (inside `inside` if given). */
export async function tap(user: User, name: string | RegExp, inside: HTMLElement = document.body) {
  await user.click(await within(inside).findByRole('button', { name }));
}

/** A booked visitor (张三明's booking) walked to the codes step with the usual taps. */
export async function toCodesStep(user: User) {
  await tap(user, /张\*明/);
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await tap(user, '身份证与预约一致');
  await screen.findByRole('heading', { name: /健康码与行程码/ });
}
