import { expect, type Page, test } from '@playwright/test';
import { formatBookingCode } from '../../src/domain/codes/booking-code';
import { dayKey } from '../../src/domain/time';
import { fakeBluetoothScript } from './fake-bluetooth-page';
import { importBookings, recheckNow, touchCounter, wedgeBurst } from './helpers';

/**
 * The door with a Bluetooth thermometer (issue 21), on a fake `navigator.bluetooth` (see
 * fake-bluetooth-page.ts): paired from settings behind the lead PIN, a booking code read
 * by the handheld scanner (a keyboard burst), the reading sent by the thermometer and
 * confirmed with one tap.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(fakeBluetoothScript());
});

const measure = (page: Page, celsius: number) =>
  page.evaluate((c) => {
    (window as unknown as { __thermometer: { measure(c: number): void } }).__thermometer.measure(c);
  }, celsius);

async function scanBooking(page: Page, bookingId: string) {
  // The booking list's scan panel is listening (it mounts the frame after a verdict).
  await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-camera', /failed|running/);
  await wedgeBurst(page, formatBookingCode(bookingId, dayKey(Date.now())));
}

test('a booked green visitor in 4 touches with the thermometer; a 37.8 → 37.9 re-check to isolation', async ({
  page,
}) => {
  const now = await page.evaluate(() => Date.now()).catch(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('button', { name: '配对测温仪' }).click();
  await expect(page.getByText('已配对：UT-201BLE')).toBeVisible();
  await page.getByRole('link', { name: '门岗检查' }).click();
  await expect(page.getByTestId('thermometer-chip')).toContainText('测温仪');

  const touches = touchCounter();
  await scanBooking(page, 'B0001');
  await touches.tap(page.getByRole('button', { name: '已戴口罩 · 已手消毒' }));
  await expect(page.getByRole('heading', { name: /测量体温/ })).toBeVisible();
  await measure(page, 36.5);
  await touches.tap(page.getByRole('button', { name: '采用 36.5 °C' }));
  await touches.tap(page.getByRole('button', { name: '身份证与预约一致' }));
  await touches.tap(page.getByRole('button', { name: '绿码 · 行程无中高风险' }));
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
  console.log(`touches for a green booked visitor with the thermometer: ${touches.count}`);
  expect(touches.count).toBe(4);

  await scanBooking(page, 'B0002');
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await expect(page.getByRole('heading', { name: /测量体温/ })).toBeVisible();
  await measure(page, 37.8);
  await page.getByRole('button', { name: '采用 37.8 °C' }).click();
  await recheckNow(page);
  await expect(page.getByText('首次读数 37.8 °C，请休息后复测')).toBeVisible();
  await measure(page, 37.9);
  await page.getByRole('button', { name: '采用 37.9 °C' }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(page.getByTestId('outcome')).toContainText('立即隔离');
  await page.screenshot({ path: '.e2e-artifacts/screens/door-thermometer-isolation.png' });
});
