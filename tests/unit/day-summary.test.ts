import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseDay } from '../../src/domain/day-summary';
import type { CheckpointEvent } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { queueState } from '../../src/domain/queue';
import {
  aBooking,
  admittedVisitEvents,
  aVisit,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
  recordEvents,
  visitEvents,
} from '../fixtures/builders';
import { foldVisits, policyWith } from '../fixtures/queue-day';

const at = (minutes: number) => FIXED_NOW + minutes * MINUTE;

describe('summariseDay', () => {
  it('counts outcomes, masks given, abnormal readings and arrivals per hour', () => {
    const booking = aBooking();
    const visits = [
      aVisit([
        ev.opened(),
        ev.booked(booking),
        ev.mask('given'),
        ev.decided({ kind: 'admitted', ticket: 'A001' }),
      ]),
      aVisit(
        [ev.opened(), ev.temperature(37.8), ev.temperature(38.1), ev.decided({ kind: 'isolated' })],
        {
          visit: 'v2',
          start: FIXED_NOW + 70 * MINUTE,
        },
      ),
      aVisit([ev.opened(), ev.temperature(36.5)], { visit: 'v3', start: FIXED_NOW + 75 * MINUTE }),
    ];
    const s = summariseDay(visits, DEFAULT_POLICY);
    expect(s).toMatchObject({ visits: 3, masksGiven: 1, abnormalTemperatures: 1, isolations: 1 });
    expect(s.byStatus).toEqual({ open: 1, admitted: 1, refused: 0, isolated: 1, abandoned: 0 });
    expect(s.hours[10]).toEqual({ hour: 10, arrivals: 1, admitted: 1, refused: 0, isolated: 0 });
    expect(s.hours[11]).toEqual({ hour: 11, arrivals: 2, admitted: 0, refused: 0, isolated: 1 });
  });

  it('counts 120 calls from the isolation checklists, once per visitor', () => {
    const isolated = (visit: string, extra: Parameters<typeof aVisit>[0]) =>
      aVisit([ev.opened(), ev.temperature(38.4), ev.decided({ kind: 'isolated' }), ...extra], {
        visit,
      });
    const visits = [
      isolated('v1', [ev.isolationEntered(), ev.ambulanceCalled(), ev.ambulanceCalled()]),
      isolated('v2', [ev.isolationEntered()]),
      isolated('v3', [ev.ambulanceCalled(), ev.handedOver()]),
    ];
    expect(summariseDay(visits, DEFAULT_POLICY)).toMatchObject({
      isolations: 3,
      ambulanceCalls: 2,
    });
  });

  it('counts 110 calls once per incident, whichever tablets recorded the step', () => {
    const step = (incident: string, s: 'police-called' | 'lead-acknowledged', minute: number) =>
      ({ type: 'incident.step', at: at(minute), data: { incident, step: s } }) as const;
    const records = [
      ...recordEvents([step('i1', 'lead-acknowledged', 1), step('i1', 'police-called', 2)]),
      ...recordEvents([step('i1', 'police-called', 2), step('i2', 'lead-acknowledged', 3)], 'b'),
      ...recordEvents([step('i3', 'police-called', 9)], 'c'),
    ];
    expect(summariseDay([], DEFAULT_POLICY, records).policeCalls).toBe(2);
    expect(summariseDay([], DEFAULT_POLICY).policeCalls).toBe(0);
  });

  it('finds the busiest moment in the waiting area, against its places', () => {
    const policy = policyWith({ waitingPlaces: 2 });
    const events = [
      ...admittedVisitEvents('v1', 'A001', at(0)),
      ...admittedVisitEvents('v2', 'A002', at(1)),
      ...admittedVisitEvents('v3', 'A003', at(2)), // waits outside: the area is full
      ...visitEvents([pinAt(ev.called(1), at(5))], { visit: 'v1', firstSeq: 10 }),
      ...visitEvents([pinAt(ev.noShow(3), at(6))], { visit: 'v2', firstSeq: 20 }),
    ];
    const s = summariseDay(foldVisits(events), policy);
    expect(s.peak).toEqual({ inside: 2, at: at(1), places: 2 });
    expect(summariseDay([], policy).peak).toEqual({ inside: 0, at: null, places: 2 });
  });

  it('does not count a visitor admitted and called in the same millisecond', () => {
    const events = [
      ...admittedVisitEvents('v1', 'A001', at(0)),
      ...visitEvents([pinAt(ev.called(1), at(0))], { visit: 'v1', firstSeq: 10 }),
    ];
    expect(summariseDay(foldVisits(events), DEFAULT_POLICY).peak.inside).toBe(0);
  });
});

/** Minutes after FIXED_NOW at which something happens to an admitted visitor (null: never). */
const visitorArb = fc.record({
  admitted: fc.integer({ min: 0, max: 120 }),
  called: fc.option(fc.integer({ min: -5, max: 150 })),
  ended: fc.option(fc.record({ minute: fc.integer({ min: 0, max: 160 }), served: fc.boolean() })),
  exited: fc.option(fc.integer({ min: 0, max: 170 })),
});
type Visitor = typeof visitorArb extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(visitors: readonly Visitor[]): CheckpointEvent[] {
  return visitors.flatMap((p, i) => {
    const visit = `v${String(i).padStart(3, '0')}`;
    const later = [
      p.called === null ? [] : [pinAt(ev.called(1), at(p.called))],
      p.ended === null
        ? []
        : [pinAt(p.ended.served ? ev.served(1) : ev.noShow(3), at(p.ended.minute))],
      p.exited === null ? [] : [pinAt(ev.exited(), at(p.exited))],
    ].flat();
    return [
      ...admittedVisitEvents(visit, `A${i}`, at(p.admitted)),
      ...visitEvents(later, { visit, firstSeq: 10 }),
    ];
  });
}

/** The reference: the live queue's count at every moment something happened, the largest. */
function bruteForcePeak(events: readonly CheckpointEvent[], places: number) {
  const policy = policyWith({ waitingPlaces: places });
  const moments = [...new Set(events.map((e) => e.at))].sort((a, b) => a - b);
  let best = { inside: 0, at: null as number | null };
  for (const moment of moments) {
    const known = foldVisits(events.filter((e) => e.at <= moment));
    const inside = queueState(known, policy).occupancy.inside;
    if (inside > best.inside) best = { inside, at: moment };
  }
  return best;
}

describe('peak waiting-area occupancy', () => {
  it('is the largest count the live queue showed, first reached when it showed it', () => {
    fc.assert(
      fc.property(
        fc.array(visitorArb, { maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        (visitors, places) => {
          const events = eventsOf(visitors);
          const { peak } = summariseDay(foldVisits(events), policyWith({ waitingPlaces: places }));
          expect(peak).toEqual({ ...bruteForcePeak(events, places), places });
        },
      ),
      { numRuns: 300 },
    );
  });
});
