/**
 * The booking code this project defines, printed as a QR code by the booking system
 * on the confirmation (SMS link, WeChat message, paper):
 *
 *     CKB1:<booking id>:<YYYYMMDD>:<check>
 *
 * - `CKB1` names the format and its version;
 * - the booking id exactly as in the day's bookings list: 1–32 of `0-9 A-Z`;
 * - the day of the appointment;
 * - one check character, ISO/IEC 7064 MOD 37,36 over `<booking id><YYYYMMDD>`.
 *
 * Upper case letters, digits and `:` only, so the QR code stays in alphanumeric mode
 * (the smallest symbol for a given length). The code identifies a booking; it carries
 * no name, phone or ID number, so a photographed code leaks nothing personal.
 */
export const BOOKING_CODE_PREFIX = 'CKB1';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^CKB1:([0-9A-Z]{1,32}):(\d{4})(\d{2})(\d{2}):([0-9A-Z])$/;

export interface BookingCode {
  bookingId: string;
  /** YYYY-MM-DD, the ledger's day key. */
  day: string;
}

export type BookingCodeParse =
  | { ok: true; code: BookingCode }
  | { ok: false; problem: 'format' | 'date' | 'check' };

/** ISO/IEC 7064 MOD 37,36 (hybrid system): the character that makes the sum check. */
export function mod3736Check(text: string): string {
  let p = 36;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not in the MOD 37,36 alphabet: ${ch}`);
    let s = (p + v) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  return ALPHABET.charAt((((1 - p) % 36) + 36) % 36);
}

function realDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** Whether a text starts like a booking code (then a failed parse is a clear "malformed"). */
export function looksLikeBookingCode(text: string): boolean {
  return text.toUpperCase().startsWith(`${BOOKING_CODE_PREFIX}:`);
}

export function parseBookingCode(text: string): BookingCodeParse {
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, problem: 'format' };
  const [, bookingId = '', y = '', mo = '', d = '', check] = m;
  if (!realDay(y, mo, d)) return { ok: false, problem: 'date' };
  if (mod3736Check(`${bookingId}${y}${mo}${d}`) !== check) return { ok: false, problem: 'check' };
  return { ok: true, code: { bookingId, day: `${y}-${mo}-${d}` } };
}

/** The payload the booking system prints for a booking (ids are upper-cased). */
export function formatBookingCode(bookingId: string, day: string): string {
  const id = bookingId.toUpperCase();
  const date = day.replaceAll('-', '');
  if (!/^[0-9A-Z]{1,32}$/.test(id) || !/^\d{8}$/.test(date)) {
    throw new RangeError('a booking code needs an id of 1–32 letters or digits and a day');
  }
  return `${BOOKING_CODE_PREFIX}:${id}:${date}:${mod3736Check(id + date)}`;
}

/** Whether a booking code is for today: earlier days are expired, later ones not yet due. */
export function bookingCodeDay(code: BookingCode, today: string): 'today' | 'expired' | 'future' {
  if (code.day === today) return 'today';
  return code.day < today ? 'expired' : 'future';
}
