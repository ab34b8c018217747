import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import {
  completeSetup,
  importBookings,
  LEAD_PIN,
  leaveCheckIdle,
  openLedgerVisit,
  recheckNow,
  typeReading,
  unlockLead,
} from './helpers';

// Every screen of the app through axe-core (WCAG 2.1 A and AA): no serious or critical
// violation, with things open at once as the staff see them (issue 24).

test('first-run setup', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await expectAccessible(page, 'setup');
  await page.getByLabel('组长密码', { exact: true }).fill('1234');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expectAccessible(page, 'setup with errors');
  await page.getByRole('button', { name: 'English' }).click();
  await expectAccessible(page, 'setup in English');
  await page.getByRole('button', { name: '中文' }).click();
  await completeSetup(page);
});

test('the door, every step, and its verdicts', async ({ page }) => {
  test.setTimeout(300_000); // about 40 screens, each analysed by axe
  await importBookings(page, Date.now());
  await expectAccessible(page, 'settings');
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).waitFor();
  await expectAccessible(page, 'door: bookings');
  await page.getByRole('button', { name: /张\*明/ }).click();
  await expectAccessible(page, 'door: mask and hands');
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await expectAccessible(page, 'door: temperature');
  await page.getByRole('button', { name: '其他读数' }).click();
  await page.getByTestId('keypad-display').waitFor();
  await expectAccessible(page, 'door: temperature keypad');
  for (const key of '37.6') await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByTestId('resting-list').waitFor();
  await expectAccessible(page, 'door: resting list');
  await page.getByTestId('resting-list').getByRole('button').first().click();
  await expectAccessible(page, 'door: re-check before the rest is over');
  await page.getByRole('button', { name: '现在复测（休息未满）' }).click();
  await expectAccessible(page, 'door: reason for an early re-check');
  await page.getByRole('button', { name: '来访者不能等待' }).click();
  await page.getByTestId('keypad-display').waitFor(); // the re-check opens on the keypad
  await expectAccessible(page, 'door: re-check keypad');
  await typeReading(page, '36.8');
  await expectAccessible(page, 'door: identity');
  await page.getByRole('button', { name: '不一致 · 手动登记' }).click();
  await page.getByLabel('身份证号').fill('11010119900307867');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '登记' }).click();
  await expectAccessible(page, 'door: identity form with errors');
  await page.getByLabel('姓名').fill('张三明');
  await page.getByLabel('身份证号').fill('110101199003078670');
  await page.getByLabel('手机号').fill('13812345678');
  await page.getByRole('button', { name: '登记' }).click();
  await expectAccessible(page, 'door: health and travel codes');
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
  await expectAccessible(page, 'door: admitted verdict');

  // A walk-in with no urgent matter: refused, with the undo still offered.
  await page.getByRole('button', { name: '无预约' }).click();
  await expectAccessible(page, 'door: walk-in question');
  await page.getByRole('button', { name: '不是' }).click();
  await expect(page.getByTestId('outcome')).toContainText('不能入厅');
  await expectAccessible(page, 'door: refused verdict');

  // A fever on re-check: the isolation card at the door and the lead's alert, at once.
  await page.getByRole('button', { name: /李\*/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await typeReading(page, '37.9');
  await recheckNow(page);
  await typeReading(page, '38.4');
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(page.getByTestId('outcome')).toContainText('立即隔离');
  await page.getByTestId('lead-alert').waitFor();
  await expectAccessible(page, 'door: isolation verdict with the incident alert');

  // The same tablet's other screens, with the case still open.
  await page.getByRole('link', { name: '引导叫号' }).click();
  await page.getByRole('link', { name: /^叫号/ }).waitFor();
  await expectAccessible(page, 'guide: queue');
  await page.getByRole('button', { name: '叫下一位' }).first().click();
  await expect(page.getByText('A001').first()).toBeVisible();
  await expectAccessible(page, 'guide: a ticket called to a window');
  await page.getByRole('link', { name: /^隔离区/ }).click();
  await page.getByTestId('isolation-case').waitFor();
  await expectAccessible(page, 'guide: isolation card');
  for (const [tab, screen] of [
    [/^消毒/, 'cleaning'],
    [/^员工测温/, 'staff health'],
    [/^事件/, 'incidents'],
  ] as const) {
    await page.getByRole('link', { name: tab }).click();
    await expectAccessible(page, `guide: ${screen}`);
  }

  await page.getByRole('link', { name: '今日台账' }).click();
  await page.getByTestId('count-all').waitFor();
  await expectAccessible(page, 'log');

  await page.getByRole('link', { name: '值班组长' }).click();
  await page.getByRole('heading', { name: '需要值班组长密码' }).waitFor();
  await expectAccessible(page, 'lead PIN');
  await unlockLead(page, LEAD_PIN, '台账');
  await page.getByRole('list', { name: '当天来访记录' }).waitFor();
  await expectAccessible(page, 'lead: ledger');
  await openLedgerVisit(page, '隔离');
  await page.getByRole('button', { name: '追踪密切接触者' }).click();
  await page.getByTestId('contacts').waitFor();
  await expectAccessible(page, 'lead: a visit traced');
  await page.getByRole('link', { name: '日报' }).click();
  await page.getByRole('button', { name: '打印' }).waitFor();
  await expectAccessible(page, 'lead: daily report');
  await page.getByRole('link', { name: '值班组长' }).click();
  await page.getByRole('link', { name: '场所管理' }).click();
  await page.getByRole('heading', { name: '场所管理' }).waitFor();
  await expectAccessible(page, 'lead: hall plan');
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
  await expectAccessible(page, 'settings (lead)');
  // Long screens: what axe could not judge under the top bar is judged at the end too.
  await page.locator('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
  await expectAccessible(page, 'settings (lead), scrolled to the end');

  await page.getByRole('button', { name: '切换语言' }).click();
  await page.getByRole('link', { name: 'Door' }).click();
  await expectAccessible(page, 'door in English, isolation verdict');
  await page.getByRole('link', { name: 'Guide' }).click();
  await expectAccessible(page, 'guide in English');
  await page.getByRole('link', { name: 'Log', exact: true }).click();
  await expectAccessible(page, 'log in English');

  // The wall screen, with the call made above and the staff told of the case.
  await page.goto('/board');
  await page.getByTestId('board').waitFor();
  await expectAccessible(page, 'board');
});

test('display options: high contrast and large type', async ({ page }) => {
  await importBookings(page, Date.now());
  await page.getByRole('button', { name: '高对比度（户外）' }).click();
  await expectAccessible(page, 'settings, high contrast');
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await expectAccessible(page, 'door: temperature, high contrast');
  await page.getByRole('link', { name: '设置' }).click();
  await unlockLead(page);
  await page.getByRole('button', { name: '高对比度（户外）' }).click();
  await page.getByRole('button', { name: '大字体' }).click();
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expectAccessible(page, 'door: codes, large type');
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await page.getByTestId('outcome').waitFor();
  await expectAccessible(page, 'door: admitted verdict, large type');
});

test('the idle warning over an unfinished check', async ({ page }) => {
  await page.clock.install();
  await importBookings(page, Date.now());
  await leaveCheckIdle(page);
  await expectAccessible(page, 'idle warning');
  await page.clock.fastForward(31_000);
  await page.getByRole('region', { name: '未完成的检查' }).waitFor();
  await expectAccessible(page, 'door: unfinished checks');
});
