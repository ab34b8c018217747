/**
 * /metrics for the county's Prometheus (prom-client; the only module that imports it).
 * Labels stay few: hall, route, status, and the device id on the per-tablet gauges; never
 * an event, a visit or a person. A request refused before its device is known is counted
 * under hall "none": the site in its URL is the caller's to choose, and a label from it
 * would let anyone grow the series without bound.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DeviceActivity, Store } from '../store/store';
import { isStale, lastContact } from './device-status';

export type SyncRoute = 'push' | 'pull' | 'config' | 'bookings';

export interface Metrics {
  readonly contentType: string;
  text(): Promise<string>;
  syncRequest(route: SyncRoute, hall: string | null, status: number, seconds: number): void;
  retentionRun(outcome: 'ran' | 'failed', purgedEvents: number): void;
  enrolmentLockout(scope: 'address' | 'server'): void;
}

/** The store is read once per scrape, however many gauges it feeds. */
const SNAPSHOT_MS = 1_000;

export function createMetrics(store: Store, now: () => number, staleHours: number): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const staleMs = staleHours * 3_600_000;

  let snapshot: {
    at: number;
    data: Promise<[DeviceActivity[], { site: string; events: number }[]]>;
  } | null = null;
  const read = () => {
    if (!snapshot || now() - snapshot.at > SNAPSHOT_MS)
      snapshot = {
        at: now(),
        data: Promise.all([store.deviceActivity(), store.eventsHeldBySite()]),
      };
    return snapshot.data;
  };
  const active = async () => (await read())[0].filter((d) => !d.revoked);

  new Gauge({
    name: 'checkpoint_events_held',
    help: 'Events the server holds, per hall',
    labelNames: ['hall'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { site, events } of (await read())[1]) this.set({ hall: site }, events);
    },
  });
  new Gauge({
    name: 'checkpoint_devices',
    help: 'Enrolled, unrevoked tablets per hall',
    labelNames: ['hall'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await active()) this.inc({ hall: d.site });
    },
  });
  new Gauge({
    name: 'checkpoint_device_stale',
    help: 'Tablets per hall that have not synced for longer than checkpoint_device_stale_after_seconds',
    labelNames: ['hall'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await active())
        this.inc({ hall: d.site }, isStale(d, now(), staleMs) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'checkpoint_device_events_waiting',
    help: 'Events waiting on tablets to be pushed, per hall: the sum of what each tablet last reported',
    labelNames: ['hall'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await active()) this.inc({ hall: d.site }, d.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'checkpoint_device_stale_after_seconds',
    help: 'The silence after which a tablet counts as stale (STALE_AFTER_HOURS)',
    registers: [registry],
    collect() {
      this.set(staleMs / 1000);
    },
  });
  new Gauge({
    name: 'checkpoint_device_last_seen_age_seconds',
    help: 'Seconds since the tablet last synced (since enrolment if it never did)',
    labelNames: ['hall', 'device'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await active())
        this.set({ hall: d.site, device: d.id }, Math.max(0, (now() - lastContact(d)) / 1000));
    },
  });
  new Gauge({
    name: 'checkpoint_device_clock_offset_seconds',
    help: "The tablet's clock minus the server's, as its last pushed event said",
    labelNames: ['hall', 'device'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await active())
        if (d.clockOffset !== null) this.set({ hall: d.site, device: d.id }, d.clockOffset / 1000);
    },
  });

  const sync = new Histogram({
    name: 'checkpoint_sync_request_duration_seconds',
    help: 'Sync requests of tablets (push, pull, config, bookings) by hall and HTTP status',
    labelNames: ['hall', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const retention = new Counter({
    name: 'checkpoint_retention_runs_total',
    help: 'Retention runs of this instance (hourly, or asked through the admin API), by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const purged = new Counter({
    name: 'checkpoint_retention_purged_events_total',
    help: 'Events whose personal data retention removed, on this instance (every purge)',
    registers: [registry],
  });
  const lockouts = new Counter({
    name: 'checkpoint_enrolment_lockouts_total',
    help: 'Enrolment lock-outs begun (after repeated failures), per caller address or server-wide',
    labelNames: ['scope'],
    registers: [registry],
  });
  // Zero from the start: an alert on increase() needs the series to exist before the first.
  for (const outcome of ['ran', 'failed']) retention.inc({ outcome }, 0);
  for (const scope of ['address', 'server']) lockouts.inc({ scope }, 0);

  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    syncRequest: (route, hall, status, seconds) =>
      sync.observe({ hall: hall ?? 'none', route, status: String(status) }, seconds),
    retentionRun(outcome, purgedEvents) {
      retention.inc({ outcome });
      purged.inc(purgedEvents);
    },
    enrolmentLockout: (scope) => lockouts.inc({ scope }),
  };
}
