/**
 * The IndexedDB schema. `events` is the source of truth (append-only); `visits` is a
 * projection of it, rebuildable at any time; `bookings` is the day's imported list;
 * `meta` holds counters that must move in the same transaction as the events
 * (the gap-free per-device seq, the per-day ticket numbers, the sync positions);
 * `policies` keeps every policy version received, so a visit is always judged by the
 * version it opened with. Tasks and incidents have no table: they are read from
 * `events` by type (`[type+at]`) and folded in src/domain.
 *
 * Only src/db/ imports Dexie or idb-keyval.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Booking } from '../domain/booking';
import type { CheckpointEvent } from '../domain/events';
import type { Policy } from '../domain/policy';
import { foldVisit, groupByVisit, type Visit } from '../domain/visit';

export interface MetaRow {
  key: string;
  value: number;
  /** On the seq counter: the hash of the device's last event (its chain head). */
  hash?: string;
}

/** A policy version as received from the server; the newest received is in force. */
export interface PolicyRow {
  version: string;
  policy: Policy;
  receivedAt: number;
}

export class CheckpointDb extends Dexie {
  events!: EntityTable<CheckpointEvent, 'id'>;
  visits!: EntityTable<Visit, 'id'>;
  bookings!: EntityTable<Booking, 'bookingId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  policies!: EntityTable<PolicyRow, 'version'>;

  constructor(name = 'checkpoint') {
    // 'strict': a write is on disk before the transaction reports complete, so the
    // screen never says "recorded" for something a power cut can still lose.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'id, [device+seq], visit, at',
      visits: 'id, day, [day+openedAt], status',
      bookings: 'bookingId, day, phone',
      meta: 'key',
    });
    this.version(2).stores({ policies: 'version, receivedAt' });
    // v3: events by type and time, for the day's tasks and incidents (they belong to no
    // visit); the visits are refolded so projections made before the queue and isolation
    // fields existed have them.
    this.version(3)
      .stores({ events: 'id, [device+seq], visit, at, [type+at]' })
      .upgrade(async (tx) => {
        const byVisit = groupByVisit(await tx.table<CheckpointEvent, string>('events').toArray());
        const visits = [...byVisit.values()].flatMap((events) => foldVisit(events) ?? []);
        await tx.table<Visit, string>('visits').bulkPut(visits);
      });
  }
}
