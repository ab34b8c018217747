import { createContext, type ReactNode, useContext } from 'react';
import type { CheckpointDb } from '../db/database';
import type { EventLog } from '../db/event-log';
import type { Persistence } from '../db/persistence';
import type { DeviceSettings } from '../db/settings';
import type { Policy } from '../domain/policy';
import type { SyncEngine } from '../sync/engine';

/** What the screens need from below: storage, the device's settings, the policy in force. */
export interface Services {
  db: CheckpointDb;
  log: EventLog;
  settings: DeviceSettings;
  /** The policy in force for new visits. */
  policy: Policy;
  /** The policy a visit opened with (visits are judged by the version they opened with). */
  policyFor: (version: string) => Policy;
  device: string;
  sync: { engine: SyncEngine; stop: () => void } | null;
  persistence: Persistence;
  /** The clock, injectable so tests can fix "now". */
  now: () => number;
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
