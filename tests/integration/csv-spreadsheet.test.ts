// @vitest-environment node
/**
 * The CSV export opened by a real spreadsheet: LibreOffice Calc converts it headless to
 * XLSX, as a double-click would open it, and the cells are read back with exceljs. A
 * parser (papaparse) never shows the damage a spreadsheet does to long digit strings.
 *
 * Skips only when `soffice` is missing and CI_REQUIRE_SOFFICE is unset: .ci/run sets it
 * (and installs libreoffice-calc-nogui), so there the test cannot be skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { answerOf, checkAnswerText, checksOfDay } from '../../src/domain/check-columns';
import { LEDGER_COLUMNS, ledgerCsv, ledgerRow } from '../../src/domain/ledger';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, validIdNumber } from '../fixtures/builders';
import { openCsvInCalc } from '../fixtures/calc';
import { PCR_48H, policyWithChecks, VENUE_CODE } from '../fixtures/checks';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice && process.env.CI_REQUIRE_SOFFICE) {
  throw new Error(
    'CI_REQUIRE_SOFFICE is set but soffice is missing: apt-get install -y libreoffice-calc-nogui',
  );
}
if (!hasSoffice) {
  console.warn(
    'csv-spreadsheet: SKIPPED, LibreOffice (soffice) is not installed; set CI_REQUIRE_SOFFICE to make this an error',
  );
}

const work = mkdtempSync(join(tmpdir(), 'csv-soffice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts the CSV as Calc opens a UTF-8 CSV, and reads the cells back (tests/fixtures/calc.ts). */
const openInCalc = (name: string, csv: string) => openCsvInCalc(work, name, csv);

const ids = [validIdNumber('33010219900101123'), validIdNumber('11010119900307867')];
const withX = ['11010519491231002', '11010119800101001', '33010219850615002']
  .map(validIdNumber)
  .find((id) => id.endsWith('X'));
const people = [
  aBooking({ bookingId: 'B1', name: '张三明', idNumber: ids[0], phone: '13812345678' }),
  aBooking({
    bookingId: 'B2',
    name: '=HYPERLINK("http://evil.example","点我")',
    phone: '01087654321',
  }),
  aBooking({ bookingId: 'B3', name: '李四', idNumber: withX ?? ids[1], phone: '+8613900001111' }),
];
const visits = people.map((b, i) =>
  aVisit(
    [
      ev.opened(),
      ev.booked(b),
      ev.mask(),
      ev.hands(),
      ev.temperature(36.6),
      ev.identity(b),
      ev.healthCode(),
      ev.travelCode(),
      ev.decided({ kind: 'admitted', ticket: `A00${i + 1}` }),
    ],
    { visit: `v${i}`, start: FIXED_NOW + i * MINUTE },
  ),
);
const toCells = (row: ReturnType<typeof ledgerRow>) => LEDGER_COLUMNS.map((c) => String(row[c]));

describe.skipIf(!hasSoffice)('the CSV in a real spreadsheet (LibreOffice Calc)', () => {
  it('keeps every ID number and phone as the same text, and runs no formula', async () => {
    const rows = visits.map((v) => toCells(ledgerRow(v)));
    const read = await openInCalc('ledger', ledgerCsv(rows, [...LEDGER_COLUMNS]));
    const col = (c: (typeof LEDGER_COLUMNS)[number]) => LEDGER_COLUMNS.indexOf(c);
    expect(read[0]).toEqual([...LEDGER_COLUMNS]);
    // One table: a row per visit, each as wide as the header, nothing below (sortable).
    expect(read).toHaveLength(visits.length + 1);
    expect(read.every((r) => r.length === LEDGER_COLUMNS.length)).toBe(true);
    expect(read.slice(1).map((r) => r[col('idNumber')])).toEqual(people.map((p) => p.idNumber));
    expect(read.slice(1).map((r) => r[col('phone')])).toEqual(people.map((p) => p.phone));
    expect(read[1]?.[col('name')]).toBe('张三明');
    // The formula typed as a name is text, shown with its neutralising apostrophe.
    expect(read[2]?.[col('name')]).toBe(`'${people[1]?.name}`);
  }, 120_000);

  it('has a column per check of the day, each answer as written (issue 33)', async () => {
    const policy = policyWithChecks([PCR_48H, VENUE_CODE]);
    const checked = aVisit([
      ev.opened(policy.version),
      ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW - 49 * 60 * MINUTE }),
      ev.checkAnswered('venue-code', { kind: 'yes-no', yes: true }),
    ]);
    const checks = checksOfDay([checked, ...visits], (v) =>
      v === policy.version ? policy : DEFAULT_POLICY,
    );
    const words = { yes: '是', no: '否', language: 'zh-CN' };
    const rows = [checked, ...visits].map((v) => [
      ...toCells(ledgerRow(v)),
      ...checks.map((c) => checkAnswerText(c, answerOf(v, c), words)),
    ]);
    const headers = [...LEDGER_COLUMNS, ...checks.map((c) => c.label['zh-CN'])];
    const read = await openInCalc('checks', ledgerCsv(rows, headers));
    expect(read[0]?.slice(-2)).toEqual(['核酸 48 小时', '已扫场所码']);
    expect(read[1]?.slice(-2)).toEqual(['2026-11-26 09:00 · 49:00', '是']);
    // A visit of the day that was not asked (another policy version) has the cells empty
    // (Calc reads a row to its last non-empty cell).
    expect(read[2]?.slice(LEDGER_COLUMNS.length).join('')).toBe('');
    expect(read[2]?.[LEDGER_COLUMNS.indexOf('ticket')]).toBe('A001');
  }, 120_000);

  it('does the same for the contact list', async () => {
    // The contact list's export goes through the same ledgerCsv (TracePanel).
    const contacts = people.map((p) => [p.name, p.phone, p.idNumber, '10:00', '12']);
    const read = await openInCalc(
      'contacts',
      ledgerCsv(contacts, ['姓名', '手机', '身份证', '到达', '分钟']),
    );
    // Name, phone and ID number exactly as written (times and minutes may become numbers).
    expect(read.slice(1).map((r) => r.slice(0, 3))).toEqual(
      people.map((p) => [p.name.startsWith('=') ? `'${p.name}` : p.name, p.phone, p.idNumber]),
    );
  }, 120_000);

  it('would lose the digits without the text form (the check can fail)', async () => {
    const plain = Papa.unparse([['id'], [ids[0] ?? '']], { newline: '\r\n' });
    const read = await openInCalc('plain', `\uFEFF${plain}\r\n`);
    expect(read[1]?.[0]).not.toBe(ids[0]);
  }, 120_000);
});
