// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseBookingsFile } from '../../src/domain/bookings-csv';
import { decodeSpreadsheetText } from '../../src/domain/text-encoding';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, FIXED_NOW } from '../fixtures/builders';

const csv = bookingsCsv([
  aBooking({ bookingId: 'B1', name: '张三明', matter: '社保卡补办' }),
  aBooking({ bookingId: 'B2', name: '欧阳娜娜' }),
]).replace(/^\uFEFF/, '');
const iconv = (to: string) =>
  new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: csv }));

describe('decodeSpreadsheetText', () => {
  const utf8 = parseBookingsFile(new TextEncoder().encode(csv), FIXED_NOW);

  it.each(['GBK', 'GB18030', 'UTF-16LE', 'UTF-16BE', 'UTF-16'])(
    'reads %s (made by iconv) to the same bookings as UTF-8',
    (encoding) => {
      const parsed = parseBookingsFile(iconv(encoding), FIXED_NOW);
      expect(parsed.ok && parsed.bookings).toEqual(utf8.ok && utf8.bookings);
      expect(utf8.ok && utf8.bookings).toHaveLength(2);
    },
  );

  it('drops a UTF-8 BOM and names what it refuses', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')]);
    expect(decodeSpreadsheetText(bom)).toEqual({ ok: true, text: 'a,b', encoding: 'utf-8' });
    expect(decodeSpreadsheetText(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toEqual({
      ok: false,
      encoding: 'UTF-32',
    });
    expect(decodeSpreadsheetText(new Uint8Array([0x81, 0x20, 0xff, 0xff])).ok).toBe(false);
  });
});
