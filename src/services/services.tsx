import { createContext, type ReactNode, useContext } from 'react';
import type { CheckpointDb } from '../db/database';
import type { EventLog } from '../db/event-log';
import type { DoorList } from '../db/queries';
import type { DeviceSettings } from '../db/settings';
import type { IdleTiming } from '../domain/idle';
import type { Policy } from '../domain/policy';
import type { SyncHandle } from '../sync/lazy-start';
import type { CheckedClock } from './clock/checked-clock';
import type { PinGuard } from './pin-guard';
import type { SoundPlayer } from './sound/sound-player';

/** What the screens need from below: storage, the device's settings, the policy in force. */
export interface Services {
  db: CheckpointDb;
  log: EventLog;
  /** This installation's id, as written in its events. */
  device: string;
  settings: DeviceSettings;
  /** The policy in force for new visits. */
  policy: Policy;
  /** The policy a visit opened with (visits are judged by the version they opened with). */
  policyFor: (version: string) => Policy;
  sync: SyncHandle | null;
  /**
   * When the tablet was enrolled, if it still waits for its first full pull (issue 23,
   * src/db/take-over.ts), as read at start-up: the door paints right away with it, and
   * follows the live value from there.
   */
  takeOverSince: number | null;
  /**
   * The door's booking list as read at start-up, beside the settings (issue 31): the door's
   * first paint has its cards instead of a read after it. Live from there.
   */
  startList?: { day: string; list: DoorList };
  /** The shift lead's PIN, with lock-out. */
  leadPin: PinGuard;
  /** Idle warning/reset and update-when-idle timings. */
  timing: IdleTiming;
  /** Verdict tones at the device's volume (src/services/sound). */
  sound: SoundPlayer;
  /** The device clock, injectable so tests can fix "now": what events record as `at`. */
  now: () => number;
  /**
   * The device clock checked against the server's (issue 23): which day it is, ticket
   * numbers, retention. `clock.today()` is the ledger's day.
   */
  clock: CheckedClock;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
