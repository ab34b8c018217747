import { CheckpointDb } from '../db/database';
import { EventLog } from '../db/event-log';
import { storedPolicies } from '../db/policies';
import { doorListOf } from '../db/queries';
import {
  deviceId,
  loadClockSample,
  loadLastVersion,
  loadRole,
  loadSettings,
  saveClockSample,
  saveLastVersion,
} from '../db/settings';
import { takeOverSince } from '../db/take-over';
import { DEFAULT_IDLE_TIMING, type IdleTiming } from '../domain/idle';
import type { LockoutRule } from '../domain/lockout';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { useKioskStore } from '../features/kiosk/kiosk-store';
import { CheckedClock } from '../services/clock/checked-clock';
import { firstScreenShown, markFirstScreenShownAtLatest } from '../services/first-screen';
import { askForPersistence } from '../services/persistence-store';
import { PinGuard } from '../services/pin-guard';
import type { Services } from '../services/services';
import { SoundPlayer } from '../services/sound/sound-player';
import type { AudioSink } from '../services/sound/tones';
import { webAudioSink } from '../services/sound/web-audio-sink';
import { APP_VERSION } from '../services/version';
import { startSyncLazily } from '../sync/lazy-start';

export interface BootOptions {
  dbName?: string;
  /** Overrides the stored policy (tests). */
  policy?: Policy;
  now?: () => number;
  /** A clock the wall clock's setting does not move (tests drive it); performance.now by default. */
  monotonic?: () => number;
  timing?: IdleTiming;
  /** PBKDF2 iterations for new PINs (tests use fewer). */
  pinIterations?: number;
  lockout?: LockoutRule;
  /** Where verdict tones go (tests record them); Web Audio by default. */
  audioSink?: AudioSink;
  /** How long a new step's buttons ignore taps (src/ui/settle.tsx); tests use 0. */
  tapSettleMs?: number;
}

/**
 * Opens storage, reads the device's identity and the policies received, and starts
 * sync when the tablet is enrolled: everything the screens need.
 */
export async function boot(
  options: BootOptions = {},
  onPolicyChanged: () => void = () => {},
): Promise<Services> {
  const now = options.now ?? Date.now;
  const db = new CheckpointDb(options.dbName);
  await db.open();
  askForPersistence();
  const [device, settings, policies, role, clockSample, takeOver] = await Promise.all([
    deviceId(),
    loadSettings(),
    storedPolicies(db),
    loadRole(),
    loadClockSample(),
    takeOverSince(db),
  ]);
  useKioskStore.getState().setRole(role);
  const policy = options.policy ?? policies[0] ?? DEFAULT_POLICY;
  const byVersion = new Map([DEFAULT_POLICY, ...policies, policy].map((p) => [p.version, p]));
  const clock = new CheckedClock({
    now,
    monotonic: options.monotonic ?? (() => performance.now()),
    rule: policy.clock,
    initial: clockSample,
    save: saveClockSample,
  });
  // Read beside what follows, not after the first render (src/services/services.tsx).
  const day = clock.today();
  const startList = doorListOf(db, day).then(
    (list) => ({ day, list }),
    () => undefined,
  );
  const log = new EventLog(
    db,
    { site: settings.site, device, ticketPrefix: settings.ticketPrefix },
    () => clock.offset(),
  );
  const leadPin = new PinGuard('lead', {
    now,
    ...(options.pinIterations ? { iterations: options.pinIterations } : {}),
    ...(options.lockout ? { rule: options.lockout } : {}),
    onLockout: ({ failures, until }) =>
      void log
        .recordDevice({
          type: 'device.pin-locked-out',
          at: now(),
          data: { secret: 'lead', failures, until },
        })
        .catch(() => {}),
  });
  await recordVersionChange(log, now());
  markFirstScreenShownAtLatest();
  // The thermometer and sync load once the door's first screen has painted (the door's
  // budget, and a slow tablet's cold start: src/services/first-screen.ts).
  void firstScreenShown
    .then(() => import('../services/thermometer/thermometer'))
    .then((m) => m.startThermometer(now));
  const sync = settings.token
    ? startSyncLazily(
        {
          db,
          log,
          device,
          server: settings.server,
          site: settings.site,
          token: settings.token,
          appVersion: APP_VERSION,
          policyVersion: policy.version,
          now,
          onPolicyChanged,
          onClockOffset: (offsetMs) => clock.observe(offsetMs),
        },
        () => firstScreenShown.then(() => import('../sync/runtime')),
      )
    : null;
  return {
    db,
    log,
    device,
    settings,
    policy,
    policyFor: (version) => byVersion.get(version) ?? policy,
    leadPin,
    timing: options.timing ?? DEFAULT_IDLE_TIMING,
    now,
    clock,
    sync,
    takeOverSince: takeOver,
    startList: await startList,
    sound: new SoundPlayer(options.audioSink ?? webAudioSink(), {
      volume: settings.soundVolume,
      muted: settings.soundMuted,
    }),
  };
}

/**
 * A boot started before React's first render (src/main.tsx): storage opens and the
 * settings are read while the script's first render and the messages' set-up run, instead
 * of after them (issue 31, cold start on a slow tablet). Root takes it over.
 */
export interface EarlyBoot {
  services: Promise<Services>;
  /** Who restarts the app when a new policy arrives (Root, once it has mounted). */
  onPolicyChanged: (listener: () => void) => void;
}

export function bootEarly(options?: BootOptions): EarlyBoot {
  let listener = () => {};
  return {
    services: boot(options, () => listener()),
    onPolicyChanged: (next) => {
      listener = next;
    },
  };
}

/** The ledger shows which app version wrote what: an update is a device event. */
async function recordVersionChange(log: EventLog, at: number): Promise<void> {
  const last = await loadLastVersion();
  if (last === APP_VERSION) return;
  if (last !== undefined) {
    await log.recordDevice({
      type: 'device.app-updated',
      at,
      data: { from: last, to: APP_VERSION },
    });
  }
  await saveLastVersion(APP_VERSION);
}
