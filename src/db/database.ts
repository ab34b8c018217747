/**
 * The IndexedDB schema. `events` is the source of truth (append-only); `visits` is a
 * projection of it, rebuildable at any time; `bookings` is the day's imported list;
 * `meta` holds counters that must move in the same transaction as the events
 * (the gap-free per-device seq, the per-day ticket numbers).
 *
 * Only src/db/ imports Dexie or idb-keyval.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Booking } from '../domain/booking';
import type { CheckpointEvent } from '../domain/events';
import type { Visit } from '../domain/visit';

export interface MetaRow {
  key: string;
  value: number;
}

export class CheckpointDb extends Dexie {
  events!: EntityTable<CheckpointEvent, 'id'>;
  visits!: EntityTable<Visit, 'id'>;
  bookings!: EntityTable<Booking, 'bookingId'>;
  meta!: EntityTable<MetaRow, 'key'>;

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
  }
}
