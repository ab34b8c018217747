/**
 * Commit-order cursors on PostgreSQL, as a property: 2–6 writers push batches to one site
 * at once (random sizes, random delays inside the transaction, some rolled back) while a
 * reader pulls continuously with random page sizes. The reader's union must equal the
 * committed set, in cursor order, nothing skipped, nothing twice.
 *
 * The same schedules against the store with its site lock removed (a plain sequence read
 * with `cursor > after`, the naive BIGSERIAL design) must fail: that is the hazard the
 * lock exists for (server/src/store/postgres.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../server/src/store/postgres';
import type { CheckpointEvent } from '../../src/domain/events';
import { ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { freshPgDatabase } from '../store/pg-databases';

interface Batch {
  size: number;
  /** Milliseconds the transaction stays open after its rows are written. */
  delay: number;
  rollback: boolean;
}

const schedule = fc.record({
  writers: fc.array(
    fc.array(
      fc.record({
        size: fc.integer({ min: 1, max: 8 }),
        delay: fc.integer({ min: 0, max: 12 }),
        rollback: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 2, maxLength: 6 },
  ),
  pageSizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
  readerPauseMs: fc.integer({ min: 0, max: 3 }),
});
type Schedule = typeof schedule extends fc.Arbitrary<infer T> ? T : never;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let siteCounter = 0;

/** Decisions per transaction, found from the first event id the hook is handed. */
const plans = new Map<string, Batch>();

async function inAppendTransaction(_site: string, ids: readonly string[]) {
  const plan = ids[0] ? plans.get(ids[0]) : undefined;
  if (!plan) return;
  if (plan.delay > 0) await sleep(plan.delay);
  if (plan.rollback) throw new Error('rolled back on purpose');
}

function batches(site: string, device: string, plan: readonly Batch[]): CheckpointEvent[][] {
  let seq = 1;
  return plan.map((b, i) => {
    const events = visitEvents(
      Array.from({ length: b.size }, () => ev.hands()),
      {
        site,
        device,
        visit: `${device}-${i}`,
        firstSeq: seq,
        start: FIXED_NOW + seq * 1000 + siteCounter * 100_000_000,
      },
    ).map((e) => ({ ...e, id: `${device}-${e.seq}` }));
    seq += b.size;
    if (events[0]) plans.set(events[0].id, b);
    return events;
  });
}

/** Runs one schedule; returns what the reader saw and what was committed. */
async function run(store: PostgresStore, s: Schedule) {
  const site = `order-${process.pid}-${siteCounter++}`;
  await store.createSite({ id: site, name: site }, FIXED_NOW);
  const committed = new Set<string>();
  let writing = true;
  const writers = s.writers.map(async (plan, w) => {
    for (const events of batches(site, `${site}-d${w}`, plan)) {
      try {
        await store.insertEvents(site, `${site}-d${w}`, events, FIXED_NOW, () => false);
        for (const e of events) committed.add(e.id);
      } catch {
        // Rolled back on purpose: none of these is committed.
      }
    }
  });
  const seen: string[] = [];
  let cursor = 0;
  let page = 0;
  const reader = (async () => {
    while (writing) {
      const limit = s.pageSizes[page++ % s.pageSizes.length] ?? 5;
      const reply = await store.eventsAfter(site, cursor, limit);
      seen.push(...reply.events.map((e) => e.id));
      cursor = reply.cursor;
      if (s.readerPauseMs > 0) await sleep(s.readerPauseMs);
    }
  })();
  await Promise.all(writers);
  writing = false;
  await reader;
  // Drain what is left after the last writer finished.
  for (;;) {
    const reply = await store.eventsAfter(site, cursor, 50);
    seen.push(...reply.events.map((e) => e.id));
    cursor = reply.cursor;
    if (!reply.more) break;
  }
  const final: string[] = [];
  for (let after = 0; ; ) {
    const reply = await store.eventsAfter(site, after, 1000);
    final.push(...reply.events.map((e) => e.id));
    after = reply.cursor;
    if (!reply.more) break;
  }
  return { seen, committed, final };
}

function holds({ seen, committed, final }: Awaited<ReturnType<typeof run>>): boolean {
  return (
    seen.length === committed.size &&
    new Set(seen).size === seen.length &&
    seen.every((id) => committed.has(id)) &&
    seen.join() === final.join()
  );
}

describe('commit-order cursors with concurrent writers (PostgreSQL)', () => {
  let locked: PostgresStore;
  let naive: PostgresStore;
  beforeAll(async () => {
    const url = await freshPgDatabase('order');
    locked = await openPostgresStore(url, { max: 8, testing: { inAppendTransaction } });
    naive = await openPostgresStore(url, {
      max: 8,
      testing: { inAppendTransaction, serialiseAppends: false },
    });
  });
  afterAll(async () => {
    await locked?.close();
    await naive?.close();
  });

  it('the reader sees exactly the committed events, in order, in 200 random schedules', async () => {
    let events = 0;
    let rolledBack = 0;
    await fc.assert(
      fc.asyncProperty(schedule, async (s) => {
        const outcome = await run(locked, s);
        events += outcome.committed.size;
        rolledBack += s.writers.flat().filter((b) => b.rollback).length;
        expect(outcome.seen).toEqual(outcome.final);
        expect(new Set(outcome.seen)).toEqual(outcome.committed);
        expect(holds(outcome)).toBe(true);
      }),
      { numRuns: 200 },
    );
    // The schedules did what they claim: real traffic, some of it rolled back.
    expect(events).toBeGreaterThan(1000);
    expect(rolledBack).toBeGreaterThan(10);
  }, 300_000);

  it('without the site lock (a sequence read with cursor > after) the reader skips events', async () => {
    const result = await fc.check(
      fc.asyncProperty(schedule, async (s) => holds(await run(naive, s))),
      { numRuns: 200 },
    );
    expect(result.failed).toBe(true);
  }, 300_000);
});
