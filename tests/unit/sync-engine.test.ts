import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { retryDelay } from '../../src/sync/backoff';
import { type LocalSyncStore, SyncEngine } from '../../src/sync/engine';
import { SyncError, type Transport } from '../../src/sync/transport';
import { ev, FIXED_NOW, visitEvents } from '../fixtures/builders';

describe('retryDelay', () => {
  it('grows from 1–2 s and never exceeds 5 minutes, whatever the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const d = retryDelay(n, r);
          const ceiling = Math.min(300_000, 2_000 * 2 ** (n - 1));
          return d >= ceiling / 2 && d <= ceiling;
        },
      ),
    );
    expect(retryDelay(1, 0)).toBe(1_000);
    expect(retryDelay(3, 1)).toBe(8_000);
    expect(retryDelay(40, 1)).toBe(300_000);
  });
});

function memoryLocal(events: CheckpointEvent[]): LocalSyncStore & { held: number; cursor: number } {
  const state = {
    held: 0,
    cursor: 0,
    pendingEvents: async (limit: number) =>
      events.filter((e) => e.seq > state.held).slice(0, limit),
    pendingCount: async () => events.filter((e) => e.seq > state.held).length,
    markHeld: async (seq: number) => {
      state.held = Math.max(state.held, seq);
    },
    pullCursor: async () => state.cursor,
    applyPulled: async (_events: readonly CheckpointEvent[], cursor: number) => {
      state.cursor = cursor;
      return 0;
    },
    applyPolicy: async () => false,
    bookingDayVersions: async () => new Map<string, number>(),
    applyBookingDay: async () => {},
    reconcileServer: async () => null,
  };
  return state;
}

const okTransport = (over: Partial<Transport> = {}): Transport => ({
  push: async (events) => ({
    heldSeq: events.at(-1)?.seq ?? 0,
    accepted: events.length,
    duplicates: 0,
    refused: [],
    flagged: [],
    serverTime: Date.now(),
  }),
  pull: async (after) => ({ events: [], cursor: after, more: false, serverTime: Date.now() }),
  config: async () => ({ policy: null, bookingDays: [], serverTime: Date.now() }),
  bookingDay: async () => null,
  ...over,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncEngine', () => {
  const events = visitEvents([
    ev.opened(),
    ev.walkIn(true),
    ev.mask(),
    ev.hands(),
    ev.temperature(36.5),
  ]);

  it('fetches only the days whose version it lacks, and never forgets a day the server lists', async () => {
    // The server's window starts the 26th (its time zone is a day behind); the tablet's the 27th.
    const local = memoryLocal([]);
    const applied: { day: string; oldest: string }[] = [];
    local.bookingDayVersions = async () => new Map([['2026-11-28', 3]]);
    local.applyBookingDay = async (reply, oldest) => {
      applied.push({ day: reply.day, oldest });
    };
    const engine = new SyncEngine({
      local,
      transport: okTransport({
        config: async () => ({
          policy: null,
          bookingDays: [
            { day: '2026-11-26', version: 1, count: 1 },
            { day: '2026-11-28', version: 3, count: 5 },
          ],
          serverTime: FIXED_NOW,
        }),
        bookingDay: async (day) => ({ day, version: 1, bookings: [] }),
      }),
    });
    expect(await engine.syncOnce()).toBe(true);
    expect(applied).toEqual([{ day: '2026-11-26', oldest: '2026-11-26' }]);
  });

  it('pushes in batches and marks synced only up to the seq the server holds', async () => {
    const local = memoryLocal(events);
    const pushed: number[][] = [];
    const engine = new SyncEngine({
      local,
      pushBatch: 2,
      transport: okTransport({
        push: async (batch) => {
          pushed.push(batch.map((e) => e.seq));
          return {
            heldSeq: batch[0]?.seq ?? 0,
            accepted: 1,
            duplicates: 0,
            refused: [],
            flagged: [],
            serverTime: 0,
          };
        },
      }),
    });
    expect(await engine.syncOnce()).toBe(false);
    expect(local.held).toBe(1);
    expect(engine.getStatus().lastError).toBe('rejected');
    expect(pushed).toEqual([[1, 2]]);
    engine.stop();
  });

  it('tells the server what waits: after each push batch, and at each pull', async () => {
    const local = memoryLocal(events);
    const said: string[] = [];
    const engine = new SyncEngine({
      local,
      pushBatch: 2,
      transport: okTransport({
        push: async (batch, waiting) => {
          said.push(`push ${batch.length}, ${waiting} waiting`);
          return okTransport().push(batch, waiting);
        },
        pull: async (after, limit, waiting) => {
          said.push(`pull, ${waiting} waiting`);
          return okTransport().pull(after, limit, waiting);
        },
      }),
    });
    expect(await engine.syncOnce()).toBe(true);
    expect(said).toEqual([
      'push 2, 3 waiting',
      'push 2, 1 waiting',
      'push 1, 0 waiting',
      'pull, 0 waiting',
    ]);
    engine.stop();
  });

  it('keeps a refused event pending and lists it, even when heldSeq claims to cover it', async () => {
    const local = memoryLocal(events);
    const refused = { id: events[1]?.id ?? '', seq: 2, reason: 'seq-reused' as const, message: '' };
    const engine = new SyncEngine({
      local,
      transport: okTransport({
        // An older server: heldSeq past the refused event.
        push: async () => ({
          heldSeq: 5,
          accepted: 4,
          duplicates: 0,
          refused: [refused],
          flagged: [],
          serverTime: 0,
        }),
      }),
    });
    expect(await engine.syncOnce()).toBe(false);
    expect(local.held).toBe(1);
    expect(engine.getStatus()).toMatchObject({ refused: [refused], pending: 4 });
    engine.stop();
  });

  it('reports a revoked token as unauthorised and does not keep retrying', async () => {
    vi.useFakeTimers();
    const push = vi.fn(async () => {
      throw new SyncError('unauthorised', 'revoked');
    });
    const engine = new SyncEngine({ local: memoryLocal(events), transport: okTransport({ push }) });
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.getStatus().lastError).toBe('unauthorised');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(push).toHaveBeenCalledTimes(1);
    engine.stop();
  });

  it('backs off after failures; a local write does not cut the backoff, coming back online does', async () => {
    vi.useFakeTimers();
    let fail = true;
    const pull = vi.fn(async (after: number) => {
      if (fail) throw new SyncError('offline', 'no network');
      return { events: [], cursor: after, more: false, serverTime: Date.now() };
    });
    const engine = new SyncEngine({
      local: memoryLocal([]),
      transport: okTransport({ pull }),
      random: () => 1,
    });
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(pull).toHaveBeenCalledTimes(1);
    expect(engine.getStatus()).toMatchObject({ online: false, lastError: 'offline' });
    engine.soon();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pull).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pull).toHaveBeenCalledTimes(2);
    fail = false;
    engine.soon({ force: true, delayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.getStatus()).toMatchObject({ online: true, lastError: null });
    expect(engine.getStatus().lastSuccessAt).not.toBeNull();
    engine.stop();
  });

  it('pushes a verdict written late in a round within 2 s, not at the next 10 s round', async () => {
    vi.useFakeTimers();
    const log: CheckpointEvent[] = [];
    const pushed: number[] = [];
    const engine = new SyncEngine({
      local: memoryLocal(log),
      transport: okTransport({
        push: async (batch, waiting) => {
          pushed.push(...batch.map((e) => e.seq));
          return okTransport().push(batch, waiting);
        },
        // The round is still fetching the config when the door writes the verdict.
        config: () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ policy: null, bookingDays: [], serverTime: 0 }), 300),
          ),
      }),
    });
    engine.start();
    await vi.advanceTimersByTimeAsync(100);
    log.push(...events);
    engine.soon();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(pushed).toEqual(events.map((e) => e.seq));
    engine.stop();
  });

  it('a door writing every 300 ms still pushes within 2 s of the first write (bursts join, never postpone)', async () => {
    vi.useFakeTimers();
    const log: CheckpointEvent[] = [];
    const push = vi.fn(okTransport().push);
    const engine = new SyncEngine({ local: memoryLocal(log), transport: okTransport({ push }) });
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(push).not.toHaveBeenCalled(); // nothing to push yet
    for (const [i, e] of events.entries()) {
      log.push(e);
      engine.soon();
      await vi.advanceTimersByTimeAsync(300);
      if (i === 0) expect(push).not.toHaveBeenCalled();
    }
    expect(push.mock.calls[0]?.[0].map((e) => e.seq)).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(push.mock.calls.flatMap(([batch]) => batch.map((e) => e.seq))).toEqual([1, 2, 3, 4, 5]);
    engine.stop();
  });

  it('measures the clock offset (device minus server) and reports each one', async () => {
    const offsets: number[] = [];
    const engine = new SyncEngine({
      local: memoryLocal([]),
      now: () => 1_000_000,
      transport: okTransport({
        pull: async (after) => ({
          events: [],
          cursor: after,
          more: false,
          serverTime: 1_000_000 + 180_000,
        }),
      }),
      onClockOffset: (ms) => offsets.push(ms),
    });
    await engine.syncOnce();
    // The pull's reply first, then the config's (which answers with the real clock).
    expect(offsets[0]).toBe(-180_000);
    expect(engine.getStatus().clockOffsetMs).toBe(offsets.at(-1));
    engine.stop();
  });
});
