import { expect, test } from '@playwright/test';
import { importBookings, recheckNow, touchCounter } from './helpers';

test('a green visit passes in at most 5 touches, a fever visit goes to isolation, both survive a reload', async ({
  page,
}) => {
  const now = await page.evaluate(() => Date.now()).catch(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();

  // Green visitor: booked, mask on, hands done, 36.5, ID matches, green codes.
  const touches = touchCounter();
  await touches.tap(page.getByRole('button', { name: /张\*明/ }));
  await touches.tap(page.getByRole('button', { name: '已戴口罩 · 已手消毒' }));
  await touches.tap(page.getByRole('button', { name: '36.5', exact: true }));
  await touches.tap(page.getByRole('button', { name: '身份证与预约一致' }));
  await touches.tap(page.getByRole('button', { name: '绿码 · 行程无中高风险' }));
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toContainText('准许入厅');
  await expect(outcome).toContainText('A001');
  console.log(`touches for a green booked visitor: ${touches.count}`);
  expect(touches.count).toBeLessThanOrEqual(5);

  // Fever visitor: 37.9 then 38.2 on re-check.
  await page.getByRole('button', { name: /李\*/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '其他读数' }).click();
  for (const key of ['3', '7', '.', '9'])
    await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await recheckNow(page);
  await expect(page.getByText('首次读数 37.9 °C，请休息后复测')).toBeVisible();
  for (const key of ['3', '8', '.', '2'])
    await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  // A suspected case is never anonymous: the booking pre-fills, one touch.
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(outcome).toContainText('立即隔离');
  await expect(outcome).toContainText('拨打 120');

  await page.reload();
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.getByTestId('count-admitted')).toHaveText('1');
  await expect(page.getByTestId('count-isolated')).toHaveText('1');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('李*');
  await expect(rows.nth(0)).toContainText('37.9 → 38.2');
  await expect(rows.nth(1)).toContainText('张*明');
  await expect(rows.nth(1)).toContainText('A001');
  await expect(rows.nth(1)).not.toContainText('13812345678');
});
