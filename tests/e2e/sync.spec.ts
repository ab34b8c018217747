import { expect, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { admitGreenVisitor, enrolTablet, todaysBookings, unlockLead } from './helpers';

const SITE = 'e2e-hall';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

test('a tablet offline records three visits; back online, the other tablet’s log shows them without a reload', async ({
  browser,
  request,
}) => {
  await request.post('/api/v1/admin/sites', {
    headers: admin,
    data: { id: SITE, name: 'E2E hall' },
  });
  const upload = await request.put(`/api/v1/admin/sites/${SITE}/bookings`, {
    headers: { ...admin, 'content-type': 'text/csv' },
    data: bookingsCsv(todaysBookings(Date.now())),
  });
  expect((await upload.json()).imported).toBe(3);

  const door = await browser.newContext();
  const lead = await browser.newContext();
  const a = await door.newPage();
  const b = await lead.newPage();
  await enrolTablet(request, a, SITE, `E2E hall (${SITE})`);
  await enrolTablet(request, b, SITE, `E2E hall (${SITE})`);

  // Tablet A has the bookings from the server, then loses the network.
  await a.getByRole('link', { name: '门岗检查' }).click();
  await expect(a.getByRole('button', { name: /王\*/ })).toBeVisible({ timeout: 20_000 });
  await door.setOffline(true);
  await admitGreenVisitor(a, /张\*明/, '36.6');
  await admitGreenVisitor(a, /李\*/, '36.6');
  // Booked an hour later: too early. Told when to come in; no visit, the booking stays.
  await a.getByRole('button', { name: /王\*/ }).click();
  await expect(a.getByTestId('outcome')).toContainText('请稍后再来');
  await expect(a.getByTestId('sync-chip')).toContainText(/离线|仅在本机/);

  await b.getByRole('link', { name: '今日台账' }).click();
  await expect(b.getByTestId('count-all')).toHaveText('0');

  await door.setOffline(false);
  await expect(a.getByTestId('sync-chip')).toContainText('已同步', { timeout: 20_000 });
  await expect(b.getByTestId('count-all')).toHaveText('2', { timeout: 30_000 });
  await expect(b.getByTestId('count-admitted')).toHaveText('2');
  await expect(b.getByTestId('count-refused')).toHaveText('0');
  await expect(b.locator('tbody tr')).toHaveCount(2);
  await expect(b.locator('tbody')).toContainText('A002');
  await b.screenshot({ path: '.e2e-artifacts/screens/log-synced.png' });
  await a.goto('/settings');
  await unlockLead(a);
  // The day's list came by day from the server: the lead sees it held on the tablet.
  await expect(a.getByTestId('held-bookings').getByRole('listitem').first()).toHaveText('今天3');
  await a.screenshot({ path: '.e2e-artifacts/screens/settings-enrolled.png', fullPage: true });
  await door.close();
  await lead.close();
});
