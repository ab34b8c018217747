import { describe, expect, it } from 'vitest';
import { automaticExitAt, closingCheckouts } from '../../src/domain/closing';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import {
  callCount,
  calledIn,
  occupancyLevel,
  placeOf,
  queueState,
  queueStatus,
} from '../../src/domain/queue';
import { canMarkNoShow, planQueueCommand } from '../../src/domain/queue-commands';
import { timeOnDay } from '../../src/domain/time';
import { foldVisit } from '../../src/domain/visit';
import {
  admittedVisitEvents,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
  visitEvents,
} from '../fixtures/builders';
import { MemoryTablet, policyWith } from '../fixtures/queue-day';

const twoPlaces = policyWith({ waitingPlaces: 2, windows: [1, 2, 3], noShowAfterCalls: 3 });

function hallWith(admitted: number, policy = twoPlaces) {
  const tablet = new MemoryTablet('guide-1', policy);
  for (let i = 1; i <= admitted; i++) {
    tablet.admit(`v${i}`, `A${String(i).padStart(3, '0')}`, FIXED_NOW + i * MINUTE);
  }
  return tablet;
}

const at = (minutes: number) => FIXED_NOW + minutes * MINUTE;

describe('the waiting area', () => {
  it('admits up to its places; the rest wait outside at markers 1, 2, …', () => {
    const q = hallWith(4).queue();
    expect(q.occupancy).toEqual({ inside: 2, places: 2, outside: 2, level: 'full' });
    expect(q.waiting.map((w) => [w.ticket, w.place])).toEqual([
      ['A001', { area: 'inside' }],
      ['A002', { area: 'inside' }],
      ['A003', { area: 'outside', marker: 1 }],
      ['A004', { area: 'outside', marker: 2 }],
    ]);
    expect(placeOf(q, 'v3')).toEqual({ area: 'outside', marker: 1 });
  });

  it('calls the next one outside in as soon as a place frees', () => {
    const hall = hallWith(4);
    const before = hall.queue();
    hall.command({ kind: 'call-next', window: 2 }, at(10));
    const after = hall.queue();
    expect(calledIn(before, after).map((w) => w.ticket)).toEqual(['A003']);
    expect(after.waiting.map((w) => [w.ticket, w.place.area])).toEqual([
      ['A002', 'inside'],
      ['A003', 'inside'],
      ['A004', 'outside'],
    ]);
    expect(after.waiting.find((w) => w.ticket === 'A003')?.enteredAt).toBe(at(10));
    expect(after.waiting.find((w) => w.ticket === 'A004')?.place).toEqual({
      area: 'outside',
      marker: 1,
    });
  });

  it('a priority call from outside frees no place inside', () => {
    const hall = hallWith(4);
    const answer = hall.command({ kind: 'call', visit: 'v4', window: 1 }, at(10));
    expect(answer).toMatchObject({ ok: true, ticket: 'A004', window: 1, command: 'call' });
    const q = hall.queue();
    expect(q.occupancy).toMatchObject({ inside: 2, outside: 1 });
    expect(q.windows[0]?.tickets[0]).toMatchObject({ ticket: 'A004', priority: true });
  });

  it.each([
    [0, 'low'],
    [17, 'low'],
    [18, 'nearing'],
    [23, 'nearing'],
    [24, 'full'],
  ] as const)('with 24 places at 75 %%, %i inside is %s', (inside, level) => {
    expect(occupancyLevel(inside, DEFAULT_POLICY)).toBe(level);
  });

  it('reads the nearing line from the policy', () => {
    const policy = policyWith({ waitingPlaces: 10, nearingFullPercent: 50 });
    expect(occupancyLevel(4, policy)).toBe('low');
    expect(occupancyLevel(5, policy)).toBe('nearing');
  });

  it('a call dated before the admission (a slow clock) never takes a place', () => {
    const events = [
      ...admittedVisitEvents('v1', 'A001', at(5)),
      // firstSeq 10: the builder's ids come from time and seq, and the fold counts an id once.
      ...visitEvents([pinAt(ev.called(1), at(4))], { visit: 'v1', device: 'guide', firstSeq: 10 }),
    ];
    const visit = foldVisit(events);
    if (!visit) throw new Error('no visit');
    const q = queueState([visit], twoPlaces);
    expect(q.occupancy.inside).toBe(0);
    expect(q.windows[0]?.tickets.map((t) => t.ticket)).toEqual(['A001']);
  });
});

describe('calling', () => {
  it('call next follows admission order, to the chosen window', () => {
    const hall = hallWith(3);
    expect(hall.command({ kind: 'call-next', window: 3 }, at(10))).toMatchObject({
      ok: true,
      ticket: 'A001',
      window: 3,
      calls: 1,
    });
    expect(hall.command({ kind: 'call-next', window: 1 }, at(11))).toMatchObject({
      ticket: 'A002',
    });
    const q = hall.queue();
    expect(q.windows.map((w) => [w.window, w.tickets.map((t) => t.ticket)])).toEqual([
      [1, ['A002']],
      [2, []],
      [3, ['A001']],
    ]);
    expect(q.announcements.map((a) => `${a.ticket}→${a.window}`)).toEqual(['A002→1', 'A001→3']);
  });

  it('a double tap on "call next" calls once: the window is busy the second time', () => {
    const hall = hallWith(3);
    hall.command({ kind: 'call-next', window: 2 }, at(10));
    expect(hall.command({ kind: 'call-next', window: 2 }, at(10))).toEqual({
      ok: false,
      reason: 'window-busy',
      window: 2,
      ticket: 'A001',
    });
    expect(hall.queue().waiting.map((w) => w.ticket)).toEqual(['A002', 'A003']);
  });

  it('refuses a window outside the configured windows', () => {
    const hall = hallWith(1);
    expect(hall.command({ kind: 'call-next', window: 7 }, at(10))).toEqual({
      ok: false,
      reason: 'unknown-window',
      window: 7,
    });
    expect(hall.command({ kind: 'call', visit: 'v1', window: 0 }, at(10))).toMatchObject({
      reason: 'unknown-window',
    });
    expect(hall.events).toHaveLength(2);
  });

  it('says the queue is empty when nobody waits', () => {
    expect(hallWith(0).command({ kind: 'call-next', window: 1 }, at(1))).toEqual({
      ok: false,
      reason: 'queue-empty',
    });
  });

  it('refuses to call a ticket that already left, with the time it left', () => {
    const hall = hallWith(2);
    hall.command({ kind: 'left', visit: 'v1' }, at(8));
    expect(hall.command({ kind: 'call', visit: 'v1', window: 1 }, at(9))).toEqual({
      ok: false,
      reason: 'already-left',
      ticket: 'A001',
      at: at(8),
    });
    expect(hall.command({ kind: 'call-next', window: 1 }, at(9))).toMatchObject({
      ticket: 'A002',
    });
  });

  it('refuses a priority call of a ticket already called, and of one not admitted', () => {
    const hall = hallWith(1);
    hall.command({ kind: 'call-next', window: 1 }, at(5));
    expect(hall.command({ kind: 'call', visit: 'v1', window: 2 }, at(6))).toEqual({
      ok: false,
      reason: 'already-called',
      ticket: 'A001',
      window: 1,
    });
    expect(hall.command({ kind: 'call', visit: 'nobody', window: 2 }, at(6))).toEqual({
      ok: false,
      reason: 'not-admitted',
    });
  });
});

describe('recall, no-show, served, left', () => {
  it('no-show only after the policy’s number of calls; recalls stop there', () => {
    const hall = hallWith(1);
    hall.command({ kind: 'call-next', window: 1 }, at(5));
    expect(hall.command({ kind: 'no-show', visit: 'v1' }, at(6))).toEqual({
      ok: false,
      reason: 'calls-remaining',
      ticket: 'A001',
      calls: 1,
      needed: 3,
    });
    expect(hall.command({ kind: 'recall', visit: 'v1' }, at(6))).toMatchObject({ calls: 2 });
    expect(hall.command({ kind: 'recall', visit: 'v1' }, at(7))).toMatchObject({ calls: 3 });
    const visit = hall.visits()[0];
    if (!visit) throw new Error('no visit');
    expect(callCount(visit)).toBe(3);
    expect(canMarkNoShow(visit, twoPlaces)).toBe(true);
    expect(hall.command({ kind: 'recall', visit: 'v1' }, at(8))).toMatchObject({
      ok: false,
      reason: 'calls-used',
    });
    expect(hall.command({ kind: 'no-show', visit: 'v1' }, at(9))).toMatchObject({ ok: true });
    expect(queueStatus(hall.visits()[0] ?? visit)).toBe('no-show');
    // The void ticket left then: its exit is recorded, so tracing does not keep it present.
    expect(hall.visits()[0]?.exited).toEqual({ at: at(9), automatic: false });
    expect(hall.queue().windows[0]?.tickets).toEqual([]);
    expect(hall.command({ kind: 'served', visit: 'v1' }, at(10))).toMatchObject({
      reason: 'already-no-show',
    });
  });

  it('reads the number of calls from the policy', () => {
    const hall = hallWith(1, policyWith({ noShowAfterCalls: 1, windows: [1] }));
    hall.command({ kind: 'call-next', window: 1 }, at(5));
    expect(hall.command({ kind: 'no-show', visit: 'v1' }, at(6))).toMatchObject({ ok: true });
  });

  it('served frees the window; left records the exit time; both once', () => {
    const hall = hallWith(2);
    expect(hall.command({ kind: 'served', visit: 'v1' }, at(5))).toMatchObject({
      reason: 'not-called',
    });
    hall.command({ kind: 'call-next', window: 1 }, at(5));
    expect(hall.command({ kind: 'served', visit: 'v1' }, at(9))).toMatchObject({
      ok: true,
      window: 1,
    });
    let q = hall.queue();
    expect(q.windows[0]?.tickets).toEqual([]);
    expect(q.servedInHall).toEqual([{ visit: 'v1', ticket: 'A001', servedAt: at(9), window: 1 }]);
    expect(hall.command({ kind: 'left', visit: 'v1' }, at(11))).toMatchObject({ ok: true });
    q = hall.queue();
    expect(q.servedInHall).toEqual([]);
    expect(hall.visits().find((v) => v.id === 'v1')?.exited).toEqual({
      at: at(11),
      automatic: false,
    });
    expect(hall.command({ kind: 'left', visit: 'v1' }, at(12))).toMatchObject({
      reason: 'already-left',
      at: at(11),
    });
  });

  it('a visitor who gives up waiting leaves the queue and frees the place', () => {
    const hall = hallWith(3);
    hall.command({ kind: 'left', visit: 'v2' }, at(7));
    const q = hall.queue();
    expect(q.waiting.map((w) => [w.ticket, w.place.area])).toEqual([
      ['A001', 'inside'],
      ['A003', 'inside'],
    ]);
  });
});

describe('two guides on two tablets', () => {
  it('calling the same ticket at once: the first call counts on both, whatever the sync order', () => {
    const a = hallWith(2);
    const b = new MemoryTablet('guide-2', twoPlaces);
    b.syncWith(a);
    a.command({ kind: 'call', visit: 'v1', window: 1 }, at(10));
    b.command({ kind: 'call', visit: 'v1', window: 3 }, at(10) + 500);
    a.syncWith(b);
    const qa = a.queue();
    expect(qa).toEqual(b.queue());
    expect(qa.windows.find((w) => w.window === 1)?.tickets.map((t) => t.ticket)).toEqual(['A001']);
    expect(qa.windows.find((w) => w.window === 3)?.tickets).toEqual([]);
    const visit = a.visits().find((v) => v.id === 'v1');
    expect(visit?.calls.map((c) => [c.window, c.device])).toEqual([
      [1, 'guide-1'],
      [3, 'guide-2'],
    ]);
    // Once synced, the second guide's tablet answers instead of calling again.
    expect(b.command({ kind: 'call', visit: 'v1', window: 3 }, at(11))).toMatchObject({
      reason: 'already-called',
      window: 1,
    });
  });
});

describe('automatic check-out at closing', () => {
  const closing = timeOnDay('2026-11-28', DEFAULT_POLICY.ledger.closing);

  it('checks out everyone admitted and still in, at closing time, marked automatic', () => {
    const hall = hallWith(3, DEFAULT_POLICY);
    hall.command({ kind: 'left', visit: 'v1' }, at(30));
    expect(closingCheckouts(hall.visits(), DEFAULT_POLICY, closing - 1)).toEqual([]);
    const drafts = closingCheckouts(hall.visits(), DEFAULT_POLICY, closing + 5 * MINUTE);
    expect(drafts.map((d) => [d.visit, d.at, d.type, d.data])).toEqual([
      ['v2', closing, 'visit.exited', { automatic: true }],
      ['v3', closing, 'visit.exited', { automatic: true }],
    ]);
    hall.append(drafts);
    expect(hall.visits().map((v) => queueStatus(v))).toEqual(['left', 'left', 'left']);
    expect(closingCheckouts(hall.visits(), DEFAULT_POLICY, closing + 10 * MINUTE)).toEqual([]);
  });

  it('never dates the exit before what was recorded last; skips refusals', () => {
    const hall = hallWith(1, DEFAULT_POLICY);
    hall.command({ kind: 'call-next', window: 1 }, closing + 3 * MINUTE);
    const visit = hall.visits()[0];
    if (!visit) throw new Error('no visit');
    expect(automaticExitAt(visit, DEFAULT_POLICY, closing + 60 * MINUTE)).toBe(
      closing + 3 * MINUTE,
    );
    const refused = foldVisit(
      visitEvents([ev.opened(), ev.decided({ kind: 'refused', reason: 'too-late' })]),
    );
    if (!refused) throw new Error('no visit');
    expect(automaticExitAt(refused, DEFAULT_POLICY, closing + MINUTE)).toBeNull();
  });

  it('someone admitted after closing is checked out when the day ends, not before', () => {
    const hall = new MemoryTablet('door', DEFAULT_POLICY);
    hall.admit('late', 'A050', closing + 20 * MINUTE);
    const visit = hall.visits()[0];
    if (!visit) throw new Error('no visit');
    expect(automaticExitAt(visit, DEFAULT_POLICY, closing + 60 * MINUTE)).toBeNull();
    const midnight = new Date(2026, 10, 29).getTime();
    expect(automaticExitAt(visit, DEFAULT_POLICY, midnight + MINUTE)).toBe(midnight - 1);
  });

  it('reads the closing time from the policy', () => {
    const early = { ...DEFAULT_POLICY, ledger: { ...DEFAULT_POLICY.ledger, closing: '12:00' } };
    const hall = hallWith(1, early);
    const noon = timeOnDay('2026-11-28', '12:00');
    expect(closingCheckouts(hall.visits(), early, noon)).toHaveLength(1);
    expect(closingCheckouts(hall.visits(), DEFAULT_POLICY, noon)).toHaveLength(0);
  });
});

describe('planQueueCommand is pure', () => {
  it('plans nothing and changes nothing when refused', () => {
    const hall = hallWith(1);
    const visits = hall.visits();
    const copy = structuredClone(visits);
    const planned = planQueueCommand(visits, twoPlaces, { kind: 'recall', visit: 'v1' }, at(1));
    expect(planned.drafts).toEqual([]);
    expect(visits).toEqual(copy);
  });
});
