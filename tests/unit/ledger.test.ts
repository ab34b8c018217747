// @vitest-environment node
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_COLUMNS,
  ledgerCsv,
  ledgerReason,
  ledgerRow,
  matchesFilter,
  spreadsheetCell,
} from '../../src/domain/ledger';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { ledgerXlsx } from '../../src/features/lead/xlsx-export';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, pinAt } from '../fixtures/builders';

const booking = aBooking({ name: '张三明', matter: '社保卡补办' });
const admitted = aVisit([
  ev.opened(),
  ev.booked(booking),
  ev.mask('given'),
  ev.hands(),
  ev.temperature(36.8),
  ev.identity(booking),
  ev.healthCode(),
  ev.travelCode(),
  ev.decided({ kind: 'admitted', ticket: 'A007' }),
  pinAt({ type: 'visit.exited', data: { automatic: false } }, FIXED_NOW + 40 * MINUTE),
]);
const feverish = aVisit(
  [
    ev.opened(),
    ev.walkIn(true),
    ev.mask(),
    ev.hands(),
    ev.temperature(37.6),
    ev.temperature(37.4),
    ev.decided({ kind: 'refused', reason: 'home-observation' }),
  ],
  { visit: 'visit-2', start: FIXED_NOW + 90 * MINUTE },
);

const toCells = (rows: ReturnType<typeof ledgerRow>[]) =>
  rows.map((r) => LEDGER_COLUMNS.map((c) => String(r[c])));

describe('ledgerRow', () => {
  it('holds the paper ledger’s columns: times, identity, readings, codes, matter, verdict, ticket, recorder', () => {
    expect(ledgerRow(admitted)).toMatchObject({
      arrived: '10:00',
      exited: '10:40',
      ticket: 'A007',
      name: '张三明',
      idNumber: booking.idNumber,
      temperatures: '36.8',
      healthCode: 'green',
      travelCode: 'clear',
      matter: '社保卡补办',
      mask: 'given',
      status: 'admitted',
      recordedBy: 'tablet-1',
      policyVersion: DEFAULT_POLICY.version,
    });
    expect(ledgerRow(feverish)).toMatchObject({
      temperatures: '37.6 → 37.4',
      status: 'refused',
      reason: 'home-observation',
      name: '',
      healthCode: '',
      travelCode: '',
      matter: '',
    });
  });

  it('puts the columns in the paper ledger’s order', () => {
    expect(LEDGER_COLUMNS).toEqual([
      'date',
      'arrived',
      'exited',
      'name',
      'idNumber',
      'phone',
      'temperatures',
      'healthCode',
      'codeMethod',
      'travelCode',
      'matter',
      'mask',
      'status',
      'reason',
      'ticket',
      'recordedBy',
      'policyVersion',
    ]);
  });

  it('gives a void ticket (no-show) its reason, and a refusal or abandonment theirs', () => {
    const noShow = aVisit([
      ev.opened(),
      ev.decided({ kind: 'admitted', ticket: 'A003' }),
      ev.called(1),
      ev.noShow(3),
    ]);
    expect(ledgerReason(noShow)).toBe('no-show');
    expect(ledgerReason(feverish)).toBe('home-observation');
    expect(ledgerReason(aVisit([ev.opened(), ev.abandoned('left')]))).toBe('left');
    expect(ledgerReason(admitted)).toBe('');
  });
});

describe('matchesFilter', () => {
  it.each([
    [{ status: 'admitted' as const }, [true, false]],
    [{ abnormalTemperature: true }, [false, true]],
    [{ maskGiven: true }, [true, false]],
    [{ from: '11:00' }, [false, true]],
    [{ to: '10:59' }, [true, false]],
    [{ search: 'a007' }, [true, false]],
    [{ search: booking.idNumber.slice(-4) }, [true, false]],
    [{ search: '三明' }, [true, false]],
    [{ search: booking.phone.slice(3, 7) }, [true, false]],
  ])('%j', (filter, expected) => {
    expect([admitted, feverish].map((v) => matchesFilter(v, filter, DEFAULT_POLICY))).toEqual(
      expected,
    );
  });
});

describe('CSV export', () => {
  it('round-trips through a CSV parser, with a BOM, Chinese and quoting intact', () => {
    const headers = LEDGER_COLUMNS.map((c) => `列 ${c}`);
    const rows = toCells([ledgerRow(admitted), ledgerRow(feverish)]);
    const reason = LEDGER_COLUMNS.indexOf('reason');
    rows[0] = rows[0]?.map((c, i) => (i === reason ? '说明, 含逗号 "和引号"\n换行' : c)) ?? [];
    const csv = ledgerCsv(rows, headers);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // Long digit strings come back as the text formula that keeps them text.
    expect(parsed.data).toEqual([headers, ...rows.map((r) => r.map(spreadsheetCell))]);
    expect(parsed.data[1]?.[LEDGER_COLUMNS.indexOf('idNumber')]).toBe(`="${booking.idNumber}"`);
  });

  it('is one table: the header, then one line per row, nothing after', () => {
    const csv = ledgerCsv([['A001'], ['A002']], ['票号']);
    expect(csv.split('\r\n')).toEqual(['\uFEFF票号', 'A001', 'A002', '']);
  });

  it.each([
    ['330102199001011234', '="330102199001011234"'],
    ['33010219900101123X', '="33010219900101123X"'],
    ['13812345678', '="13812345678"'],
    ['+8613812345678', '="+8613812345678"'],
    ['01087654321', '="01087654321"'],
    ['A007', 'A007'],
    ['36.8', '36.8'],
    ['10:40', '10:40'],
    ['123456', '123456'],
    ['张三明', '张三明'],
  ])('keeps long digit strings as text: %j → %j', (cell, written) => {
    expect(spreadsheetCell(cell)).toBe(written);
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1\n2'])(
    'neutralises a cell starting a formula: %j',
    (cell) => {
      const csv = ledgerCsv([[cell]], ['h']);
      const [, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
      expect(row?.[0]).toBe(`'${cell}`);
    },
  );
});

describe('XLSX export', () => {
  it('opens back with the same library with the same rows, as text', async () => {
    const headers = ['日期', '姓名', '体温'];
    const rows = [
      ['2026-11-28', '张三明', '36.8'],
      ['2026-11-28', '=cmd|calc', '37.6 → 37.4'],
    ];
    const buffer = await ledgerXlsx(rows, headers, '台账 2026-11-28');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    const sheet = book.getWorksheet('台账 2026-11-28');
    const read = (sheet?.getSheetValues() ?? [])
      .slice(1)
      .map((r) =>
        (Array.isArray(r) ? r.slice(1) : []).map((cell) =>
          cell && typeof cell === 'object' && 'richText' in cell
            ? cell.richText.map((t) => t.text).join('')
            : String(cell),
        ),
      );
    expect(read).toEqual([headers, ...rows]);
    expect(sheet?.getCell('B3').formula).toBeUndefined();
  });
});
