import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closingCheckouts } from '../../src/domain/closing';
import type { QueueState } from '../../src/domain/queue';
import { admittedTicket, queueState, queueStatus } from '../../src/domain/queue';
import type { QueueCommand } from '../../src/domain/queue-commands';
import { timeOnDay } from '../../src/domain/time';
import { FIXED_NOW } from '../fixtures/builders';
import { foldVisits, MemoryTablet, policyWith } from '../fixtures/queue-day';

type Action =
  | { kind: 'admit' }
  | { kind: 'call-next'; window: number }
  | { kind: 'call' | 'recall' | 'no-show' | 'served' | 'left'; pick: number; window: number };

const windowArb = fc.integer({ min: 0, max: 4 }); // 0 and 4 are not configured
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'admit' } as const) },
  { weight: 3, arbitrary: windowArb.map((window) => ({ kind: 'call-next', window }) as const) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('call', 'recall', 'no-show', 'served', 'left'),
      pick: fc.nat(),
      window: windowArb,
    }),
  },
);
const stepArb = fc.record({
  action: actionArb,
  tablet: fc.constantFrom(0, 1),
  /** Sync the two tablets after this step (otherwise they work offline). */
  sync: fc.boolean(),
  /** Seconds since the previous step: ties are common. */
  gap: fc.integer({ min: 0, max: 90 }),
});
type Step = { action: Action; tablet: number; sync: boolean; gap: number };

const dayArb = fc.record({
  places: fc.integer({ min: 1, max: 4 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 60 }),
});

function checkWaitingArea(q: QueueState, places: number) {
  const { inside, outside } = q.occupancy;
  expect(inside).toBeGreaterThanOrEqual(0);
  expect(inside).toBeLessThanOrEqual(places);
  if (outside > 0) expect(inside).toBe(places); // nobody waits outside while a place is free
  expect(q.waiting).toHaveLength(inside + outside);
  const markers = q.waiting.flatMap((w) => (w.place.area === 'outside' ? [w.place.marker] : []));
  expect(markers).toEqual(Array.from({ length: outside }, (_, i) => i + 1));
  expect(new Set(q.waiting.map((w) => w.visit)).size).toBe(q.waiting.length);
}

function runDay(places: number, steps: readonly Step[]) {
  const policy = policyWith({ waitingPlaces: places, windows: [1, 2, 3], noShowAfterCalls: 2 });
  const tablets = [new MemoryTablet('guide-1', policy), new MemoryTablet('guide-2', policy)];
  let time = FIXED_NOW;
  let admitted = 0;
  for (const step of steps) {
    time += step.gap * 1000;
    const tablet = tablets[step.tablet] as MemoryTablet;
    const a = step.action;
    if (a.kind === 'admit') {
      admitted++;
      tablet.admit(`v${admitted}`, `A${String(admitted).padStart(3, '0')}`, time);
    } else {
      const visits = tablet.visits();
      const picked = visits[a.kind === 'call-next' ? 0 : a.pick % Math.max(1, visits.length)];
      const command: QueueCommand =
        a.kind === 'call-next'
          ? a
          : a.kind === 'call'
            ? { kind: 'call', visit: picked?.id ?? 'none', window: a.window }
            : { kind: a.kind, visit: picked?.id ?? 'none' };
      tablet.command(command, time);
    }
    for (const t of tablets) checkWaitingArea(t.queue(), places);
    if (step.sync) tablets[0]?.syncWith(tablets[1] as MemoryTablet);
  }
  (tablets[0] as MemoryTablet).syncWith(tablets[1] as MemoryTablet);
  return { policy, tablets, time };
}

describe('queue properties', () => {
  it('occupancy is never negative, never above the places, and nobody waits outside a free place', () => {
    fc.assert(
      fc.property(dayArb, ({ places, steps }) => {
        const { tablets } = runDay(places, steps);
        checkWaitingArea((tablets[0] as MemoryTablet).queue(), places);
      }),
      { numRuns: 200 },
    );
  });

  it('two tablets holding the same events show the same queue, whatever their order', () => {
    fc.assert(
      fc.property(
        dayArb.chain(({ places, steps }) => {
          const { policy, tablets } = runDay(places, steps);
          const events = (tablets[0] as MemoryTablet).events;
          return fc.tuple(
            fc.constant(policy),
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          );
        }),
        ([policy, events, shuffled]) => {
          expect(queueState(foldVisits(shuffled), policy)).toStrictEqual(
            queueState(foldVisits(events), policy),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('after closing, every admitted visitor ended served-and-left, left, no-show or auto-out', () => {
    fc.assert(
      fc.property(dayArb, ({ places, steps }) => {
        const { policy, tablets } = runDay(places, steps);
        const tablet = tablets[0] as MemoryTablet;
        const closing = timeOnDay('2026-11-28', policy.ledger.closing);
        tablet.append(closingCheckouts(tablet.visits(), policy, closing + 1));
        for (const v of tablet.visits()) {
          if (!admittedTicket(v)) continue;
          expect(v.exited).not.toBeNull();
          expect(['left', 'no-show']).toContain(queueStatus(v));
        }
        const q = tablet.queue();
        expect(q.waiting).toEqual([]);
        expect(q.occupancy.inside).toBe(0);
        expect(q.windows.every((w) => w.tickets.length === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a ticket is in one place at a time: at one window, or waiting, never both', () => {
    fc.assert(
      fc.property(dayArb, ({ places, steps }) => {
        const { tablets } = runDay(places, steps);
        const q = (tablets[0] as MemoryTablet).queue();
        const atWindows = q.windows.flatMap((w) => w.tickets.map((t) => t.visit));
        expect(new Set(atWindows).size).toBe(atWindows.length);
        const waiting = new Set(q.waiting.map((w) => w.visit));
        expect(atWindows.some((v) => waiting.has(v))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
