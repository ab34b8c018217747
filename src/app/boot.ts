import { CheckpointDb } from '../db/database';
import { EventLog } from '../db/event-log';
import { requestPersistence } from '../db/persistence';
import { deviceId, loadSettings } from '../db/settings';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import type { Services } from './services';

export interface BootOptions {
  dbName?: string;
  policy?: Policy;
  now?: () => number;
}

/** Opens storage and reads the device's identity: everything the screens need. */
export async function boot(options: BootOptions = {}): Promise<Services> {
  const db = new CheckpointDb(options.dbName);
  await db.open();
  const [device, settings, persistence] = await Promise.all([
    deviceId(),
    loadSettings(),
    requestPersistence(),
  ]);
  const log = new EventLog(db, {
    site: settings.site,
    device,
    ticketPrefix: settings.ticketPrefix,
  });
  return {
    db,
    log,
    settings,
    policy: options.policy ?? DEFAULT_POLICY,
    persistence,
    now: options.now ?? Date.now,
  };
}
