/**
 * Wires the sync engine into the browser: start-up, `online`, tab visibility, local
 * writes, one tab at a time (Web Locks). Returns a stop function.
 */
import type { CheckpointDb } from '../db/database';
import type { EventLog } from '../db/event-log';
import { applyPolicy } from '../db/policies';
import {
  applyBookingDay,
  applyPulled,
  bookingDayVersions,
  markHeld,
  pendingCount,
  pendingEvents,
  pendingSince,
  pendingVisitors,
  pullCursor,
  reconcileServer,
} from '../db/sync-store';
import { type LocalSyncStore, SyncEngine } from './engine';
import { useSyncStatus } from './status-store';
import { type FetchLike, httpTransport } from './transport';

export interface SyncRuntimeOptions {
  db: CheckpointDb;
  log: EventLog;
  device: string;
  server: string;
  site: string;
  token: string;
  /** APP_VERSION, told to the server with each push and pull (protocol/api.ts DeviceReport). */
  appVersion: string;
  /** The policy version in force, told to the server likewise. */
  policyVersion?: string;
  now: () => number;
  onPolicyChanged: () => void;
  /** Each offset of the device clock from the server's, as measured (services/clock). */
  onClockOffset?: (offsetMs: number) => void;
  fetcher?: FetchLike;
}

/** The tablet's side of sync, on its IndexedDB. */
export function localSyncStore(
  db: CheckpointDb,
  device: string,
  now: () => number,
): LocalSyncStore {
  return {
    pendingEvents: (limit) => pendingEvents(db, device, limit),
    pendingCount: () => pendingCount(db, device),
    markHeld: (seq) => markHeld(db, seq),
    pullCursor: () => pullCursor(db),
    applyPulled: (events, cursor, complete) => applyPulled(db, events, cursor, complete),
    applyPolicy: (policy) => applyPolicy(db, policy, now()),
    bookingDayVersions: () => bookingDayVersions(db),
    applyBookingDay: (reply, oldest) => applyBookingDay(db, reply, oldest),
    reconcileServer: (server, held) => reconcileServer(db, device, server, held),
  };
}

export function startSync(o: SyncRuntimeOptions): { engine: SyncEngine; stop: () => void } {
  const fetcher: FetchLike = o.fetcher ?? ((url, init) => fetch(url, init));
  const refreshSince = () => {
    void Promise.all([pendingSince(o.db, o.device), pendingVisitors(o.db, o.device)]).then(
      ([since, visitors]) =>
        useSyncStatus.setState({ pendingSince: since, pendingVisitors: visitors }),
      () => {}, // storage trouble is shown elsewhere; the chip keeps its last figure
    );
  };
  const engine = new SyncEngine({
    transport: httpTransport(fetcher, o.server, o.site, o.token, o.appVersion, o.policyVersion),
    local: localSyncStore(o.db, o.device, o.now),
    now: o.now,
    onStatus: (status) => {
      useSyncStatus.setState({ ...status, enrolled: true });
      if (!status.running) refreshSince();
    },
    onPolicyChanged: o.onPolicyChanged,
    ...(o.onClockOffset ? { onClockOffset: o.onClockOffset } : {}),
    withLock: (round) =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request('checkpoint-sync', { ifAvailable: true }, (lock) =>
            lock ? round() : false,
          )
        : round(),
  });

  const online = () => engine.soon({ force: true, delayMs: 0 });
  const visible = () => {
    if (document.visibilityState === 'visible') engine.soon({ force: true, delayMs: 0 });
  };
  const unsubscribe = o.log.onAppend(() => {
    engine.soon();
    void pendingCount(o.db, o.device).then((pending) => useSyncStatus.setState({ pending }));
    refreshSince();
  });
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visible);
  engine.start();

  return {
    engine,
    stop: () => {
      engine.stop();
      unsubscribe();
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    },
  };
}
