/**
 * Per device, a day's events and the hash of its last (src/domain/chain.ts): what the
 * daily report and the exports print, and `npm run admin -- verify <hall> <day>` prints
 * from the server's copy. Apart from the hashing: the ledger's queries need only this.
 */
import type { CheckpointEvent } from './events';

/** One device's events of a day, as the daily report prints them to be checked later. */
export interface DayHead {
  device: string;
  events: number;
  firstSeq: number;
  lastSeq: number;
  /** `chain.hash` of the device's last event of the day; null when it is unchained. */
  head: string | null;
}

/** Per device, the events of the day given (already filtered by the caller) and the head. */
export function dayHeads(events: readonly CheckpointEvent[]): DayHead[] {
  const byDevice = new Map<string, DayHead>();
  for (const e of events) {
    const h = byDevice.get(e.device);
    if (!h) {
      byDevice.set(e.device, {
        device: e.device,
        events: 1,
        firstSeq: e.seq,
        lastSeq: e.seq,
        head: e.chain?.hash ?? null,
      });
      continue;
    }
    h.events++;
    h.firstSeq = Math.min(h.firstSeq, e.seq);
    if (e.seq > h.lastSeq) {
      h.lastSeq = e.seq;
      h.head = e.chain?.hash ?? null;
    }
  }
  return [...byDevice.values()].sort((a, b) =>
    a.device < b.device ? -1 : a.device > b.device ? 1 : 0,
  );
}
