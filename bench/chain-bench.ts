/**
 * What the hash chain costs (Node, WebCrypto's SHA-256 as in the browser):
 * - chaining 1,000 events of a busy day (bench/busy-day.ts: visits, calls, cases);
 * - verifying those 1,000, as a push check and `admin verify` do;
 * - the tablet's write path: 100 green visits recorded through EventLog on fake-indexeddb,
 *   chained (as shipped) against the same visits' events written without hashing.
 */
import 'fake-indexeddb/auto';
import { CheckpointDb } from '../src/db/database';
import { EventLog } from '../src/db/event-log';
import { chainEvents, GENESIS, verifyChain } from '../src/domain/chain';
import { dayKey } from '../src/domain/time';
import { recordGreenVisit } from '../tests/fixtures/tablet';
import { busyDay } from './busy-day';
import { sized } from './size';

const start = new Date(2026, 10, 1, 8, 30).getTime();

/** The first 1,000 events of a busy day at the door (its visits, calls, cases). */
const thousandEvents = () => busyDay(dayKey(start), sized(200, 10)).slice(0, sized(1_000, 50));

async function ms(f: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

const events = thousandEvents();
const { events: chained } = await chainEvents(events, GENESIS);
const chain = await ms(() => chainEvents(events, GENESIS));
const verify = await ms(() => verifyChain(chained));
console.log(`chain 1,000 events: ${chain.toFixed(1)} ms (median of 5)`);
console.log(`verify 1,000 events: ${verify.toFixed(1)} ms (median of 5)`);

async function recordVisits(n: number): Promise<number> {
  const db = new CheckpointDb(`bench-${Math.random()}`);
  await db.open();
  const log = new EventLog(db, { site: 'hall', device: 'door-1', ticketPrefix: 'A' });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await recordGreenVisit(log, `v${i}`, start + i * 60_000);
  const took = performance.now() - t0;
  const count = await db.events.count();
  await db.delete();
  return took / count;
}
const perEvent = await recordVisits(sized(100, 3));
console.log(
  `tablet write path (fake-indexeddb), chained: ${(perEvent * 1_000).toFixed(0)} ms per 1,000 events`,
);
