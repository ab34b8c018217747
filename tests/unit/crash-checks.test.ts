import { describe, expect, it } from 'vitest';
import { confirmedTypes, type KeptEvent, problemsAfterKill } from '../crash/checks';

let seq = 0;
const ev = (type: string, visit = 'v1', data: Record<string, unknown> = {}): KeptEvent => ({
  id: `e${++seq}`,
  device: 'd1',
  seq,
  type,
  visit,
  data,
});

function greenVisit(visit: string, bookingId: string, ticket: string): KeptEvent[] {
  return [
    ev('visit.opened', visit),
    ev('appointment.matched', visit, { bookingId }),
    ev('mask.checked', visit),
    ev('hands.disinfected', visit),
    ev('temperature.measured', visit),
    ev('identity.confirmed', visit),
    ev('health-code.checked', visit),
    ev('travel-code.checked', visit),
    ev('visit.decided', visit, { outcome: { kind: 'admitted', ticket } }),
  ];
}

describe('the crash harness checks (tests/crash/checks.ts)', () => {
  it('a whole log with what the screen confirmed passes', () => {
    seq = 0;
    const log = [...greenVisit('v1', 'K1', 'A001'), ...greenVisit('v2', 'K2', 'A002')];
    expect(
      problemsAfterKill(log, [
        { bookingId: 'K1', screen: 'outcome' },
        { bookingId: 'K2', screen: 'identity' },
      ]),
    ).toEqual([]);
  });

  it('a step the screen confirmed but the disk lost is reported', () => {
    seq = 0;
    const log = greenVisit('v1', 'K1', 'A001').slice(0, 5); // up to the temperature
    expect(problemsAfterKill(log, [{ bookingId: 'K1', screen: 'codes' }])).toEqual([
      'booking K1: the screen showed "codes" but identity.confirmed not stored',
    ]);
    expect(confirmedTypes('mask')).toEqual(['visit.opened', 'appointment.matched']);
  });

  it('a seq gap, a doubled step, a booking opened twice and a ticket issued twice are reported', () => {
    seq = 0;
    const log = greenVisit('v1', 'K1', 'A001');
    const gap = log.filter((e) => e.seq !== 3);
    expect(problemsAfterKill(gap, []).join()).toContain('gap or double');
    seq = 0;
    const doubled = [...greenVisit('v1', 'K1', 'A001'), ev('mask.checked', 'v1')];
    expect(problemsAfterKill(doubled, [])).toEqual(['visit v1: mask.checked recorded 2 times']);
    seq = 0;
    const twice = [...greenVisit('v1', 'K1', 'A001'), ...greenVisit('v2', 'K1', 'A001')];
    expect(problemsAfterKill(twice, [])).toEqual([
      'booking K1 opened twice (v1, v2)',
      'ticket A001 issued 2 times',
    ]);
  });
});
