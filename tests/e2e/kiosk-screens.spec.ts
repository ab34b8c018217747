import { mkdirSync } from 'node:fs';
import { type Page, test } from '@playwright/test';
import { completeSetup, importBookings, LEAD_PIN, leaveCheckIdle } from './helpers';

// Screenshots of the kiosk, setup and settings screens at 1280×800, for people to look
// at (not asserted), beside those of screens.spec.ts.
const dir = '.e2e-artifacts/screens';
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
});

test('first-run setup', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: '语音播报' })
    .getByText(/语音|不支持/)
    .last()
    .waitFor();
  await page.waitForTimeout(1_600);
  await shot(page, 'setup');
  await page.getByLabel('组长密码', { exact: true }).fill('1234');
  await page.getByLabel('同步服务器地址（可不填）').fill('sync.example');
  await page.getByRole('button', { name: '完成设置' }).click();
  await shot(page, 'setup-errors');
  await page.getByRole('button', { name: 'English' }).click();
  await shot(page, 'setup-en');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByLabel('同步服务器地址（可不填）').fill('');
  await completeSetup(page);
});

test('lead PIN, settings, display options', async ({ page }) => {
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('heading', { name: '需要值班组长密码' }).waitFor();
  await shot(page, 'lead-pin');
  for (const digit of '1357') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('alert').waitFor();
  for (const digit of '25') await page.getByRole('button', { name: digit, exact: true }).click();
  await shot(page, 'lead-pin-wrong');
  await page.getByRole('button', { name: '删除一位' }).click();
  await page.getByRole('button', { name: '删除一位' }).click();
  for (const digit of LEAD_PIN) {
    await page.getByRole('button', { name: digit, exact: true }).click();
  }
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('heading', { name: '本机状态' }).scrollIntoViewIfNeeded();
  await page.getByTestId('storage-used').filter({ hasText: /B/ }).waitFor();
  await shot(page, 'settings-kiosk');
  await page.getByRole('heading', { name: '本机状态' }).evaluate((h) => h.scrollIntoView());
  await shot(page, 'settings-facts');

  await page.getByRole('button', { name: '高对比度（户外）' }).click();
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).waitFor();
  await shot(page, 'door-high-contrast');
  await page.getByRole('button', { name: /张\*明/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await shot(page, 'door-temperature-high-contrast');

  await page.getByRole('link', { name: '设置' }).click();
  for (const digit of LEAD_PIN) {
    await page.getByRole('button', { name: digit, exact: true }).click();
  }
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '高对比度（户外）' }).click();
  await page.getByRole('button', { name: '大字体' }).click();
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('heading', { name: /测量体温/ }).waitFor();
  await shot(page, 'door-temperature-large-type');
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await shot(page, 'door-codes-large-type');
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await page.getByTestId('outcome').waitFor();
  await shot(page, 'door-admitted-large-type');
});

test('idle warning, drafts, offline status', async ({ page, context }) => {
  await page.clock.install();
  await importBookings(page, Date.now());
  await leaveCheckIdle(page);
  await shot(page, 'idle-warning');
  await page.clock.fastForward(31_000);
  await page.getByRole('region', { name: '未完成的检查' }).waitFor();
  await context.setOffline(true);
  await page.getByTestId('health').getByText('离线').waitFor();
  await shot(page, 'door-drafts-offline');
  await context.setOffline(false);
});
