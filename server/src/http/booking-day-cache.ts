/**
 * A day's bookings as the tablets fetch them. Opening the sealed fields costs ~25 µs
 * each (a day of 2,000 bookings: ~55 ms of CPU), and every tablet of the hall asks for
 * the same days: so each (site, day, version) is read, opened and serialised once, and
 * tablets asking at the same moment share that one read. Keyed by version, an import is
 * never served stale. Bounded in bytes and kept ten minutes: only days of the serving
 * window are ever asked for, far younger than any retention cut-off, so no purged value
 * is held here.
 */
import { LRUCache } from 'lru-cache';
import type { BookingDayReply } from '../../../src/protocol/api';
import type { Store } from '../store/store';

export interface CachedDay {
  /** The version of the bookings in `json` (an import may have overtaken the one asked for). */
  version: number;
  json: string;
}

const TEN_MINUTES = 10 * 60_000;

export function bookingDayCache(store: Store, maxBytes = 32 * 1_048_576) {
  // One day opened at a time: it yields between slices (personal-crypto.ts), and with a
  // single fill under way a /healthz or a push waits for one slice at most, not nine.
  let fills: Promise<unknown> = Promise.resolve();
  const cache = new LRUCache<string, CachedDay, { site: string; day: string }>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.json.length),
    ttl: TEN_MINUTES,
    fetchMethod(_key, _stale, { context }) {
      const fill = fills.then(async () => {
        const { bookings, version } = await store.bookingsOfDay(context.site, context.day);
        const reply: BookingDayReply = { day: context.day, version, bookings };
        return { version, json: JSON.stringify(reply) };
      });
      fills = fill.catch(() => {});
      return fill;
    },
  });
  return {
    /** The day's reply at `version` (the version the store lists now). */
    async get(site: string, day: string, version: number): Promise<CachedDay> {
      const entry = await cache.fetch(`${site}\n${day}\n${version}`, { context: { site, day } });
      if (!entry) throw new Error(`bookings of ${site} ${day} could not be read`);
      return entry;
    },
  };
}
