import { CheckpointDb } from '../db/database';
import { EventLog } from '../db/event-log';
import { requestPersistence } from '../db/persistence';
import { deviceId, loadSettings } from '../db/settings';
import { storedPolicies } from '../db/sync-store';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { startSync } from '../sync/runtime';
import type { Services } from './services';

export interface BootOptions {
  dbName?: string;
  /** Overrides the stored policy (tests). */
  policy?: Policy;
  now?: () => number;
}

/**
 * Opens storage, reads the device's identity and the policies received, and starts
 * sync when the tablet is enrolled: everything the screens need.
 */
export async function boot(
  options: BootOptions = {},
  onPolicyChanged: () => void = () => {},
): Promise<Services> {
  const db = new CheckpointDb(options.dbName);
  await db.open();
  const [device, settings, persistence, policies] = await Promise.all([
    deviceId(),
    loadSettings(),
    requestPersistence(),
    storedPolicies(db),
  ]);
  const now = options.now ?? Date.now;
  const policy = options.policy ?? policies[0] ?? DEFAULT_POLICY;
  const byVersion = new Map([DEFAULT_POLICY, ...policies, policy].map((p) => [p.version, p]));
  const log = new EventLog(db, {
    site: settings.site,
    device,
    ticketPrefix: settings.ticketPrefix,
  });
  const sync = settings.token
    ? startSync({
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
    persistence,
    now,
    sync,
  };
}
