import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leftOut, overlap, type Stay, stayOf, traceContacts } from '../../src/domain/tracing';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, pinAt } from '../fixtures/builders';

const stay = (visit: string, startMin: number, endMin: number, window?: string): Stay => ({
  visit,
  start: FIXED_NOW + startMin * MINUTE,
  end: FIXED_NOW + endMin * MINUTE,
  assumedEnd: false,
  ...(window ? { window } : {}),
});
const rule = { maxStayMinutes: 180, closing: '17:30' };

describe('overlap', () => {
  it.each([
    ['inside', [0, 60], [10, 20], 0, 10],
    ['partial', [0, 60], [50, 90], 0, 10],
    ['touching end to start', [0, 60], [60, 90], 0, 0],
    ['touching start to end', [30, 60], [0, 30], 0, 0],
    ['apart', [0, 60], [61, 90], 0, null],
    ['apart, caught by a margin', [0, 60], [65, 90], 5, 0],
    ['margin widens the overlap', [0, 60], [50, 90], 15, 25],
  ] as const)('%s', (_name, a, b, margin, expected) => {
    expect(overlap(stay('a', a[0], a[1]), stay('b', b[0], b[1]), margin)).toBe(expected);
  });

  it('works across midnight', () => {
    const late = stay('a', 23 * 60, 25 * 60);
    const early = stay('b', 24 * 60 + 30, 24 * 60 + 45);
    expect(overlap(late, early, 0)).toBe(15);
  });

  it('agrees with a minute-by-minute brute force', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 240 }))
      .map(([s, len]) => [s, s + len] as const);
    fc.assert(
      fc.property(interval, interval, fc.integer({ min: 0, max: 60 }), ([as, ae], [bs, be], m) => {
        let shared = 0;
        for (let t = 0; t <= 1000; t++)
          if (t >= as - m && t <= ae + m && t >= bs && t <= be) shared++;
        const expected = shared === 0 ? null : shared - 1;
        return overlap(stay('a', as, ae), stay('b', bs, be), m) === expected;
      }),
    );
  });
});

describe('traceContacts', () => {
  it('lists exactly the overlapping stays, longest first, marking the same window', () => {
    const index = stay('fever', 60, 120, '3');
    const contacts = traceContacts(
      index,
      [
        index,
        stay('before', 0, 59),
        stay('short', 110, 130, '5'),
        stay('long', 30, 200, '3'),
        stay('after', 121, 200),
        stay('touching', 120, 150),
      ],
      0,
    );
    expect(contacts.map((c) => [c.stay.visit, c.overlapMinutes, c.sameWindow])).toEqual([
      ['long', 60, true],
      ['short', 10, false],
    ]);
  });

  it('never lists the index itself, and finds a contact iff brute force does', () => {
    const arb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 120 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 120 }),
        (others, s, len) => {
          const index = stay('index', s, s + len);
          const stays = others.map(([os, ol], i) => stay(`v${i}`, os, os + ol));
          const found = new Set(
            traceContacts(index, [index, ...stays], 0).map((c) => c.stay.visit),
          );
          // Only stays that share time: touching ones (zero minutes together) are left out.
          return stays.every(
            (o) =>
              found.has(o.visit) ===
              Math.min(o.end, index.end) - Math.max(o.start, index.start) > 0,
          );
        },
      ),
    );
  });
});

describe('stayOf', () => {
  const booking = aBooking();
  it('runs from arrival to the recorded exit', () => {
    const v = aVisit([
      ev.opened(),
      ev.booked(booking),
      pinAt({ type: 'visit.exited', data: { automatic: false } }, FIXED_NOW + 45 * MINUTE),
    ]);
    expect(stayOf(v, rule)).toMatchObject({
      start: FIXED_NOW,
      end: FIXED_NOW + 45 * MINUTE,
      assumedEnd: false,
    });
  });

  it('assumes the maximum stay, or closing time, when no exit was recorded', () => {
    const v = aVisit([ev.opened(), ev.booked(booking)]);
    expect(stayOf(v, rule)).toMatchObject({ end: FIXED_NOW + 180 * MINUTE, assumedEnd: true });
    const closing = new Date(FIXED_NOW);
    closing.setHours(11, 0, 0, 0);
    expect(stayOf(v, { ...rule, closing: '11:00' }).end).toBe(closing.getTime());
  });

  it('caps an automatic exit by the maximum stay: it is only an upper bound', () => {
    // Admitted after closing (hall open late): checked out automatically at the end of the day.
    const late = new Date(FIXED_NOW).setHours(18, 0, 0, 0);
    const endOfDay = new Date(FIXED_NOW).setHours(23, 59, 59, 999);
    const v = aVisit(
      [
        ev.opened(),
        ev.decided({ kind: 'admitted', ticket: 'A9' }),
        pinAt({ type: 'visit.exited', data: { automatic: true } }, endOfDay),
      ],
      { start: late },
    );
    expect(stayOf(v, { ...rule, closing: '17:30' })).toMatchObject({
      start: late,
      end: late + 180 * MINUTE,
      assumedEnd: true,
    });
  });

  it('bounds an open stay that began after closing by the maximum stay, not by that closing', () => {
    const late = new Date(FIXED_NOW).setHours(18, 0, 0, 0);
    const v = aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A9' })], {
      start: late,
    });
    // Capping at 17:30 made her stay empty: she was in no tracing at all.
    expect(stayOf(v, rule).end).toBe(late + 180 * MINUTE);
  });

  it('ends a void ticket’s stay when it was marked no-show, even with no exit recorded', () => {
    const v = aVisit([
      ev.opened(),
      ev.decided({ kind: 'admitted', ticket: 'A001' }),
      pinAt(ev.called(1), FIXED_NOW + 10 * MINUTE),
      pinAt(ev.noShow(3), FIXED_NOW + 20 * MINUTE),
    ]);
    expect(stayOf(v, rule)).toMatchObject({
      end: FIXED_NOW + 20 * MINUTE,
      assumedEnd: false,
      place: 'inside',
    });
  });

  it('tells those inside the hall from those only at the door', () => {
    const refused = aVisit([ev.opened(), ev.decided({ kind: 'refused', reason: 'too-early' })]);
    const admitted = aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A1' })]);
    const left = aVisit([ev.opened(), ev.abandoned('left')]);
    expect([refused, admitted, left].map((v) => stayOf(v, rule).place)).toEqual([
      'door',
      'inside',
      'door',
    ]);
  });

  it('ends a refused visitor’s stay at the verdict', () => {
    const v = aVisit([
      ev.opened(),
      pinAt(ev.walkIn(false), FIXED_NOW + MINUTE),
      pinAt(ev.decided({ kind: 'refused', reason: 'no-appointment' }), FIXED_NOW + 2 * MINUTE),
    ]);
    expect(stayOf(v, rule)).toMatchObject({ end: FIXED_NOW + 2 * MINUTE, assumedEnd: false });
  });
});

describe('who a tracing leaves out', () => {
  it('counts the stays that only touch the index stay, so the screen can say so', () => {
    const index = stay('i', 0, 60);
    const stays = [index, stay('a', 60, 90), stay('b', 30, 40), stay('c', 100, 120)];
    expect(traceContacts(index, stays, 0).map((c) => c.stay.visit)).toEqual(['b']);
    expect(leftOut(index, stays, 0)).toBe(1);
    expect(leftOut(index, stays, 10)).toBe(0);
  });
});
