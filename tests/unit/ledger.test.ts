// @vitest-environment node
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, ledgerCsv, ledgerRow, matchesFilter } from '../../src/domain/ledger';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { ledgerXlsx } from '../../src/features/lead/xlsx-export';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, pinAt } from '../fixtures/builders';

const booking = aBooking({ name: '张三明' });
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
  it('holds what the ledger needs: times, ticket, identity, temperatures, mask, outcome, policy', () => {
    expect(ledgerRow(admitted)).toMatchObject({
      arrived: '10:00',
      exited: '10:40',
      ticket: 'A007',
      name: '张三明',
      idNumber: booking.idNumber,
      temperatures: '36.8',
      mask: 'given',
      status: 'admitted',
      policyVersion: DEFAULT_POLICY.version,
    });
    expect(ledgerRow(feverish)).toMatchObject({
      temperatures: '37.6 → 37.4',
      status: 'refused',
      reason: 'home-observation',
      name: '',
    });
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
    const headers = [
      '日期',
      '到达',
      '离开',
      '号',
      '姓名',
      '身份证',
      '手机',
      '体温',
      '口罩',
      '结果',
      '原因',
      '规则',
    ];
    const rows = toCells([ledgerRow(admitted), ledgerRow(feverish)]);
    rows[0] = rows[0]?.map((c, i) => (i === 10 ? '说明, 含逗号 "和引号"\n换行' : c)) ?? [];
    const csv = ledgerCsv(rows, headers);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([headers, ...rows]);
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
