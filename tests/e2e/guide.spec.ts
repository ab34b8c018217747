import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { validIdNumber } from '../fixtures/builders';
import { recordClips } from './fake-audio';
import { gapsMs, heard } from './heard';
import {
  admitGreenVisitor,
  openApp,
  recheckNow,
  siteWithBookings,
  typeReading,
  unlockLead,
} from './helpers';

// The guide's day end to end, against the real server: a 2-place waiting area, calls
// heard through a speechSynthesis double, the board updating live in another window,
// and a suspected case through the isolation checklist with its cleaning ticked off.
const SITE = 'e2e-guide';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };
const POLICY = {
  ...DEFAULT_POLICY,
  version: 'e2e-two-places',
  // Closing late, so that a run in the evening is not checked out under its feet.
  queue: { ...DEFAULT_POLICY.queue, waitingPlaces: 2 },
  ledger: { ...DEFAULT_POLICY.ledger, closing: '23:59' },
};
const screens = '.e2e-artifacts/screens';

const people = [
  {
    bookingId: 'G1',
    name: '张三明',
    phone: '13812345678',
    idNumber: validIdNumber('11010119900307867'),
  },
  {
    bookingId: 'G2',
    name: '李四',
    phone: '13900001111',
    idNumber: validIdNumber('33010219850512341'),
  },
  {
    bookingId: 'G3',
    name: '王五',
    phone: '13700002222',
    idNumber: validIdNumber('44030419781106552'),
  },
  {
    bookingId: 'G4',
    name: '赵六',
    phone: '13600003333',
    idNumber: validIdNumber('51010719920214233'),
  },
];

async function setUpSite(request: APIRequestContext) {
  await siteWithBookings(request, { id: SITE, name: 'E2E 大厅' }, POLICY, people);
  const code = await request.post(`/api/v1/admin/sites/${SITE}/enrolment-codes`, {
    headers: admin,
    data: {},
  });
  return (await code.json()).code as string;
}

test('a 2-place waiting area, calls heard and shown on the board, a suspected case handed over', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  mkdirSync(screens, { recursive: true });
  const code = await setUpSite(request);
  const context = await browser.newContext();
  await context.addInitScript(recordClips); // no speech voice at all: the clips speak
  const page = await context.newPage();

  await openApp(page, '/settings');
  await unlockLead(page);
  await page.getByLabel('登记码（值班组长在服务器上生成）').fill(code);
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText('e2e-two-places', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: '门岗检查' }).click();
  await expect(page.getByRole('button', { name: /赵\*/ })).toBeVisible({ timeout: 20_000 });

  // Three admitted into two places: the third waits outside at marker 1.
  await admitGreenVisitor(page, /张\*明/, '36.6');
  await admitGreenVisitor(page, /李\*/, '36.6');
  await expect(page.getByTestId('occupancy')).toContainText('2/2');
  await expect(page.getByTestId('occupancy')).toContainText('已满');
  await admitGreenVisitor(page, /王\*/, '36.6');
  await expect(page.getByTestId('outcome-place')).toContainText('请在门外 1 号标记处等候');
  await page.screenshot({ path: `${screens}/door-wait-outside.png` });

  // The wall screen, in its own window, before any call.
  const board = await context.newPage();
  await board.goto('/board');
  await expect(board.getByTestId('board-waiting')).toHaveText('3');
  await page.bringToFront(); // a background tab gets few animation frames: clicks would crawl

  // Call next to window 3: A001 goes, A003 comes in from outside; both are said twice.
  await page.getByRole('link', { name: '引导叫号' }).click();
  await expect(page.getByRole('list', { name: '等候 3 人' })).toBeVisible();
  await page.screenshot({ path: `${screens}/guide-queue-before.png` });
  await page.getByTestId('window-3').getByRole('button', { name: '叫下一位' }).click();
  await expect(page.getByTestId('guide-message')).toHaveText(
    '已叫 A001 到 3 号窗口 · 请 A003 进入等候区',
  );
  const call = '请A零零一号到三号窗口办理';
  const callIn = '请A零零三号进入等候区';
  await expect.poll(() => heard(page), { timeout: 30_000 }).toBe(call + call + callIn + callIn);
  // One phrase: the ten clips of the call back to back, no silence over 80 ms.
  for (const gap of await gapsMs(page, 10)) expect(gap).toBeLessThanOrEqual(80);

  // The board shows it without a reload: ticket numbers only, never names.
  await expect(board.getByTestId('board-ticket')).toHaveText('A001');
  await expect(board.getByTestId('board-window')).toHaveText('请到 3 号窗口');
  await expect(board.getByTestId('board-waiting')).toHaveText('2');
  await expect(board.getByTestId('board-callin')).toContainText('A003');
  await expect(board.getByTestId('board')).not.toContainText(/张|李|王/);
  await board.bringToFront();
  await board.screenshot({ path: `${screens}/board.png` });
  await page.bringToFront();

  // Priority lane: A003 straight to window 1; then A001 served.
  await page.getByRole('button', { name: /A003/ }).click();
  await page.getByTestId('window-1').getByRole('button', { name: '叫 A003 到此窗口' }).click();
  await expect(page.getByTestId('guide-message')).toHaveText('已叫 A003 到 1 号窗口');
  await page.getByTestId('window-3').getByRole('button', { name: '办结' }).click();
  await expect(page.getByTestId('guide-message')).toHaveText('A001 已办结');
  // Like a 叫号机: a served call is cleared from the board.
  await expect(board.getByTestId('board-ticket')).toHaveText('A003');
  await expect(board.getByTestId('board')).not.toContainText('A001');
  await page.screenshot({ path: `${screens}/guide-queue.png` });

  // A suspected case: 37.9, then 38.4 on re-check.
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /赵\*/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await typeReading(page, '37.9');
  await recheckNow(page);
  await expect(page.getByText('首次读数 37.9 °C，请休息后复测')).toBeVisible();
  await typeReading(page, '38.4');
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(page.getByTestId('outcome')).toContainText('立即隔离');

  await page.getByRole('link', { name: '引导叫号' }).click();
  await page.getByRole('link', { name: /隔离区/ }).click();
  const isolation = page.getByTestId('isolation-case');
  await isolation.getByRole('button', { name: '已带至隔离区' }).click();
  await expect(page.getByTestId('isolation-occupancy')).toHaveText('隔离区 1/2 人');
  await isolation.getByRole('button', { name: '已拨打 120' }).click();
  await isolation.getByRole('button', { name: '交接' }).click();
  await expect(page.getByText('请填写接收医院')).toHaveAttribute('role', 'alert');
  await isolation.getByLabel('接收医院').fill('县人民医院');
  await page.screenshot({ path: `${screens}/guide-isolation.png` });
  await isolation.getByRole('button', { name: '交接' }).click();
  await expect(isolation).toContainText(/\d\d:\d\d · 交 县人民医院/);
  await expect(page.getByTestId('isolation-occupancy')).toHaveText('隔离区 0/2 人');

  await page.getByRole('link', { name: /消毒/ }).click();
  await page.getByLabel('保洁员姓名').fill('王师傅');
  await page.screenshot({ path: `${screens}/guide-cleaning-before.png` });
  for (const spot of ['测温点', '隔离区']) {
    await page
      .getByRole('listitem', { name: spot })
      .getByRole('button', { name: '已消毒' })
      .click();
    await expect(page.getByRole('listitem', { name: spot })).toContainText(/✓ 王师傅 · \d\d:\d\d/);
  }
  await page.screenshot({ path: `${screens}/guide-cleaning.png` });

  // An incident: the lead is alerted on every screen until acknowledged.
  await page.getByRole('link', { name: /事件/ }).click();
  await page.getByRole('button', { name: '工作人员体温异常' }).click();
  await page.getByLabel('人员（姓名或排队号）').fill('孙七');
  await page.getByLabel('单位 / 窗口').fill('社保 3号窗口');
  await page.getByLabel('体温（°C，可不填）').fill('37.8');
  await page.getByLabel('经过（简述）').fill('上岗测温异常，已安排离岗');
  await page.screenshot({ path: `${screens}/guide-incident-form.png` });
  await page.getByRole('button', { name: '记录并提醒组长' }).click();
  // The alert's one line keeps the suspected case (more urgent) and counts the new one.
  await expect(page.getByTestId('lead-alert')).toContainText('共 2 项');
  await page.getByTestId('incident').getByRole('button', { name: '已停止工作' }).click();
  await expect(
    page.getByTestId('incident').filter({ hasText: '孙七' }).getByTestId('incident-report'),
  ).toContainText('处置：');
  await page.screenshot({ path: `${screens}/guide-incidents.png` });
  // Only the lead acknowledges, with the lead PIN, asked once: the lead gave it in settings
  // (importing the bookings) and the tablet has not idled out or been locked since.
  const alerts = page.getByTestId('lead-alert');
  // One line: the suspected case (the most urgent) and the count with the staff member's.
  await expect(alerts).toContainText('疑似病例：请值班组长立即处理');
  await expect(alerts).toContainText('共 2 项');
  await alerts.getByRole('button', { name: '组长已知悉' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(alerts).toContainText('工作人员体温异常');
  await expect(alerts).not.toContainText('共 2 项');
  await alerts.getByRole('button', { name: '组长已知悉' }).click();
  await expect(page.getByTestId('lead-alert')).toHaveCount(0);

  // The same screens in English, for a look.
  await page.getByRole('button', { name: '切换语言' }).click();
  await page.getByRole('link', { name: 'Guide' }).click();
  await page.getByRole('link', { name: /Calls/ }).click();
  await expect(page.getByTestId('window-1')).toContainText('A003');
  await page.screenshot({ path: `${screens}/guide-queue-en.png` });
  await page.goto('/board');
  await expect(page.getByTestId('board-ticket')).toHaveText('A003');
  await page.screenshot({ path: `${screens}/board-en.png` });
  await page.goto('/guide/incidents');
  await expect(page.getByTestId('incident-report').first()).toContainText('Staff member abnormal');
  await page.screenshot({ path: `${screens}/guide-incidents-en.png` });
  await page.getByRole('button', { name: 'Switch language' }).click();
  await expect(page.getByRole('link', { name: '今日台账' })).toBeVisible();

  // The day's log has it all, exit times included.
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.getByTestId('count-admitted')).toHaveText('3');
  await expect(page.getByTestId('count-isolated')).toHaveText('1');
  await context.close();
});
