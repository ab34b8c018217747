import { describe, expect, it } from 'vitest';
import { bookingFromScan } from '../../../src/features/door/booking-scan';
import { aBooking } from '../../fixtures/builders';

const b1 = aBooking({ bookingId: 'B0001' });
const booking = (bookingId: string, day = '2026-11-28') =>
  ({ kind: 'booking', code: { bookingId, day } }) as const;

describe('a scan on the appointment step', () => {
  it('finds today’s booking', () => {
    expect(bookingFromScan(booking('B0001'), '2026-11-28', [b1], new Set())).toEqual({
      ok: true,
      booking: b1,
    });
  });

  it.each([
    [booking('B0001', '2026-11-27'), new Set<string>(), 'bookingExpired'],
    [booking('B0001', '2026-11-29'), new Set<string>(), 'bookingFuture'],
    [booking('B0001'), new Set(['B0001']), 'bookingUsed'],
    [booking('B0009'), new Set<string>(), 'bookingNotFound'],
  ] as const)('explains %j', (reading, used, key) => {
    expect(bookingFromScan(reading, '2026-11-28', [b1], used)).toMatchObject({ ok: false, key });
  });

  it('turns away codes that are not booking codes', () => {
    const seen = {
      kind: 'seen',
      code: { kind: 'health', issuer: 'x', payloadHash: 'h', excerpt: 'e', verified: false },
    } as const;
    expect(bookingFromScan(seen, '2026-11-28', [b1], new Set())).toEqual({
      ok: false,
      key: 'notBooking',
    });
    expect(bookingFromScan({ kind: 'unknown' }, '2026-11-28', [b1], new Set())).toEqual({
      ok: false,
      key: 'unknown',
    });
    expect(
      bookingFromScan({ kind: 'rejected', problem: 'oversized' }, '2026-11-28', [b1], new Set()),
    ).toEqual({ ok: false, key: 'oversized' });
  });
});
