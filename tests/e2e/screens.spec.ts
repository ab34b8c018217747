import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { importBookings, LEAD_PIN, openLedgerVisit, recheckNow, unlockLead } from './helpers';

// Screenshots of every screen at 1280×800, for people to look at (not asserted).
const dir = '.e2e-artifacts/screens';

test('screens', async ({ page }) => {
  // Every step's buttons settle (src/ui/settle.tsx) and the re-check goes through the
  // resting list: the tour of every screen takes longer than the default 30 s.
  test.setTimeout(90_000);
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: `${dir}/${name}.png` });
  const now = Date.now();
  await importBookings(page, now);
  await shot('settings');
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).waitFor();
  await shot('door-start');
  await page.getByRole('button', { name: /张\*明/ }).click();
  await shot('door-mask');
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await shot('door-temperature');
  await page.getByRole('button', { name: '其他读数' }).click();
  for (const key of ['3', '7', '.', '6'])
    await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByTestId('resting-list').waitFor();
  await shot('door-resting');
  await recheckNow(page);
  await page.getByText('体温复测').waitFor();
  await shot('door-recheck');
  await page.getByRole('button', { name: '36.0–37.2' }).click();
  await page.getByRole('button', { name: '36.8', exact: true }).click();
  await shot('door-identity');
  await page.getByRole('button', { name: '不一致 · 手动登记' }).click();
  await page.getByLabel('身份证号').fill('11010119900307867');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '登记' }).click();
  await shot('door-identity-errors');
  await page.getByLabel('姓名').fill('张三明');
  await page.getByLabel('身份证号').fill('110101199003078670');
  await page.getByLabel('手机号').fill('13812345678');
  await page.getByRole('button', { name: '登记' }).click();
  await shot('door-codes');
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await page.getByTestId('outcome').waitFor();
  await shot('door-admitted');
  await page.getByRole('button', { name: /李\*/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '其他读数' }).click();
  for (const key of ['3', '8', '.', '5', '.'])
    await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await shot('door-keypad-error');
  await page.getByRole('button', { name: '清除' }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  // 38.5 recorded: the visitor rests; re-checked early (with the reason) at 38.9.
  await recheckNow(page);
  for (const key of ['3', '8', '.', '9'])
    await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await page.getByTestId('outcome').waitFor();
  await shot('door-isolated');
  await page.getByRole('button', { name: '无预约' }).click();
  await page.getByRole('button', { name: '不是' }).click();
  await shot('door-refused');
  await page.getByRole('link', { name: '今日台账' }).click();
  await page.getByTestId('count-all').waitFor();
  await shot('log');
  await page.getByRole('link', { name: '值班组长' }).click();
  await unlockLead(page, undefined, '台账');
  await page.getByRole('list', { name: '当天来访记录' }).waitFor();
  await shot('lead');
  await openLedgerVisit(page, '隔离');
  await page.getByRole('button', { name: '追踪密切接触者' }).click();
  await page.getByTestId('contacts').waitFor();
  await shot('lead-trace');
  await page.getByRole('button', { name: '显示完整信息' }).click();
  await page.getByText('正在显示完整个人信息').waitFor();
  await shot('lead-revealed');
  // Unselect: the detail shows the day's record of personal data and the staff tracing.
  await page.getByRole('link', { name: '日报' }).click();
  await page.getByRole('button', { name: '打印' }).waitFor();
  await page.getByRole('link', { name: '值班组长' }).click();
  await page.getByRole('heading', { name: '个人信息操作记录' }).waitFor();
  await shot('lead-record');
  await page.getByRole('button', { name: '追踪工作人员' }).click();
  await page.getByLabel('工作人员姓名').fill('李四');
  await page.getByLabel('在场结束').fill('23:59');
  await shot('lead-staff-form');
  await page.getByRole('button', { name: '开始追踪' }).click();
  await page.getByTestId('contacts').waitFor();
  await shot('lead-staff-trace');
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('heading', { name: '个人信息保留' }).scrollIntoViewIfNeeded();
  await shot('settings-lead');
  await page.getByRole('link', { name: '值班组长' }).click();
  await page.getByRole('link', { name: '日报' }).click();
  await page.getByRole('button', { name: '打印' }).waitFor();
  await shot('lead-report');
  await page.getByRole('link', { name: '今日台账' }).click();
  await page.getByRole('button', { name: '切换语言' }).click();
  await page.getByRole('link', { name: 'Log', exact: true }).waitFor();
  await shot('log-en');
  await page.getByRole('link', { name: 'Lead', exact: true }).click();
  for (const digit of LEAD_PIN)
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('button', { name: 'Trace a staff member' }).waitFor();
  await shot('lead-en');
  await page
    .getByRole('button', { name: '切换语言' })
    .or(page.getByRole('button', { name: 'Switch language' }))
    .click();
});
