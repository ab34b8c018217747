import Papa from 'papaparse';
import { type Booking, type BookingRowResult, bookingFromRow } from './booking';
import { decodeSpreadsheetText, type TextEncodingName } from './text-encoding';

/** Parses a bookings CSV's text (a BOM is dropped); each row validated by the domain. */
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

export type BookingsFileResult =
  | (ReturnType<typeof parseBookingsCsv> & { ok: true; encoding: TextEncodingName })
  | { ok: false; encoding: string };

/**
 * A bookings file as saved by a spreadsheet: UTF-8 (with or without BOM), GBK/GB18030 or
 * UTF-16, decoded, then parsed; any other encoding is refused, named.
 */
export function parseBookingsFile(bytes: Uint8Array, now: number): BookingsFileResult {
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, encoding: decoded.encoding, ...parseBookingsCsv(decoded.text, now) };
}
