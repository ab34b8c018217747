import { CheckpointDb } from '../db/database';
import { EventLog } from '../db/event-log';
import { deviceId, loadLastVersion, loadRole, loadSettings, saveLastVersion } from '../db/settings';
import { storedPolicies } from '../db/sync-store';
import { DEFAULT_IDLE_TIMING, type IdleTiming } from '../domain/idle';
import type { LockoutRule } from '../domain/lockout';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { useKioskStore } from '../features/kiosk/kiosk-store';
import { askForPersistence } from '../services/persistence-store';
import { PinGuard } from '../services/pin-guard';
import type { Services } from '../services/services';
import { APP_VERSION } from '../services/version';
import { startSyncLazily } from '../sync/lazy-start';

export interface BootOptions {
  dbName?: string;
  /** Overrides the stored policy (tests). */
  policy?: Policy;
  now?: () => number;
  timing?: IdleTiming;
  /** PBKDF2 iterations for new PINs (tests use fewer). */
  pinIterations?: number;
  lockout?: LockoutRule;
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
  const [device, settings, policies, role] = await Promise.all([
    deviceId(),
    loadSettings(),
    storedPolicies(db),
    loadRole(),
  ]);
  useKioskStore.getState().setRole(role);
  const policy = options.policy ?? policies[0] ?? DEFAULT_POLICY;
  const byVersion = new Map([DEFAULT_POLICY, ...policies, policy].map((p) => [p.version, p]));
  const log = new EventLog(db, {
    site: settings.site,
    device,
    ticketPrefix: settings.ticketPrefix,
  });
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
  const sync = settings.token
    ? startSyncLazily({
        db,
        log,
        device,
        server: settings.server,
        site: settings.site,
        token: settings.token,
        now,
        onPolicyChanged,
      })
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
    sync,
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
