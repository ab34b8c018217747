import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, MINUTE, slotStartAround, validIdNumber } from '../fixtures/builders';
import { openCsvInCalc } from '../fixtures/calc';
import { PCR_48H, policyWithChecks, VENUE_CODE } from '../fixtures/checks';
import {
  admin,
  type ServerProcess,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from '../integration/server-process';
import { openApp, unlockLead } from './helpers';

/*
 * Issue 33 with the real server: the county's policy is every hall's on its server, so
 * this spec runs a server of its own (serving the same build) rather than the shared one.
 */
const SITE = 'county-hall';
const HOUR = 60 * MINUTE;
let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServer(tempDataDir(), 0, { ...TEST_LIMITS, STATIC_DIR: resolve('dist') });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Enters a sampling time on the door's PCR step: the day (0 today…) and HHMM, local. */
async function enterSampled(page: Page, at: number) {
  const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);
  const daysAgo = Math.round((midnight(Date.now()) - midnight(at)) / (24 * HOUR));
  const day = ['今天', '昨天', '前天', '3 天前'][daysAgo] ?? '3 天前';
  const d = new Date(at);
  const hhmm = `${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}`;
  await page.getByRole('radio', { name: day }).click();
  for (const digit of hhmm) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确认采样时间' }).click();
}

async function throughCodes(page: Page, who: RegExp) {
  await page.getByRole('button', { name: who }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
}

test('the county adds 核酸 48 小时 and 已扫场所码: an offline tablet asks both from its next visit after sync; 50 h refused; the CSV has the columns in LibreOffice', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await admin(server.url, 'POST', '/sites', { id: SITE, name: 'County hall' });
  const now = Date.now();
  const slotStart = slotStartAround(now, -15);
  const people = [
    { bookingId: 'C1', name: '张三明', phone: '13812345678' },
    {
      bookingId: 'C2',
      name: '李四',
      phone: '13900001111',
      idNumber: validIdNumber('33010219850512341'),
    },
    {
      bookingId: 'C3',
      name: '王五',
      phone: '13700002222',
      idNumber: validIdNumber('11010519491231002'),
    },
  ].map((p) => aBooking({ ...p, slotStart }, now));
  const upload = await admin(
    server.url,
    'PUT',
    `/sites/${SITE}/bookings`,
    bookingsCsv(people),
    'text/csv',
  );
  expect(upload.body.imported).toBe(3);

  const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
  const page = await context.newPage();
  const code = await admin(server.url, 'POST', `/sites/${SITE}/enrolment-codes`, {});
  await openApp(page, '/settings');
  await unlockLead(page);
  await page.getByLabel('登记码（值班组长在服务器上生成）').fill(String(code.body.code));
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText(`County hall (${SITE})`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: '门岗检查' }).click();
  await expect(page.getByRole('button', { name: /张\*明/ })).toBeVisible({ timeout: 20_000 });

  // The tablet is offline when the county adds its two checks.
  await context.setOffline(true);
  const county = policyWithChecks([PCR_48H, VENUE_CODE], 'county-2');
  expect((await admin(server.url, 'PUT', '/county/policy', county)).status).toBe(200);
  await throughCodes(page, /张\*明/);
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');

  // Back online: the next sync brings the policy; from the next visit the door asks both.
  await context.setOffline(false);
  await page.getByRole('button', { name: '下一位' }).click();
  await expect
    .poll(
      async () => {
        await page.goto('/settings');
        await unlockLead(page);
        return page.getByTestId('policy-changes').textContent();
      },
      { timeout: 60_000 },
    )
    .toContain('现行防疫规则：county-2');
  await expect(page.getByTestId('policy-changes')).toContainText('新增检查：核酸 48 小时');
  await page.screenshot({
    path: '.e2e-artifacts/screens/settings-policy-changes.png',
    fullPage: true,
  });
  await page.getByRole('link', { name: '门岗检查' }).click();

  // Sampled 50 hours ago: refused in the county's words.
  await throughCodes(page, /李\*/);
  await expect(page.getByRole('heading', { name: /核酸 48 小时/ })).toBeVisible();
  await page.screenshot({ path: '.e2e-artifacts/screens/door-check-pcr.png' });
  await enterSampled(page, Date.now() - 50 * HOUR);
  await expect(page.getByTestId('outcome')).toContainText(
    '核酸采样已超过 48 小时：请先做核酸检测，再预约',
  );
  await page.getByRole('button', { name: '下一位' }).click();

  // Sampled a day ago, the venue code scanned: admitted.
  await throughCodes(page, /王\*/);
  await enterSampled(page, Date.now() - 24 * HOUR);
  await expect(page.getByRole('heading', { name: /已扫场所码/ })).toBeVisible();
  await page.screenshot({ path: '.e2e-artifacts/screens/door-check-venue.png' });
  await page.getByRole('button', { name: '是', exact: true }).click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');

  // The ledger's CSV, opened in LibreOffice: a column per check, the answers as given.
  await page.getByRole('link', { name: '值班组长' }).click();
  await unlockLead(page, undefined, '台账');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const rows = await openCsvInCalc(mkdtempSync(join(tmpdir(), 'county-csv-')), 'ledger', csv);
  expect(rows[0]?.slice(-2)).toEqual(['核酸 48 小时', '已扫场所码']);
  const answers = rows.slice(1).map((r) => r.slice(16).join(' | '));
  expect(answers).toContainEqual(expect.stringMatching(/ · 24:0\d \| 是$/));
  expect(answers).toContainEqual(expect.stringMatching(/ · 50:0\d$/));
  await context.close();
});

test('a hall that tries to loosen the county’s rule is refused with the reason', async () => {
  await admin(server.url, 'POST', '/sites', { id: SITE, name: 'County hall' });
  const county = policyWithChecks([PCR_48H, VENUE_CODE], 'county-2');
  expect((await admin(server.url, 'PUT', '/county/policy', county)).status).toBe(200);
  const looser = { ...policyWithChecks([{ ...PCR_48H, maxHours: 72 }, VENUE_CODE], 'h1') };
  const reply = await admin(server.url, 'PUT', `/sites/${SITE}/policy`, looser);
  expect(reply.status).toBe(400);
  expect(reply.body.message).toContain("72 hours, longer than the county's 48");
  expect(DEFAULT_POLICY.checks).toEqual([]);
});
