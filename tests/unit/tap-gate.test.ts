import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandIssued,
  contentCommitted,
  contentShown,
  type GateState,
  OPEN_GATE,
  resultShown,
  tapCounts,
  tapTime,
} from '../../src/ui/tap-gate';

const SETTLE = 350;

/**
 * One deliberate tap at t0 issues a command; its result is painted `paint` ms later (any
 * CPU, any camera load), as new content or not. Ghost touches of a double or triple tap
 * come 1–250 ms after t0, and a busy main thread may dispatch each of them at any point of
 * that sequence. Whatever the order, none may count; a deliberate tap made after the new
 * screen could be read always counts.
 */
type Step = { kind: 'committed' } | { kind: 'painted' } | { kind: 'ghost'; after: number };

const scenario = fc.record({
  t0: fc.integer({ min: 0, max: 1e6 }),
  paint: fc.integer({ min: 0, max: 5000 }),
  newContent: fc.boolean(),
  ghosts: fc.array(fc.integer({ min: 1, max: 250 }), { minLength: 1, maxLength: 3 }),
  // Where each ghost is dispatched among the screen's own steps: 0 before the commit,
  // 1 between commit and paint, 2 after the paint.
  slots: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
});

interface Scenario {
  t0: number;
  paint: number;
  newContent: boolean;
  ghosts: number[];
  slots: number[];
}

function run(s: Scenario): { ghostsCounted: number; gate: GateState } {
  let gate = commandIssued(OPEN_GATE);
  const order: Step[] = [];
  const ghostsAt = (slot: number) =>
    s.ghosts
      .filter((_, i) => (s.slots[i] ?? 2) === slot)
      .map((after) => ({ kind: 'ghost', after }) as const);
  order.push(...ghostsAt(0));
  if (s.newContent) order.push({ kind: 'committed' });
  order.push(...ghostsAt(1));
  order.push({ kind: 'painted' });
  order.push(...ghostsAt(2));

  let ghostsCounted = 0;
  const paintedAt = s.t0 + s.paint;
  for (const step of order) {
    if (step.kind === 'committed') gate = contentCommitted(gate);
    else if (step.kind === 'painted') {
      if (s.newContent) gate = contentShown(gate, paintedAt, SETTLE);
      gate = resultShown(gate, paintedAt);
    } else if (tapCounts(gate, s.t0 + step.after) && s.newContent) ghostsCounted++;
  }
  return { ghostsCounted, gate };
}

describe('the tap gate (issue 31)', () => {
  it('never counts a ghost touch on new content, whatever the paint delay and dispatch order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(run(s).ghostsCounted).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a deliberate tap made once the new screen could be read', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10_000 }), (s, later) => {
        const { gate } = run(s);
        expect(tapCounts(gate, s.t0 + s.paint + SETTLE + later)).toBe(true);
      }),
    );
  });

  it('takes no tap at all while a command is in flight', () => {
    const busy = commandIssued(OPEN_GATE);
    expect(tapCounts(busy, 1e9)).toBe(false);
    expect(tapCounts(resultShown(busy, 100), 99)).toBe(false);
    expect(tapCounts(resultShown(busy, 100), 100)).toBe(true);
  });

  it('takes no tap between a commit and its paint', () => {
    const committed = contentCommitted(OPEN_GATE);
    expect(tapCounts(committed, 1e9)).toBe(false);
    expect(tapCounts(contentShown(committed, 10, SETTLE), 10 + SETTLE)).toBe(true);
  });

  it("reads the touch's own time, and now where the event's clock is another", () => {
    expect(tapTime({ timeStamp: 1234.5 }, 2000)).toBe(1234.5);
    expect(tapTime({ timeStamp: 0 }, 2000)).toBe(2000);
    expect(tapTime({ timeStamp: Date.now() }, 2000)).toBe(2000);
    // A test clock fast-forwarded hours past the event's: judged as made now.
    expect(tapTime({ timeStamp: 1234.5 }, 4 * 3_600_000)).toBe(4 * 3_600_000);
  });
});
