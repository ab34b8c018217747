import type { Booking } from '../../domain/booking';
import { bookingCodeDay } from '../../domain/codes/booking-code';
import { readScan, type ScanReading } from '../../domain/codes/inspect';
import { maskName } from '../../domain/privacy';
import type { ScanNotice, ScanNoticeParams } from './door-store';
import { scanFeedback } from './scan-feedback';

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

/**
 * A scan at the appointment step: read, matched against today's bookings, the visit opened
 * with its booking (`open`, false when it did not open), and the outcome heard and seen.
 */
export async function scanAtAppointment(
  text: string,
  at: number,
  today: { day: string; bookings: readonly Booking[]; used: ReadonlySet<string> },
  open: (booking: Booking) => Promise<boolean>,
): Promise<void> {
  const found = bookingFromScan(await readScan(text, at), today.day, today.bookings, today.used);
  if (!found.ok) return scanFeedback('bad', found.key, found.params);
  if (await open(found.booking)) {
    scanFeedback('good', 'bookingFound', {
      name: maskName(found.booking.name),
      id: found.booking.bookingId,
    });
  }
}
