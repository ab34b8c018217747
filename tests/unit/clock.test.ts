import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkedTime,
  clockWarning,
  currentOffset,
  offsetFromExchange,
  offsetSpan,
  purgeRefusedByClock,
} from '../../src/domain/clock';
import { type CheckpointEvent, inLogOrder } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { ev, FIXED_NOW, pinAt, visitEvents } from '../fixtures/builders';

const rule = DEFAULT_POLICY.clock;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Offsets a tablet may have: a year either way. */
const offsetArb = fc.integer({ min: -366 * DAY, max: 366 * DAY });

describe('the offset from one exchange', () => {
  it('is about zero when the device agrees with the server', () => {
    const offset = offsetFromExchange({
      sentAt: FIXED_NOW - 200,
      receivedAt: FIXED_NOW + 200,
      serverTime: FIXED_NOW,
    });
    expect(offset).toBe(0);
  });

  it('is the true offset whenever the server read its clock at the round trip midpoint', () => {
    fc.assert(
      fc.property(offsetArb, fc.integer({ min: 0, max: 30_000 }), (offset, roundTrip) => {
        const serverTime = FIXED_NOW;
        const sentAt = serverTime + offset - roundTrip / 2;
        const measured = offsetFromExchange({ sentAt, receivedAt: sentAt + roundTrip, serverTime });
        expect(Math.abs(measured - offset)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('errs by at most half the round trip, wherever the server read its clock', () => {
    fc.assert(
      fc.property(
        offsetArb,
        fc.integer({ min: 0, max: 30_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (offset, roundTrip, where) => {
          const sentAt = FIXED_NOW;
          const serverTime = sentAt + where * roundTrip - offset;
          const measured = offsetFromExchange({
            sentAt,
            receivedAt: sentAt + roundTrip,
            serverTime,
          });
          expect(Math.abs(measured - offset)).toBeLessThanOrEqual(roundTrip / 2 + 1);
        },
      ),
    );
  });
});

describe('the checked clock', () => {
  it('is the device clock when no server was ever seen', () => {
    expect(checkedTime(FIXED_NOW, null)).toBe(FIXED_NOW);
    expect(currentOffset(null, FIXED_NOW, 5)).toBeNull();
  });

  it('is the server clock, whatever the offset', () => {
    fc.assert(
      fc.property(offsetArb, (offset) => {
        const serverNow = FIXED_NOW;
        expect(checkedTime(serverNow + offset, offset)).toBe(serverNow);
      }),
    );
  });

  it('catches a wall clock set by hand after the exchange, by the monotonic clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10 * MINUTE, max: 10 * MINUTE }),
        fc.integer({ min: -2 * DAY, max: 2 * DAY }),
        fc.integer({ min: 0, max: 8 * HOUR }),
        (offset, jump, elapsed) => {
          const sample = { offsetMs: offset, seenAt: FIXED_NOW + offset, monotonic: 1_000 };
          const deviceNow = FIXED_NOW + offset + elapsed + jump;
          const now = currentOffset(sample, deviceNow, 1_000 + elapsed);
          expect(now).toBe(offset + jump);
          // The checked clock has not moved with the jump: it is the server's.
          expect(checkedTime(deviceNow, now)).toBe(FIXED_NOW + elapsed);
        },
      ),
    );
  });

  it('takes a sample from before this page (no monotonic reading) as it is', () => {
    const sample = { offsetMs: HOUR, seenAt: FIXED_NOW };
    expect(currentOffset(sample, FIXED_NOW + DAY, 123)).toBe(HOUR);
  });
});

describe('the clock warning', () => {
  it('warns exactly beyond the policy tolerance, in either direction', () => {
    const tolerance = rule.toleranceMinutes * MINUTE;
    fc.assert(
      fc.property(offsetArb, (offset) => {
        const warning = clockWarning(offset, rule);
        if (Math.abs(offset) <= tolerance) expect(warning).toBeNull();
        else
          expect(warning).toEqual({
            direction: offset > 0 ? 'ahead' : 'behind',
            ms: Math.abs(offset),
          });
      }),
    );
  });

  it('never warns without a server seen, and reads the tolerance from the policy', () => {
    expect(clockWarning(null, rule)).toBeNull();
    expect(clockWarning(5 * MINUTE, { toleranceMinutes: 10 })).toBeNull();
    expect(clockWarning(5 * MINUTE, { toleranceMinutes: 3 })).toEqual({
      direction: 'ahead',
      ms: 5 * MINUTE,
    });
  });

  it('refuses a purge only while the tablet runs ahead by more than the tolerance', () => {
    fc.assert(
      fc.property(offsetArb, fc.integer({ min: 1, max: 60 }), (offset, toleranceMinutes) => {
        const refused = purgeRefusedByClock(offset, { toleranceMinutes });
        expect(refused).toBe(offset > toleranceMinutes * MINUTE);
      }),
    );
    expect(purgeRefusedByClock(null, rule)).toBe(false);
  });

  it.each([
    [5 * MINUTE, { unit: 'minute', count: 5 }],
    [-5 * MINUTE, { unit: 'minute', count: 5 }],
    [90 * MINUTE, { unit: 'minute', count: 90 }],
    [HOUR + 2 * MINUTE, { unit: 'hour', count: 1 }],
    [5 * HOUR + 20 * MINUTE, { unit: 'hour', count: 5 }],
    [DAY + 10 * MINUTE, { unit: 'day', count: 1 }],
    [DAY + 3 * HOUR, { unit: 'hour', count: 27 }],
  ] as const)('puts %i ms in words as %o', (ms, span) => {
    expect(offsetSpan(ms)).toEqual(span);
  });
});

describe('events of one device stay in seq order, whatever its clock did', () => {
  const event = (device: string, seq: number, at: number): CheckpointEvent => {
    const [e] = visitEvents([pinAt(ev.mask('worn'), at)], { device, firstSeq: seq });
    if (!e) throw new Error('one event');
    return e;
  };

  it('keeps each device in seq order and does not depend on arrival order', () => {
    const deviceArb = fc.constantFrom('tablet-1', 'tablet-2', 'tablet-3');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(deviceArb, fc.integer({ min: -DAY, max: DAY })), { maxLength: 40 }),
        fc.nat(),
        (writes, cut) => {
          const seqs = new Map<string, number>();
          const events = writes.map(([device, jitter]) => {
            const seq = (seqs.get(device) ?? 0) + 1;
            seqs.set(device, seq);
            return event(device, seq, FIXED_NOW + jitter);
          });
          const ordered = inLogOrder(events);
          for (const device of seqs.keys()) {
            const mine = ordered.filter((e) => e.device === device).map((e) => e.seq);
            expect(mine).toEqual([...mine].sort((a, b) => a - b));
          }
          const k = events.length ? cut % events.length : 0;
          expect(inLogOrder([...events].reverse())).toEqual(ordered);
          expect(inLogOrder([...events.slice(k), ...events.slice(0, k)])).toEqual(ordered);
        },
      ),
    );
  });

  it('merges devices by checked time: the recorded offset corrects the clock', () => {
    // Tablet 2 runs an hour fast and knew it: its event at "11:00" was 10:00 by the server.
    const fast = { ...event('tablet-2', 1, FIXED_NOW + HOUR), clockOffset: HOUR };
    const later = event('tablet-1', 1, FIXED_NOW + 30 * MINUTE);
    expect(inLogOrder([later, fast]).map((e) => e.device)).toEqual(['tablet-2', 'tablet-1']);
  });
});
