import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, validIdNumber } from '../fixtures/builders';
import {
  admitGreenVisitor,
  eventsOfType,
  hallClockFollowsPage,
  openApp,
  openLedgerVisit,
  passTime,
  recheckNow,
  unlockLead,
} from './helpers';

const at = (h: number, m: number) => new Date(2026, 10, 28, h, m).getTime();
const bookings = [
  aBooking({
    bookingId: 'M1',
    name: '早上人',
    phone: '13800000001',
    slotStart: at(9, 30),
    slotEnd: at(10, 0),
  }),
  aBooking({
    bookingId: 'M2',
    name: '中午人',
    phone: '13800000002',
    slotStart: at(12, 50),
    slotEnd: at(13, 20),
  }),
  aBooking({
    bookingId: 'M3',
    name: '发热人',
    phone: '13800000003',
    idNumber: validIdNumber('33010219850512341'),
    slotStart: at(13, 0),
    slotEnd: at(13, 30),
  }),
];

test('a day at the door, exported as CSV and Excel, and a fever visitor traced to exactly who overlapped', async ({
  page,
}) => {
  // Settling buttons and the resting re-check put this day close to the default 30 s.
  test.setTimeout(60_000);
  await hallClockFollowsPage(page);
  await page.clock.install({ time: at(9, 0) });
  await openApp(page, '/settings');
  await unlockLead(page);
  await page.getByLabel(/导入今日预约/).setInputFiles({
    name: 'b.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bookingsCsv(bookings)),
  });
  await page.getByText('已导入 3 条预约').waitFor();
  await page.getByRole('link', { name: '门岗检查' }).click();

  // 09:00 a walk-in, refused; 09:30 a booked visitor; 12:50 another; 13:00 a fever visitor.
  await page.getByRole('button', { name: '无预约' }).click();
  await page.getByRole('button', { name: '不是' }).click();
  await passTime(page, at(9, 30));
  await admitGreenVisitor(page, /早\*人/, '36.6');
  await passTime(page, at(12, 50));
  await admitGreenVisitor(page, /中\*人/, '36.6');
  await passTime(page, at(13, 0));
  await page.getByRole('button', { name: /发\*人/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '其他读数' }).click();
  for (const k of ['3', '8', '.', '1'])
    await page.getByRole('button', { name: k, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await recheckNow(page);
  for (const k of ['3', '8', '.', '4'])
    await page.getByRole('button', { name: k, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(page.getByTestId('outcome')).toContainText('立即隔离');

  await page.getByRole('link', { name: '值班组长' }).click();
  await unlockLead(page, undefined, '台账');
  await expect(page.getByTestId('summary-visits')).toHaveText('4');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  // One table: the header and a row per visit, all as wide, nothing after (the chain heads
  // are the workbook's sheet and the report's section: docs/ledger-chain.md).
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(5);
  expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  expect(rows[0]).toEqual([
    '日期',
    '到达',
    '离开',
    '姓名',
    '身份证号',
    '手机号',
    '体温',
    '健康码',
    '核验方式',
    '行程码',
    '事由',
    '口罩',
    '结果',
    '原因',
    '排队号',
    '登记人',
    '规则版本',
  ]);
  expect(rows.slice(1).map((r) => [r[1], r[14], r[3], r[12], r[13]])).toEqual([
    ['13:00', '', '发热人', '隔离', ''],
    ['12:50', 'A002', '中午人', '准许入厅', ''],
    ['09:30', 'A001', '早上人', '准许入厅', ''],
    ['09:00', '', '', '不能入厅', '无预约'],
  ]);
  // ID numbers and phones as the text formula a spreadsheet keeps as text (not 3.3E+17).
  expect(rows[1]?.[4]).toBe(`="${bookings[2]?.idNumber}"`);
  expect(rows[1]?.[5]).toBe('="13800000003"');
  expect(rows[2]?.[15]).toMatch(/（入口测温岗）$/);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await xlsxDownload).path());
  const sheet = book.worksheets[0];
  expect(sheet?.rowCount).toBe(5);
  const cellText = (r: number, c: number) => {
    const v = sheet?.getRow(r).getCell(c).value;
    return v && typeof v === 'object' && 'richText' in v
      ? v.richText.map((t) => t.text).join('')
      : String(v);
  };
  expect(cellText(2, 4)).toBe('发热人');
  expect(cellText(2, 5)).toBe(bookings[2]?.idNumber);
  expect(cellText(3, 15)).toBe('A002');
  // The suspected case alerted the lead; the lead, unlocked, acknowledges with one tap.
  await page.getByTestId('lead-alert').getByRole('button', { name: '组长已知悉' }).click();
  await expect(page.getByTestId('lead-alert')).toHaveCount(0);
  await page.screenshot({ path: 'docs/lead-ledger.png' });

  await openLedgerVisit(page, '隔离');
  await page.getByRole('button', { name: '追踪密切接触者' }).click();
  await page.getByLabel('前后余量（分钟）').fill('0');
  const contacts = page.getByTestId('contacts-inside').getByRole('listitem');
  await expect(contacts).toHaveCount(1);
  await expect(contacts.first()).toContainText('中*人');
  await expect(page.getByText('同时在场 1 人')).toBeVisible();

  // The contact list goes out as CSV; every export and the tracing are on record.
  const listDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单' }).click();
  const list = readFileSync(await (await listDownload).path(), 'utf8');
  const listRows = Papa.parse<string[]>(list.slice(1), { skipEmptyLines: true }).data;
  expect(listRows.slice(1).map((r) => r[0])).toEqual(['中午人']);
  const exported = await eventsOfType(page, 'lead.exported');
  expect(exported.map((e) => e.data)).toEqual([
    { what: 'ledger', format: 'csv', day: '2026-11-28', rows: 4 },
    { what: 'ledger', format: 'xlsx', day: '2026-11-28', rows: 4 },
    { what: 'contacts', format: 'csv', day: '2026-11-28', rows: 1 },
  ]);
  expect(await eventsOfType(page, 'lead.traced')).toHaveLength(1);

  // The daily report as printed: the day's cases, the whole day's chart, signatures.
  await page.getByRole('link', { name: /日报/ }).click();
  await expect(page.getByTestId('report-cases')).toContainText('疑似病例（隔离）');
  await expect(page.getByTestId('report-cases')).toContainText('38.1 °C → 38.4 °C');
  await expect(page.getByTestId('report-signatures')).toContainText('值班组长（签字）');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'docs/report-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});
