import Papa from 'papaparse';
import { type Booking, type BookingRowResult, bookingFromRow } from './booking';

/** Parses a bookings CSV (UTF-8, with or without BOM); each row validated by the domain. */
export function parseBookingsCsv(text: string, now: number) {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const results: BookingRowResult[] = parsed.data.map((row, i) => bookingFromRow(row, i + 2, now));
  const bookings: Booking[] = [];
  const rejected: Extract<BookingRowResult, { ok: false }>[] = [];
  for (const r of results) {
    if (r.ok) bookings.push(r.booking);
    else rejected.push(r);
  }
  return { bookings, rejected };
}
