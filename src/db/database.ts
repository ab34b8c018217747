/**
 * The IndexedDB schema. `events` is the source of truth (append-only); `visits` is a
 * projection of it, rebuildable at any time; `bookings` is the day's imported list;
 * `meta` holds counters that must move in the same transaction as the events
 * (the gap-free per-device seq, the per-day ticket numbers, the sync positions);
 * `policies` keeps every policy version received, so a visit is always judged by the
 * version it opened with.
 *
 * Only src/db/ imports Dexie or idb-keyval.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Booking } from '../domain/booking';
import type { CheckpointEvent } from '../domain/events';
import type { Policy } from '../domain/policy';
import type { Visit } from '../domain/visit';

export interface MetaRow {
  key: string;
  value: number;
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
  }
}
