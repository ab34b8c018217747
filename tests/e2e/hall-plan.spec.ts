import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { enrolTablet, eventsOfType, unlockLead } from './helpers';

/**
 * The rest of the hall's plan across two tablets and the real server (issue 15): a staff
 * member's abnormal 12:00 re-check, a routine round, free masks against the stock, and
 * suspending on-site service.
 */
const SITE = 'e2e-hall-plan';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };
const SYNC = { timeout: 30_000 };

function todayAt(hours: number, minutes: number): number {
  const d = new Date();
  d.setHours(hours, minutes, 0, 0);
  return d.getTime();
}

async function openHallPlan(page: Page) {
  await page.getByRole('link', { name: '值班组长' }).click();
  const pin = page.getByRole('heading', { name: '需要值班组长密码' });
  await pin.or(page.getByTestId('open-hall-plan')).first().waitFor();
  if (await pin.isVisible()) await unlockLead(page, undefined, '台账');
  await page.getByTestId('open-hall-plan').click();
  await expect(page.getByRole('heading', { name: '场所管理' })).toBeVisible();
}

/** A walk-in given a free mask who then leaves: one mask out of the stock. */
async function giveFreeMask(page: Page) {
  await page.getByRole('button', { name: '无预约' }).click();
  await page.getByRole('button', { name: '是，紧急事项' }).click();
  await page.getByRole('button', { name: '未戴口罩 · 发放免费口罩' }).click();
  await page.getByRole('button', { name: '来访者离开' }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
}

test('staff re-check, rounds, masks and closing on-site service, across two tablets', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  await request.post('/api/v1/admin/sites', {
    headers: admin,
    data: { id: SITE, name: 'E2E hall plan' },
  });
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  // Both tablets just after the 12:00 check; time flows on from there.
  await a.clock.install({ time: todayAt(12, 1) });
  await b.clock.install({ time: todayAt(12, 1) });
  await enrolTablet(request, a, SITE, `E2E hall plan (${SITE})`);
  await enrolTablet(request, b, SITE, `E2E hall plan (${SITE})`);

  // The lead (tablet B) keeps the staff list and records a delivery of masks.
  await openHallPlan(b);
  await b.getByLabel('姓名').fill('张三');
  await b.getByLabel('岗位 / 窗口说明').fill('社保 3号窗口');
  await b.getByLabel('窗口号（可不填）').fill('3');
  await b.getByRole('button', { name: '添加' }).click();
  await expect(b.locator('.staff-row')).toContainText('张三');
  await b.getByLabel('数量').fill('70');
  await b.getByRole('button', { name: '登记入库' }).click();
  await expect(b.getByTestId('stock-masks')).toHaveText('70 只');
  await b.screenshot({ path: 'docs/hall-plan-lead.png' });

  // Tablet A records 张三's 12:00 readings: 37.8, then the re-check 37.9.
  await a.goto('/guide/staff');
  await a.getByRole('button', { name: /张三/ }).click(SYNC);
  await a.getByRole('button', { name: '37.8', exact: true }).click();
  const answer = a.locator('.staff-tab .message');
  await expect(answer).toContainText('请休息后复测');
  await a.getByRole('button', { name: /张三/ }).click();
  await a.getByRole('button', { name: '37.9', exact: true }).click();
  await expect(answer).toContainText('停止上岗');
  await a.screenshot({ path: 'docs/hall-plan-staff.png' });
  const measured = await eventsOfType(a, 'staff.measured', 'staff.stood-down');
  expect(measured.map((e) => e.type).sort()).toEqual([
    'staff.measured',
    'staff.measured',
    'staff.stood-down',
  ]);

  // Tablet B: the alert on every screen, and window 3 closed on the guide screen.
  await b.goto('/guide');
  await expect(b.getByTestId('lead-alert')).toContainText('工作人员体温异常', SYNC);
  await expect(b.getByTestId('lead-alert')).toContainText('张*'); // masked, as every alert
  await expect(b.getByTestId('window-3')).toContainText('窗口关闭');
  await expect(b.getByTestId('window-3').getByRole('button')).toHaveCount(0);
  await expect(b.getByTestId('window-4').getByRole('button', { name: '叫下一位' })).toBeVisible();

  // The lead clears 张三: window 3 opens again.
  await openHallPlan(b);
  await b.getByRole('button', { name: '准予上岗' }).click();
  await expect(b.getByRole('button', { name: '准予上岗' })).toHaveCount(0); // recorded
  await b.goto('/guide');
  await expect(b.getByTestId('window-3')).not.toContainText('窗口关闭');

  // A routine round ticked on tablet A shows done on tablet B.
  await a.goto('/guide/cleaning');
  await a.getByLabel('保洁员姓名').fill('陈阿姨');
  await a.getByTestId('round-12:00').getByRole('button', { name: '地面' }).click();
  await expect(a.getByTestId('round-12:00')).toContainText('✓ 地面 · 陈阿姨');
  await b.goto('/guide/cleaning');
  await expect(b.getByTestId('round-12:00')).toContainText('✓ 地面 · 陈阿姨', SYNC);
  await b.screenshot({ path: 'docs/hall-plan-round.png' });

  // 30 free masks at the door of tablet A: 70 → 40, the low-stock line (policy: 40).
  await a.getByRole('link', { name: '门岗检查' }).click();
  for (let i = 0; i < 29; i++) await giveFreeMask(a);
  // Disinfectant and thermometers were never stocked on this hall's tablets: no warning.
  await expect(a.getByTestId('low-stock')).toHaveCount(0);
  await giveFreeMask(a);
  await expect(a.getByTestId('low-stock')).toContainText('口罩剩余 40 只');
  expect(await eventsOfType(a, 'supplies.issued')).toHaveLength(30);
  await openHallPlan(b);
  await expect(b.getByTestId('stock-masks')).toHaveText('40 只', SYNC);
  await expect(b.getByTestId('lead-low-stock')).toHaveText('口罩剩余 40 只');

  // The lead suspends on-site service; the door shows the notice and turns someone away.
  await b.getByRole('button', { name: '暂停现场服务' }).click();
  await expect(b.getByTestId('lead-suspended')).toBeVisible();
  await b.screenshot({ path: 'docs/hall-plan-supplies.png' });
  await expect(a.getByTestId('closure-notice')).toBeVisible(SYNC);
  await expect(a.getByTestId('closure-notice')).toContainText('网上办理');
  await a.getByRole('button', { name: '已劝返一人' }).click();
  await expect(a.getByTestId('closure-notice')).toContainText('已劝返 1 人');
  await a.screenshot({ path: 'docs/closure-notice.png' });
  expect(await eventsOfType(a, 'hall.turned-away')).toHaveLength(1);
  await b.goto('/guide');
  await expect(b.getByTestId('guide-suspended')).toBeVisible();
  await expect(b.getByTestId('window-4').getByRole('button')).toHaveCount(0);

  // Reopening is one action; the door is back.
  await openHallPlan(b);
  await b.getByRole('button', { name: '恢复现场服务' }).click();
  await expect(a.getByTestId('closure-notice')).toHaveCount(0, SYNC);
  await expect(a.getByRole('button', { name: '无预约' })).toBeVisible();

  // The daily report, as printed, with the new sections.
  await b.getByRole('link', { name: '返回台账' }).click();
  await b.getByRole('link', { name: /日报/ }).click();
  await expect(b.getByTestId('report-staff')).toContainText('张三');
  await expect(b.getByTestId('report-staff')).toContainText('37.8 → 37.9');
  await expect(b.getByTestId('report-rounds')).toContainText('12:00');
  await expect(b.getByTestId('report-supplies')).toContainText('70');
  await expect(b.getByTestId('report-closure')).toContainText('劝返 1 人');
  await b.emulateMedia({ media: 'print' });
  await b.screenshot({ path: 'docs/report-hall-plan.png', fullPage: true });
  await first.close();
  await second.close();
});
