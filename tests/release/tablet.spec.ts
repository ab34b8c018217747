/**
 * A tablet in Debian's Chromium against the release archive's server, with no network
 * but loopback (tests/release/main.ts): it enrols, records a visit at the door, syncs it,
 * and the server holds it (pulled back by a second device through the sync API).
 */
import { expect, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { admitGreenVisitor, enrolTablet, todaysBookings } from '../e2e/helpers';
import { bookingsCsv } from '../fixtures/bookings-csv';

const SITE = 'release-hall';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

test('a tablet enrols against the archive’s server and syncs a visit', async ({
  page,
  request,
}) => {
  // The app is the archive's build, served by its server.
  const shell = await request.get('/');
  expect(shell.ok()).toBe(true);
  await request.post('/api/v1/admin/sites', {
    headers: admin,
    data: { id: SITE, name: '发布大厅' },
  });
  const upload = await request.put(`/api/v1/admin/sites/${SITE}/bookings`, {
    headers: { ...admin, 'content-type': 'text/csv' },
    data: bookingsCsv(todaysBookings(Date.now())),
  });
  expect((await upload.json()).imported).toBe(3);

  await enrolTablet(request, page, SITE, `发布大厅 (${SITE})`);
  await page.getByRole('link', { name: '门岗检查' }).click();
  await admitGreenVisitor(page, /张\*明/, '36.6');
  await expect(page.getByTestId('sync-chip')).toContainText('已同步', { timeout: 30_000 });

  const code = await request.post(`/api/v1/admin/sites/${SITE}/enrolment-codes`, {
    headers: admin,
    data: {},
  });
  const enrol = await request.post('/api/v1/enrol', {
    data: { code: (await code.json()).code, deviceId: 'release-check', deviceName: 'check' },
  });
  const { token } = (await enrol.json()) as { token: string };
  const pulled = await request.get(`/api/v1/sites/${SITE}/events?after=0&limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { events } = (await pulled.json()) as { events: { type: string }[] };
  expect(events.map((e) => e.type)).toContain('visit.decided');
});
