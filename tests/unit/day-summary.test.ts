import { describe, expect, it } from 'vitest';
import { summariseDay } from '../../src/domain/day-summary';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE } from '../fixtures/builders';

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
});
