import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { enrolTablet, eventsOfType } from './helpers';

/**
 * A refusal tapped by mistake and undone leaves no incident open on any tablet (issue
 * 24): the door's undo withdraws what the refusal raised, the withdrawal syncs, and the
 * lead's alert on the other tablet goes away; refused again and undone again, never two.
 */
const SITE = 'e2e-incident-undo';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };
const SYNC = { timeout: 30_000 };

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function refuseMask(door: Page) {
  await button(door, '无预约').click();
  await button(door, '是，紧急事项').click();
  await button(door, '拒绝戴口罩').click();
  await expect(door.getByTestId('outcome')).toContainText('拒绝戴口罩');
}

test('a refusal undone at the door withdraws its incident on every tablet after sync', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await request.post('/api/v1/admin/sites', {
    headers: admin,
    data: { id: SITE, name: 'E2E incident undo' },
  });
  const door = await (await browser.newContext()).newPage();
  const guide = await (await browser.newContext()).newPage();
  // The door's clock stands still (timers run): the 10-second undo waits for the sync.
  await door.clock.setFixedTime(Date.now());
  await enrolTablet(request, door, SITE, `E2E incident undo (${SITE})`);
  await enrolTablet(request, guide, SITE, `E2E incident undo (${SITE})`);
  await door.getByRole('link', { name: '门岗检查' }).click();
  await guide.goto('/guide');

  await refuseMask(door);
  const alert = guide.getByTestId('lead-alert');
  await expect(alert).toContainText('拒绝配合防疫措施', SYNC);

  // The mis-tap undone: the alert leaves the door at once, and the guide once synced.
  await door.getByTestId('undo').click();
  await expect(door.getByRole('button', { name: '已戴口罩 · 已手消毒' })).toBeVisible();
  await expect(door.getByTestId('lead-alert')).toHaveCount(0);
  await expect(alert).toHaveCount(0, SYNC);

  // Refused again and undone again: one incident at a time, none left.
  await button(door, '拒绝戴口罩').click();
  await expect(door.getByTestId('lead-alert')).toContainText('拒绝配合防疫措施');
  await expect(door.getByTestId('lead-alert')).not.toContainText('共 2 项');
  await expect(alert).toContainText('拒绝配合防疫措施', SYNC);
  await expect(alert).not.toContainText('共 2 项');
  await door.getByTestId('undo').click();
  await button(door, '已戴口罩 · 已手消毒').click();
  await expect(door.getByTestId('lead-alert')).toHaveCount(0);
  await expect(alert).toHaveCount(0, SYNC);

  // The ledger keeps what happened: both reports and both withdrawals, on both tablets.
  for (const tablet of [door, guide]) {
    await expect
      .poll(
        async () =>
          (await eventsOfType(tablet, 'incident.reported', 'incident.withdrawn'))
            .map((e) => e.type)
            .sort(),
        SYNC,
      )
      .toEqual([
        'incident.reported',
        'incident.reported',
        'incident.withdrawn',
        'incident.withdrawn',
      ]);
  }
});
