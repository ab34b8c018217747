import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { enrolTablet, eventsOfType, importBookings, todaysBookings, wedgeBurst } from './helpers';

/**
 * Issue 33 at the door, in Chromium against the real hall server: a visitor without a
 * smartphone admitted on a paper proof, and one screenshot of a health code shown by two
 * people, caught on a second tablet once sync brought it the first one's visit. Codes are
 * read by the handheld scanner (a keyboard burst), as at a door without a camera.
 */
const shots = '.e2e-artifacts/screens';
const SCREENSHOT = 'https://jkm.example.gov.cn/v2/code?n=zhang&id=330102198505123418';
const PAPER = 'https://jkm.example.gov.cn/v2/code?n=laoren&paper=1';

async function scan(page: Page, text: string) {
  // The scan panel has started, or given up on, the camera: the scanner's keys are its.
  await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-camera', /failed|running/);
  await wedgeBurst(page, text);
}

async function toCodes(page: Page, who: RegExp) {
  await page.getByRole('button', { name: who }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(page.getByRole('heading', { name: /健康码与行程码/ })).toBeVisible();
}

/** Every button on the panel is a gloved-hand target. */
async function expectGlovedTargets(page: Page) {
  const heights = await page
    .getByTestId('no-phone')
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(72);
}

test('an elderly visitor without a phone is admitted on a paper proof', async ({ page }) => {
  const now = await page.evaluate(() => Date.now()).catch(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();
  await toCodes(page, /张\*明/);
  await page.getByRole('button', { name: '没有智能手机 / 无法出示健康码' }).click();
  await expectGlovedTargets(page);
  await page.screenshot({ path: `${shots}/door-no-phone.png` });
  await page.getByRole('button', { name: '纸质证明' }).click();
  await scan(page, PAPER);
  await expect(page.getByTestId('paper-scanned')).toBeVisible();
  await expectGlovedTargets(page);
  await page.screenshot({ path: `${shots}/door-no-phone-paper.png` });
  await page.getByTestId('no-phone').getByRole('button', { name: '绿码' }).click();
  await page.getByRole('button', { name: '无中高风险地区旅居史' }).click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
  const [health] = await eventsOfType(page, 'health-code.checked');
  expect(health?.data).toMatchObject({ method: 'paper', colour: 'green' });
  expect(health?.data).toHaveProperty('payloadHash');
});

test('two visitors showing the same screenshot raise the alert on a second tablet after sync', async ({
  browser,
  request,
}) => {
  const site = 'e2e-shared-code';
  const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };
  await request.post('/api/v1/admin/sites', { headers: admin, data: { id: site, name: 'E2E' } });
  const upload = await request.put(`/api/v1/admin/sites/${site}/bookings`, {
    headers: { ...admin, 'content-type': 'text/csv' },
    data: bookingsCsv(todaysBookings(Date.now())),
  });
  expect((await upload.json()).imported).toBe(3);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await enrolTablet(request, a, site, `E2E (${site})`);
  await enrolTablet(request, b, site, `E2E (${site})`);

  // Tablet A: 张三明 shows his own code, admitted; sync takes it to the server.
  await a.getByRole('link', { name: '门岗检查' }).click();
  await toCodes(a, /张\*明/);
  await scan(a, SCREENSHOT);
  await expect(a.getByTestId('seen-health')).toBeVisible();
  await a.getByRole('button', { name: '绿码', exact: true }).click();
  await a.getByRole('button', { name: '无中高风险地区旅居史' }).click();
  await expect(a.getByTestId('outcome')).toContainText('准许入厅');
  await expect(a.getByTestId('sync-chip')).toContainText('已同步', { timeout: 20_000 });

  // Tablet B pulls it, then 李四 shows the same screenshot.
  await b.getByRole('link', { name: '门岗检查' }).click();
  await expect(b.getByTestId('sync-chip')).toContainText('已同步', { timeout: 20_000 });
  await expect
    .poll(async () => (await eventsOfType(b, 'health-code.checked')).length, { timeout: 30_000 })
    .toBe(1);
  await toCodes(b, /李\*/);
  await scan(b, SCREENSHOT);
  const banner = b.getByTestId('shared-code');
  await expect(banner).toContainText(/此健康码今天 \d\d:\d\d 已由 张\*明 出示/);
  await expect(b.getByRole('button', { name: '绿码', exact: true })).toBeDisabled();
  await b.screenshot({ path: `${shots}/door-shared-code.png` });
  await b.getByRole('button', { name: '不是本人，劝返' }).click();
  await b.getByRole('button', { name: '绿码', exact: true }).click();
  await expect(b.getByTestId('outcome')).toContainText('出示他人的健康码');
  await expect(b.getByTestId('lead-alert')).toContainText('同一健康码由不同人出示');
  const [checked] = (await eventsOfType(b, 'health-code.checked')).filter(
    (e) => typeof e.data === 'object' && e.data !== null && 'shared' in e.data,
  );
  expect(checked?.data).toMatchObject({ shared: { decision: 'refuse' } });
  await first.close();
  await second.close();
});
