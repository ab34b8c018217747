import type { BookingRef } from './events';
import { validateIdNumber } from './id-number';
import { validatePhone } from './phone';
import { dayKey } from './time';

/** A booking as imported for the day (made by phone, WeChat or web the day before). */
export interface Booking extends BookingRef {
  day: string;
}

/**
 * Column names accepted in a bookings CSV, Chinese or English, as `headerKey` leaves them:
 * "ID number", "id_number" and "idNumber" are one column.
 */
const COLUMNS = {
  bookingId: ['预约号', 'booking', 'bookingid', 'bookingno', 'code'],
  name: ['姓名', 'name'],
  phone: ['手机号', '电话', 'phone'],
  idNumber: ['身份证号', 'idnumber', 'id', 'idcard'],
  date: ['日期', 'date'],
  start: ['开始', '开始时间', 'start'],
  end: ['结束', '结束时间', 'end'],
  matter: ['事项', 'matter'],
} as const;

/** A column header as typed by a person: case, spaces, '_', '-' and '.' do not count. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_.-]+/g, '');
}

export type BookingRowProblem =
  | 'missing-booking-id'
  | 'missing-name'
  | 'phone'
  | 'id-number'
  | 'date'
  | 'time';

export type BookingRowResult =
  | { ok: true; booking: Booking }
  | { ok: false; line: number; problems: BookingRowProblem[] };

/** The first of `names` the row has (its headers as `headerKey` leaves them). */
function pick(row: ReadonlyMap<string, string>, names: readonly string[]): string {
  for (const name of names) {
    const value = row.get(name);
    if (value !== undefined) return value.trim();
  }
  return '';
}

function isCalendarDate(date: string): boolean {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return false;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  return dayKey(at.getTime()) === date;
}

function localTime(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return dayKey(at.getTime()) === date && Number(t[1]) < 24 && Number(t[2]) < 60
    ? at.getTime()
    : null;
}

/** Validates one CSV row (line numbers count the header as line 1). */
export function bookingFromRow(
  raw: Record<string, string>,
  line: number,
  now: number,
): BookingRowResult {
  const problems: BookingRowProblem[] = [];
  // Each header read once per row, not once per column asked (20,000 rows in an import).
  const row = new Map(Object.entries(raw).map(([header, value]) => [headerKey(header), value]));
  const bookingId = pick(row, COLUMNS.bookingId);
  const name = pick(row, COLUMNS.name);
  const phone = validatePhone(pick(row, COLUMNS.phone));
  const id = validateIdNumber(pick(row, COLUMNS.idNumber), now);
  const date = pick(row, COLUMNS.date);
  const slotStart = localTime(date, pick(row, COLUMNS.start));
  const slotEnd = localTime(date, pick(row, COLUMNS.end));
  if (!bookingId) problems.push('missing-booking-id');
  if (!name) problems.push('missing-name');
  if (!phone.ok) problems.push('phone');
  if (!id.ok) problems.push('id-number');
  if (!isCalendarDate(date)) problems.push('date');
  else if (slotStart === null || slotEnd === null || slotEnd < slotStart) problems.push('time');
  if (problems.length > 0 || !phone.ok || !id.ok || slotStart === null || slotEnd === null) {
    return { ok: false, line, problems };
  }
  const matter = pick(row, COLUMNS.matter);
  return {
    ok: true,
    booking: {
      bookingId,
      name,
      phone: phone.value,
      idNumber: id.value,
      day: date,
      slotStart,
      slotEnd,
      ...(matter ? { matter } : {}),
    },
  };
}

/** Bookings matching a search by phone (any part), name, or booking number. */
export function searchBookings(bookings: readonly Booking[], query: string): Booking[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...bookings];
  return bookings.filter(
    (b) =>
      b.phone.includes(q) || b.name.toLowerCase().includes(q) || b.bookingId.toLowerCase() === q,
  );
}

/** Today's bookings, those due nearest to now first: the door's start list. */
export function bookingsByNearness(bookings: readonly Booking[], now: number): Booking[] {
  const distance = (b: Booking) =>
    now < b.slotStart ? b.slotStart - now : now > b.slotEnd ? now - b.slotEnd : 0;
  return [...bookings].sort((a, b) => distance(a) - distance(b) || a.slotStart - b.slotStart);
}
