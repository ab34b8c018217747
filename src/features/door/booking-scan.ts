import type { Booking } from '../../domain/booking';
import { bookingCodeDay } from '../../domain/codes/booking-code';
import type { ScanReading } from '../../domain/codes/inspect';
import type { ScanNotice, ScanNoticeParams } from './door-store';

export type BookingScanResult =
  | { ok: true; booking: Booking }
  | { ok: false; key: ScanNotice['key']; params?: ScanNoticeParams };

/** What a scan on the appointment step means, against today's bookings. */
export function bookingFromScan(
  reading: ScanReading,
  today: string,
  bookings: readonly Booking[],
  used: ReadonlySet<string>,
): BookingScanResult {
  switch (reading.kind) {
    case 'booking': {
      const { bookingId: id, day } = reading.code;
      const when = bookingCodeDay(reading.code, today);
      if (when === 'expired') return { ok: false, key: 'bookingExpired', params: { day } };
      if (when === 'future') return { ok: false, key: 'bookingFuture', params: { day } };
      if (used.has(id)) return { ok: false, key: 'bookingUsed', params: { id } };
      const booking = bookings.find((b) => b.bookingId === id);
      return booking
        ? { ok: true, booking }
        : { ok: false, key: 'bookingNotFound', params: { id } };
    }
    case 'seen':
      return { ok: false, key: 'notBooking' };
    case 'unknown':
      return { ok: false, key: 'unknown' };
    case 'rejected':
      return { ok: false, key: reading.problem };
    default: {
      const unreachable: never = reading;
      return unreachable;
    }
  }
}
