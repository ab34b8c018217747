import { describe, expect, it } from 'vitest';
import {
  type Booking,
  type BookingRowProblem,
  bookingFromRow,
  bookingsByNearness,
  headerKey,
  searchBookings,
} from '../../src/domain/booking';
import { type PhoneCheck, validatePhone } from '../../src/domain/phone';
import { maskIdNumber, maskName, maskPhone } from '../../src/domain/privacy';
import {
  aBooking,
  FIXED_NOW,
  VALID_ID_NUMBER,
  VALID_PHONE,
  validIdNumber,
} from '../fixtures/builders';

/** Local time on 28 November 2026 (the CSV's times are local wall-clock times). */
const on28Nov = (hours: number, minutes = 0) => new Date(2026, 10, 28, hours, minutes).getTime();

describe('validatePhone', () => {
  it.each<[string, PhoneCheck]>([
    ['13812345678', { ok: true, value: '13812345678' }],
    ['19912345678', { ok: true, value: '19912345678' }],
    ['+8613812345678', { ok: true, value: '13812345678' }],
    ['+86 138 1234 5678', { ok: true, value: '13812345678' }],
    ['0086 13812345678', { ok: true, value: '13812345678' }],
    ['138-1234-5678', { ok: true, value: '13812345678' }],
    [' 138 1234 5678 ', { ok: true, value: '13812345678' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    [' - ', { ok: false, reason: 'empty' }],
    ['138123456789', { ok: false, reason: 'format' }], // 12 digits
    ['1381234567', { ok: false, reason: 'format' }], // 10 digits
    ['12812345678', { ok: false, reason: 'format' }], // starts 12
    ['10012345678', { ok: false, reason: 'format' }], // starts 10
    ['+8612812345678', { ok: false, reason: 'format' }],
    ['+8513812345678', { ok: false, reason: 'format' }], // not China
    ['8613812345678', { ok: false, reason: 'format' }], // 86 without + or 00
    ['1381234567a', { ok: false, reason: 'format' }],
    ['(138)12345678', { ok: false, reason: 'format' }],
    // Landlines with their area code (issue 12: a landline-only visitor can register).
    ['010-62345678', { ok: true, value: '010-62345678' }],
    ['021 6123 4567', { ok: true, value: '021-61234567' }],
    ['0571-8888888', { ok: true, value: '0571-8888888' }],
    ['(0571) 8888 8888', { ok: true, value: '0571-88888888' }],
    ['（0571）88888888', { ok: true, value: '0571-88888888' }],
    ['+86 571 8888 8888', { ok: true, value: '0571-88888888' }],
    ['+86 10 6512 3456', { ok: true, value: '010-65123456' }],
    ['0086 0571 88888888', { ok: true, value: '0571-88888888' }],
    ['88888888', { ok: false, reason: 'format' }], // no area code
    ['0571-0888888', { ok: false, reason: 'format' }], // local numbers never start 0
    ['0571-888888', { ok: false, reason: 'format' }], // 6 digits
    ['0571-888888888', { ok: false, reason: 'format' }], // 9 digits
    ['0123-88888888', { ok: false, reason: 'format' }], // no 01x area code but 010
    ['abc-defg', { ok: false, reason: 'format' }],
  ])('%j → %j', (raw, expected) => {
    expect(validatePhone(raw)).toStrictEqual(expected);
  });
});

describe('masking personal data', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['张', '张'],
    ['', ''],
    [' 张三明 ', '张*明'],
    ['𠮷三明', '𠮷*明'], // a character outside the BMP counts as one
  ])('maskName(%j) → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('maskIdNumber keeps the first 3 and last 4 of 18 characters, 11 stars between', () => {
    expect(maskIdNumber('33050219880702447X')).toBe('330***********447X');
    expect(maskIdNumber(VALID_ID_NUMBER)).toBe('110***********8670');
    expect(maskIdNumber(VALID_ID_NUMBER)).toHaveLength(18);
  });

  it('maskIdNumber hides a short value completely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('12345678')).toBe('123*5678');
  });

  it('maskPhone keeps the first 3 and last 4 digits', () => {
    expect(maskPhone(VALID_PHONE)).toBe('138****5678');
    expect(maskPhone('123456')).toBe('******');
  });
});

const chineseRow = {
  预约号: 'B0101',
  姓名: '张三明',
  手机号: '+86 138 1234 5678',
  身份证号: '44011320141005001x',
  日期: '2026-11-28',
  开始: '09:30',
  结束: '10:00',
  事项: '社保卡补办',
};

const englishRow = {
  bookingId: 'B0102',
  name: 'Li Wei',
  phone: '139-0000-1111',
  idNumber: VALID_ID_NUMBER,
  date: '2026-11-28',
  start: '14:00',
  end: '14:30',
};

describe('bookingFromRow', () => {
  it('reads a row with Chinese headers and normalises phone and ID number', () => {
    expect(bookingFromRow(chineseRow, 2, FIXED_NOW)).toStrictEqual({
      ok: true,
      booking: {
        bookingId: 'B0101',
        name: '张三明',
        phone: '13812345678',
        idNumber: '44011320141005001X',
        day: '2026-11-28',
        slotStart: on28Nov(9, 30),
        slotEnd: on28Nov(10, 0),
        matter: '社保卡补办',
      },
    });
  });

  it('reads a row with English headers; no matter column means no matter key', () => {
    const result = bookingFromRow(englishRow, 3, FIXED_NOW);
    expect(result).toStrictEqual({
      ok: true,
      booking: {
        bookingId: 'B0102',
        name: 'Li Wei',
        phone: '13900001111',
        idNumber: VALID_ID_NUMBER,
        day: '2026-11-28',
        slotStart: on28Nov(14, 0),
        slotEnd: on28Nov(14, 30),
      },
    });
  });

  it('accepts the alternative headers (电话, 开始时间, 结束时间, code, id) and trims values', () => {
    const row = {
      code: ' B0103 ',
      姓名: ' 王五 ',
      电话: '13700000000',
      id: VALID_ID_NUMBER,
      日期: '2026-11-28',
      开始时间: '8:05',
      结束时间: '08:35',
    };
    expect(bookingFromRow(row, 4, FIXED_NOW)).toMatchObject({
      ok: true,
      booking: {
        bookingId: 'B0103',
        name: '王五',
        phone: '13700000000',
        slotStart: on28Nov(8, 5),
        slotEnd: on28Nov(8, 35),
      },
    });
  });

  it('reads English headers as a person types them: "ID number", "Booking No.", any case', () => {
    const row = {
      'Booking No.': 'B0104',
      Name: 'Li Wei',
      PHONE: '13900001111',
      'ID number': VALID_ID_NUMBER,
      Date: '2026-11-28',
      Start: '14:00',
      End: '14:30',
    };
    expect(bookingFromRow(row, 5, FIXED_NOW)).toMatchObject({
      ok: true,
      booking: { bookingId: 'B0104', idNumber: VALID_ID_NUMBER, slotStart: on28Nov(14, 0) },
    });
    expect(headerKey(' id_Number ')).toBe('idnumber');
  });

  it.each<[string, Record<string, string>, BookingRowProblem[]]>([
    ['no booking number', { ...englishRow, bookingId: '  ' }, ['missing-booking-id']],
    ['no name', { ...englishRow, name: '' }, ['missing-name']],
    ['a landline phone', { ...englishRow, phone: '010-12345678' }, ['phone']],
    [
      'an ID with a bad check digit',
      { ...englishRow, idNumber: '110101199003078671' },
      ['id-number'],
    ],
    [
      'an ID born after now',
      { ...englishRow, idNumber: validIdNumber('11010120300101001') },
      ['id-number'],
    ],
    ['a date in another format', { ...englishRow, date: '2026/11/28' }, ['date']],
    ['no date', { ...englishRow, date: '' }, ['date']],
    ['an hour out of range', { ...englishRow, start: '24:00' }, ['time']],
    ['minutes out of range', { ...englishRow, end: '14:60' }, ['time']],
    ['a time that is no time', { ...englishRow, start: 'morning' }, ['time']],
    ['no end time', { ...englishRow, end: '' }, ['time']],
    ['an end before the start', { ...englishRow, start: '15:00', end: '14:30' }, ['time']],
    [
      'an empty row: every problem but time (time waits for a date)',
      {},
      ['missing-booking-id', 'missing-name', 'phone', 'id-number', 'date'],
    ],
    [
      'several problems at once',
      { ...chineseRow, 姓名: '', 手机号: '12345', 开始: '11:00', 结束: '10:00' },
      ['missing-name', 'phone', 'time'],
    ],
  ])('reports %s', (_name, row, problems) => {
    expect(bookingFromRow(row, 7, FIXED_NOW)).toStrictEqual({ ok: false, line: 7, problems });
  });

  // Regression: a date in the right shape but not in the calendar used to pass the date
  // check and be reported as a bad *time*, pointing at the wrong column.
  it.each(['2026-02-30', '2026-13-01', '2026-11-31'])(
    'reports the impossible date %s as date',
    (date) => {
      expect(bookingFromRow({ ...englishRow, date }, 5, FIXED_NOW)).toStrictEqual({
        ok: false,
        line: 5,
        problems: ['date'],
      });
    },
  );

  it('accepts a slot that starts and ends at the same minute', () => {
    expect(bookingFromRow({ ...englishRow, end: '14:00' }, 2, FIXED_NOW).ok).toBe(true);
  });
});

describe('searchBookings', () => {
  const bookings: Booking[] = [
    aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' }),
    aBooking({ bookingId: 'B0002', name: 'Zhang Wei', phone: '13900005678' }),
    aBooking({ bookingId: 'X0010', name: '李四', phone: '13700001111' }),
  ];
  const ids = (found: Booking[]) => found.map((b) => b.bookingId);

  it.each([
    ['5678', ['B0001', 'B0002']],
    ['1381234', ['B0001']],
    ['三明', ['B0001']],
    ['zhang', ['B0002']],
    ['ZHANG WEI', ['B0002']],
    ['b0002', ['B0002']],
    [' X0010 ', ['X0010']],
    ['B000', []], // a booking number matches whole, not in part
    ['王', []],
    ['', ['B0001', 'B0002', 'X0010']],
    ['   ', ['B0001', 'B0002', 'X0010']],
  ])('%j finds %j', (query, expected) => {
    expect(ids(searchBookings(bookings, query))).toStrictEqual(expected);
  });

  it('returns a new array, even for an empty query', () => {
    const all = searchBookings(bookings, '');
    expect(all).not.toBe(bookings);
    expect(all).toStrictEqual(bookings);
  });
});

describe('bookingsByNearness', () => {
  const now = on28Nov(10, 0);
  const slot = (bookingId: string, start: number, end: number) =>
    aBooking({ bookingId, slotStart: start, slotEnd: end });
  const bookings: Booking[] = [
    slot('past-90', on28Nov(8, 0), on28Nov(8, 30)), // ended 90 min ago
    slot('next-15', on28Nov(10, 15), on28Nov(10, 45)), // starts in 15 min
    slot('now-late', on28Nov(9, 45), on28Nov(10, 15)), // running, started 9:45
    slot('later-120', on28Nov(12, 0), on28Nov(12, 30)), // starts in 120 min
    slot('now-early', on28Nov(9, 30), on28Nov(10, 30)), // running, started 9:30
    slot('past-5', on28Nov(9, 25), on28Nov(9, 55)), // ended 5 min ago
  ];

  it('puts running slots first (earliest start first), then by distance from now', () => {
    expect(bookingsByNearness(bookings, now).map((b) => b.bookingId)).toStrictEqual([
      'now-early',
      'now-late',
      'past-5',
      'next-15',
      'past-90',
      'later-120',
    ]);
  });

  it('does not reorder the list it was given', () => {
    const given = [slot('b', on28Nov(12, 0), on28Nov(12, 30)), slot('a', now, now)];
    bookingsByNearness(given, now);
    expect(given.map((b) => b.bookingId)).toStrictEqual(['b', 'a']);
  });
});
