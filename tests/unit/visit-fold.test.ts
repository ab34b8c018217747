import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckpointEvent, type EventBody, inLogOrder } from '../../src/domain/events';
import { dayKey } from '../../src/domain/time';
import { foldVisit } from '../../src/domain/visit';
import {
  aBooking,
  aVisit,
  ev,
  FIXED_NOW,
  identityOf,
  pinAt,
  VALID_ID_NUMBER,
  visitEvents,
} from '../fixtures/builders';

const booking = aBooking();

describe('foldVisit basics', () => {
  it('folds no events to null', () => {
    expect(foldVisit([])).toBeNull();
  });

  it('opens a visit from visit.opened', () => {
    const visit = aVisit([ev.opened('hall-policy-3')], { visit: 'v-42', device: 'tablet-9' });
    expect(visit).toMatchObject({
      id: 'v-42',
      day: dayKey(FIXED_NOW),
      openedAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      device: 'tablet-9',
      policyVersion: 'hall-policy-3',
      appointment: null,
      mask: null,
      handsDisinfected: false,
      readings: [],
      symptoms: null,
      identity: null,
      healthCode: null,
      travelRisk: null,
      decision: null,
      abandoned: null,
      exited: null,
      status: 'open',
    });
  });

  it('records every must of a full pass', () => {
    const events = visitEvents([
      ev.opened(),
      ev.booked(booking),
      ev.mask('given'),
      ev.hands(),
      ev.temperature(37.4),
      ev.temperature(36.8, 'keypad'),
      ev.symptoms({ cough: true }),
      ev.identity(booking, 'booking'),
      ev.healthCode('yellow'),
      ev.travelCode(true),
    ]);
    const visit = foldVisit(events);
    const { day: _day, ...ref } = booking;
    expect(visit).toMatchObject({
      appointment: { kind: 'booked', booking: ref, arrivedAt: events[1]?.at },
      mask: 'given',
      handsDisinfected: true,
      readings: [
        { celsius: 37.4, at: events[4]?.at },
        { celsius: 36.8, at: events[5]?.at },
      ],
      symptoms: { cough: true, breathing: false, other: false },
      identity: { ...identityOf(booking), source: 'booking' },
      healthCode: 'yellow',
      travelRisk: true,
      updatedAt: events[9]?.at,
      status: 'open',
    });
    expect(visit?.identity?.idNumber).toBe(VALID_ID_NUMBER);
  });

  it('records a walk-in', () => {
    expect(aVisit([ev.opened(), ev.walkIn(true)]).appointment).toStrictEqual({
      kind: 'walk-in',
      urgent: true,
    });
  });

  it('corrections: the later mask event wins', () => {
    expect(aVisit([ev.opened(), ev.mask('worn'), ev.mask('given')]).mask).toBe('given');
    expect(aVisit([ev.opened(), ev.mask('given'), ev.mask('worn')]).mask).toBe('worn');
  });

  it('corrections: later is by seq on the device, not by its clock (set back mid-visit)', () => {
    // The tablet's clock went back between the two answers (issue 23): the one written last stands.
    const events = visitEvents([
      ev.opened(),
      pinAt(ev.mask('given'), FIXED_NOW + 20_000),
      pinAt(ev.mask('worn'), FIXED_NOW + 10_000),
    ]);
    expect(foldVisit(events)?.mask).toBe('worn');
    expect(foldVisit([...events].reverse())?.mask).toBe('worn');
  });

  it('corrections: the later health code and travel code win', () => {
    const visit = aVisit([
      ev.opened(),
      ev.healthCode('red'),
      ev.travelCode(true),
      ev.healthCode('green'),
      ev.travelCode(false),
    ]);
    expect(visit.healthCode).toBe('green');
    expect(visit.travelRisk).toBe(false);
  });

  it('every temperature reading is kept, in the order written, whatever the clock did', () => {
    const visit = aVisit([
      ev.opened(),
      pinAt(ev.temperature(36.8), FIXED_NOW + 200_000),
      pinAt(ev.temperature(37.4), FIXED_NOW + 10_000),
    ]);
    expect(visit.readings.map((r) => r.celsius)).toStrictEqual([36.8, 37.4]);
  });

  it('the first decision stands', () => {
    const visit = aVisit([
      ev.opened(),
      ev.decided({ kind: 'refused', reason: 'code-not-green' }, 'p-1'),
      ev.decided({ kind: 'admitted', ticket: 'A001' }, 'p-2'),
    ]);
    expect(visit.status).toBe('refused');
    expect(visit.decision).toStrictEqual({
      outcome: { kind: 'refused', reason: 'code-not-green' },
      policyVersion: 'p-1',
      at: FIXED_NOW + 1_000,
      checkedAt: FIXED_NOW + 1_000,
    });
    expect(visit.updatedAt).toBe(FIXED_NOW + 2_000);
  });

  it.each([
    [{ kind: 'admitted', ticket: 'A007' }, 'admitted'],
    [{ kind: 'refused', reason: 'too-late' }, 'refused'],
    [{ kind: 'isolated' }, 'isolated'],
  ] as const)('a decision %j gives status %s', (outcome, status) => {
    expect(aVisit([ev.opened(), ev.decided(outcome)]).status).toBe(status);
  });

  it('abandoned after the decision is ignored', () => {
    const visit = aVisit([
      ev.opened(),
      ev.decided({ kind: 'isolated' }),
      ev.abandoned('refused-measures'),
    ]);
    expect(visit.status).toBe('isolated');
    expect(visit.abandoned).toBeNull();
  });

  it('abandons an open visit; a decision after that is ignored', () => {
    const visit = aVisit([
      ev.opened(),
      ev.abandoned('refused-measures'),
      ev.decided({ kind: 'admitted', ticket: 'A002' }),
    ]);
    expect(visit.status).toBe('abandoned');
    expect(visit.abandoned).toStrictEqual({ reason: 'refused-measures', at: FIXED_NOW + 1_000 });
    expect(visit.decision).toBeNull();
  });
});

describe('inLogOrder: the total order the fold relies on', () => {
  const event = (
    device: string,
    seq: number,
    id: string,
    at: number = FIXED_NOW,
    mask: 'worn' | 'given' = 'worn',
  ): CheckpointEvent => ({
    type: 'mask.checked',
    data: { status: mask },
    id,
    site: 'hall-1',
    device,
    seq,
    at,
    visit: 'visit-1',
    v: 1,
  });

  it.each<[string, CheckpointEvent, CheckpointEvent]>([
    ['device time first', event('b', 1, 'a', FIXED_NOW), event('a', 9, 'z', FIXED_NOW + 1)],
    ['then device', event('tablet-1', 9, 'z'), event('tablet-2', 1, 'a')],
    ['then sequence on the device', event('tablet-1', 2, 'z'), event('tablet-1', 10, 'a')],
    ['then id', event('tablet-1', 3, 'a'), event('tablet-1', 3, 'b')],
  ])('orders by %s', (_name, earlier, later) => {
    expect(inLogOrder([later, earlier])).toEqual([earlier, later]);
    expect(inLogOrder([earlier, later])).toEqual([earlier, later]);
  });

  it('at the same moment on one device, the higher sequence number corrects, whatever the ids', () => {
    const visit = foldVisit([
      event('tablet-1', 2, '0-first-by-id', FIXED_NOW, 'worn'),
      event('tablet-1', 1, 'z-last-by-id', FIXED_NOW, 'given'),
    ]);
    expect(visit?.mask).toBe('worn');
  });

  it('at the same moment on two devices, the device name decides, not the sequence', () => {
    const visit = foldVisit([
      event('tablet-2', 1, 'x', FIXED_NOW, 'given'),
      event('tablet-1', 7, 'y', FIXED_NOW, 'worn'),
    ]);
    expect(visit?.mask).toBe('given');
  });
});

/** A varied visit: corrections, several readings, decisions and an abandonment. */
const richVisit: EventBody[] = [
  ev.opened(),
  ev.walkIn(false),
  ev.booked(booking),
  ev.mask('worn'),
  ev.mask('given'),
  ev.hands(),
  ev.temperature(37.4),
  ev.temperature(365, 'keypad'),
  ev.temperature(36.9),
  ev.symptoms({ cough: true }),
  ev.symptoms(),
  ev.identity(booking, 'typed'),
  ev.identity(booking, 'booking'),
  ev.healthCode('red'),
  ev.healthCode('green'),
  ev.travelCode(true),
  ev.travelCode(false),
  ev.decided({ kind: 'refused', reason: 'fever-clinic' }),
  ev.decided({ kind: 'admitted', ticket: 'A003' }),
  ev.abandoned('left'),
];

describe('foldVisit is order-independent', () => {
  it('any permutation of a visit’s events folds to the same state', () => {
    const events = visitEvents(richVisit);
    const expected = foldVisit(events);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          expect(shuffled).toHaveLength(events.length);
          expect(foldVisit(shuffled)).toStrictEqual(expected);
        },
      ),
    );
  });

  it('also with equal clock times across two devices (ties broken by device, seq, id)', () => {
    const bodyArb = fc.constantFrom(...richVisit);
    const eventsArb = fc
      .array(
        fc.record({
          body: bodyArb,
          // few distinct times and devices, so ties are common
          offset: fc.integer({ min: 0, max: 3 }),
          device: fc.constantFrom('tablet-1', 'tablet-2'),
        }),
        { minLength: 1, maxLength: 25 },
      )
      .map((items) =>
        items.map(
          ({ body, offset, device }, i): CheckpointEvent => ({
            ...body,
            id: `e-${String(i).padStart(3, '0')}`,
            site: 'hall-1',
            device,
            seq: i + 1,
            at: FIXED_NOW + offset * 1_000,
            visit: 'visit-1',
            v: 1,
          }),
        ),
      );
    fc.assert(
      fc.property(
        eventsArb.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, shuffled]) => {
          expect(foldVisit(shuffled)).toStrictEqual(foldVisit(events));
        },
      ),
    );
  });
});

describe('exit', () => {
  it('records the first exit time and whether it was automatic', () => {
    const visit = aVisit([
      ev.opened(),
      pinAt({ type: 'visit.exited', data: { automatic: false } }, FIXED_NOW + 60_000),
      pinAt({ type: 'visit.exited', data: { automatic: true } }, FIXED_NOW + 120_000),
    ]);
    expect(visit.exited).toEqual({ at: FIXED_NOW + 60_000, automatic: false });
  });
});
