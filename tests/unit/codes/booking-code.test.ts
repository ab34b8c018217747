import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingCodeDay,
  formatBookingCode,
  mod3736Check,
  parseBookingCode,
} from '../../../src/domain/codes/booking-code';

describe('the booking code CKB1:<id>:<YYYYMMDD>:<check>', () => {
  it('round-trips a booking id and day', () => {
    const text = formatBookingCode('B0001', '2026-11-28');
    expect(text).toMatch(/^CKB1:B0001:20261128:[0-9A-Z]$/);
    expect(parseBookingCode(text)).toEqual({
      ok: true,
      code: { bookingId: 'B0001', day: '2026-11-28' },
    });
  });

  it('computes ISO 7064 MOD 37,36 check characters', () => {
    // Worked by hand from the standard's recursion (p0 = 36, s = (p + v) mod 36 || 36,
    // p = 2s mod 37); the check makes the final s equal 1.
    expect(mod3736Check('0')).toBe('2');
    expect(mod3736Check('A')).toBe('H');
    // Validation as the standard states it: run the recursion over data + check, the
    // last s must be 1.
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const lastS = (text: string) => {
      let p = 36;
      let s = 0;
      for (const ch of text) {
        s = (p + alphabet.indexOf(ch)) % 36 || 36;
        p = (s * 2) % 37;
      }
      return s;
    };
    for (const data of ['B000120261128', 'ZZZZ', '0000000', 'Q7AB1220261128']) {
      expect(lastS(data + mod3736Check(data))).toBe(1);
    }
  });

  it('catches every single-character substitution and adjacent transposition', () => {
    const text = formatBookingCode('Q7AB12', '2026-11-28');
    const body = text.slice(5, -2).replace(':', '');
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const check = text.slice(-1);
    for (let i = 0; i < body.length; i++) {
      for (const c of alphabet) {
        if (c === body[i]) continue;
        const changed = body.slice(0, i) + c + body.slice(i + 1);
        expect(mod3736Check(changed)).not.toBe(check);
      }
      const swapped = body.slice(0, i) + (body[i + 1] ?? '') + body[i] + body.slice(i + 2);
      if (swapped !== body) expect(mod3736Check(swapped)).not.toBe(check);
    }
  });

  it('says what is wrong with a bad code', () => {
    const good = formatBookingCode('B0001', '2026-11-28');
    const badCheck = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    expect(parseBookingCode(badCheck)).toEqual({ ok: false, problem: 'check' });
    expect(parseBookingCode('CKB1:B0001:20260230:0')).toEqual({ ok: false, problem: 'date' });
    expect(parseBookingCode('CKB1:b0001:20261128:0')).toEqual({ ok: false, problem: 'format' });
    expect(parseBookingCode('CKB1::20261128:0')).toEqual({ ok: false, problem: 'format' });
    expect(parseBookingCode(`${good}\n`)).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses ids it cannot print', () => {
    expect(() => formatBookingCode('B-1', '2026-11-28')).toThrow(RangeError);
    expect(() => formatBookingCode('', '2026-11-28')).toThrow(RangeError);
  });

  it('tells expired and future codes from today', () => {
    const code = { bookingId: 'B1', day: '2026-11-28' };
    expect(bookingCodeDay(code, '2026-11-28')).toBe('today');
    expect(bookingCodeDay(code, '2026-11-29')).toBe('expired');
    expect(bookingCodeDay(code, '2026-11-27')).toBe('future');
  });

  it('parses what it formats, for any id and day', () => {
    const id = fc.stringMatching(/^[0-9A-Z]{1,32}$/);
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(id, day, (bookingId, d) => {
        expect(parseBookingCode(formatBookingCode(bookingId, d))).toEqual({
          ok: true,
          code: { bookingId, day: d },
        });
      }),
    );
  });
});
