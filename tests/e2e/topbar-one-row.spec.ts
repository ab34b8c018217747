import { expect, type Page, test } from '@playwright/test';
import { importBookings, LEAD_PIN } from './helpers';

// The top bar keeps one row (issue 31): in English, with the lead's Lock on show and the
// device's problems (no camera here, storage not persistent) on every screen staff use.
async function oneRow(page: Page, screen: string) {
  await page.waitForTimeout(500); // the bar's later parts (chips) mount after the first screen
  const bar = await page.locator('header.topbar').boundingBox();
  const name = await page.locator('header.topbar h1').textContent();
  expect(bar?.height, `${screen}: the top bar's height`).toBeLessThanOrEqual(80);
  expect(name, `${screen}: the hall's name whole`).toBeTruthy();
  for (const tab of await page.locator('header.topbar .tab').all())
    expect(await tab.isVisible(), `${screen}: every tab on screen`).toBe(true);
}

test('English, Lock on show and two problems: the top bar stays one row on every screen', async ({
  page,
}) => {
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('link', { name: '设置' }).click();
  for (const digit of LEAD_PIN)
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('heading', { name: '本机状态' }).waitFor();
  await page.locator('button.lang').click();
  await page.getByRole('heading', { name: 'This tablet', exact: true }).waitFor();
  await oneRow(page, 'settings');
  await page.getByRole('link', { name: 'Lead', exact: true }).click();
  await oneRow(page, 'lead');
  await page.getByRole('link', { name: 'Door', exact: true }).click();
  await expect(page.getByTestId('health')).toContainText('Camera failed');
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await oneRow(page, 'door');
  await page.getByRole('link', { name: 'Guide', exact: true }).click();
  await oneRow(page, 'guide');
  await page.screenshot({ path: 'docs/topbar-en-guide.png' });
});
