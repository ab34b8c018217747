import { mkdirSync } from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { validIdNumber } from '../fixtures/builders';

import { recordClips } from './fake-audio';
import { heard } from './heard';
import {
  admitGreenVisitor,
  enrolTablet,
  LEAD_PIN,
  recheckNow,
  siteWithBookings,
  typeReading,
} from './helpers';

// A suspected case reaches everyone: the door isolates, a second tablet (synced) and the
// board's host are told at once, only the lead PIN clears it, the incident draft holds
// the case, and the checklist goes in order. Then the board behaves like a 叫号机: it
// speaks the calls itself (the policy names the board) and clears served and void calls.
const SITE = 'e2e-case';
const POLICY = {
  ...DEFAULT_POLICY,
  version: 'e2e-board-speaks',
  ledger: { ...DEFAULT_POLICY.ledger, closing: '23:59' },
  hours: { opening: '00:00' },
  emergency: {
    ambulance: '120',
    cdc: '0571-87654321',
    community: '0571-12345678',
    police: '110',
  },
  voice: { speaker: 'board' as const },
};
const screens = '.e2e-artifacts/screens';

const people = [
  {
    bookingId: 'C1',
    name: '张三明',
    phone: '13812345678',
    idNumber: validIdNumber('11010119900307867'),
  },
  {
    bookingId: 'C2',
    name: '李四',
    phone: '13900001111',
    idNumber: validIdNumber('33010219850512341'),
  },
  {
    bookingId: 'C3',
    name: '赵六',
    phone: '13600003333',
    idNumber: validIdNumber('51010719920214233'),
  },
];

/** Asks the tablet to sync now (as the network coming back does). */
const syncNow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

test('a suspected case reaches every tablet and the board; only the lead clears it; the board calls like a 叫号机', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  mkdirSync(screens, { recursive: true });
  await siteWithBookings(request, { id: SITE, name: 'E2E 病例' }, POLICY, people);
  const doorTablet: BrowserContext = await browser.newContext();
  const guideTablet: BrowserContext = await browser.newContext();
  await guideTablet.addInitScript(recordClips); // no speech voice: the board plays clips
  const door = await doorTablet.newPage();
  const guide = await guideTablet.newPage();
  await enrolTablet(request, door, SITE, 'e2e-board-speaks');
  await enrolTablet(request, guide, SITE, 'e2e-board-speaks');

  await door.getByRole('link', { name: '门岗检查' }).click();
  await expect(door.getByRole('button', { name: /赵\*/ })).toBeVisible({ timeout: 20_000 });
  await admitGreenVisitor(door, /张\*明/, '36.6');
  await admitGreenVisitor(door, /李\*/, '36.6');

  // The guide's tablet also hosts the board, in a second window.
  await guide.getByRole('link', { name: '引导叫号' }).click();
  const board = await guideTablet.newPage();
  await board.goto('/board');
  await guide.bringToFront();

  // The suspected case at the door: 37.9, then 38.4.
  await door.getByRole('button', { name: /赵\*/ }).click();
  await door.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await typeReading(door, '37.9');
  await recheckNow(door); // set aside to rest; re-checked now, with the reason recorded
  await typeReading(door, '38.4');
  await door.getByRole('button', { name: '身份证与预约一致' }).click(); // identity first
  const card = door.getByTestId('outcome');
  await expect(card).toContainText('立即隔离');
  // The fever card: whom to call, from the policy, and what to say.
  await expect(door.getByTestId('emergency')).toContainText('120');
  await expect(door.getByTestId('emergency')).toContainText('0571-87654321');
  await expect(door.getByTestId('emergency')).toContainText('0571-12345678');
  await expect(door.getByTestId('emergency')).toContainText('37.9 °C → 38.4 °C');
  await expect(door.getByTestId('lead-alert')).toContainText('疑似病例');
  await door.screenshot({ path: `${screens}/door-suspected-case.png` });

  // The second tablet, once synced: the red banner, the badge, and the board's host told.
  await syncNow(door);
  await expect(async () => {
    await syncNow(guide);
    await expect(guide.getByTestId('lead-alert')).toContainText('疑似病例', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(guide.getByTestId('lead-alert')).toContainText('赵*');
  await expect(guide.getByRole('link', { name: /^隔离区/ }).locator('.rail-badge')).toHaveText('1');
  await expect(board.getByTestId('board-staff-notice')).toBeVisible();
  await expect(board.getByTestId('board')).not.toContainText(/赵|疑似/);

  // The checklist in order: no hand-over before 120.
  await guide.getByRole('link', { name: /^隔离区/ }).click();
  const isolation = guide.getByTestId('isolation-case');
  await expect(isolation.getByRole('button', { name: '交接' })).toHaveCount(0);
  await expect(isolation).toContainText('救护车到达，已交接 · 等待上一步');
  await expect(isolation.getByRole('button', { name: '已拨打 120' })).toHaveCount(0);
  await isolation.getByRole('button', { name: '已带至隔离区' }).click();
  await expect(isolation.getByRole('button', { name: '交接' })).toHaveCount(0);
  await isolation.getByRole('button', { name: '已拨打 120' }).click();
  await expect(isolation.getByRole('button', { name: '交接' })).toBeVisible();
  await guide.screenshot({ path: `${screens}/guide-isolation-order.png` });

  // The incident draft for the leading group holds the case.
  await guide.getByRole('link', { name: /^事件/ }).click();
  const draft = guide
    .getByTestId('incident')
    .filter({ hasText: '疑似病例' })
    .getByTestId('incident-report');
  await expect(draft).toContainText('【防疫事件报告】疑似病例（已送隔离区）');
  await expect(draft).toContainText('人员：赵*');
  await expect(draft).toContainText('体温：37.9 °C → 38.4 °C');
  await expect(draft).toContainText('已带至隔离区');
  await expect(draft).toContainText('已拨打 120');
  await expect(draft).toContainText('待办：组长已知悉');

  // Only the lead PIN clears it: a wrong PIN leaves it, the right one acknowledges. The lead
  // who enrolled this tablet locks it first (their PIN would otherwise still hold).
  await guide.getByRole('button', { name: '锁定' }).click();
  const alert = guide.getByTestId('lead-alert');
  await alert.getByRole('button', { name: '组长已知悉' }).click();
  const gate = guide.getByRole('dialog');
  for (const digit of '1111') await gate.getByRole('button', { name: digit, exact: true }).click();
  await gate.getByRole('button', { name: '确认', exact: true }).click();
  await expect(gate.getByRole('alert')).toContainText('密码');
  await gate.getByRole('button', { name: '取消' }).click();
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: '组长已知悉' }).click();
  for (const digit of LEAD_PIN)
    await gate.getByRole('button', { name: digit, exact: true }).click();
  await gate.getByRole('button', { name: '确认', exact: true }).click();
  await gate.getByRole('button', { name: '确认知悉' }).click();
  await expect(guide.getByTestId('lead-alert')).toHaveCount(0);
  await expect(async () => {
    await syncNow(guide);
    await syncNow(door);
    await expect(door.getByTestId('lead-alert')).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(board.getByTestId('board-staff-notice')).toHaveCount(0);

  // The board as a 叫号机: it speaks the call itself (the policy names the board), the
  // guide's tablet stays silent; a served call and a void (no-show) call are cleared.
  await guide.getByRole('link', { name: '引导叫号' }).click();
  await guide.getByTestId('window-1').getByRole('button', { name: '叫下一位' }).click();
  await expect(board.getByTestId('board-ticket')).toHaveText('A001');
  const call = '请A零零一号到一号窗口办理';
  await expect.poll(() => heard(board), { timeout: 30_000 }).toBe(call + call);
  expect(await heard(guide)).toBe('');
  await board.bringToFront();
  await board.screenshot({ path: 'docs/board.png' });
  await guide.bringToFront();
  await guide.getByTestId('window-1').getByRole('button', { name: '办结' }).click();
  await expect(board.getByTestId('board-ticket')).toHaveCount(0);
  await expect(board.getByTestId('board')).not.toContainText('A001');

  await guide.getByTestId('window-2').getByRole('button', { name: '叫下一位' }).click();
  await expect(board.getByTestId('board-ticket')).toHaveText('A002');
  for (let i = 0; i < 2; i++) {
    await guide.getByTestId('window-2').getByRole('button', { name: '重呼' }).click();
    await expect(guide.getByTestId('guide-message')).toContainText(`第 ${i + 2} 次`);
  }
  await guide.getByTestId('window-2').getByRole('button', { name: '未到' }).click();
  await expect(board.getByTestId('board-ticket')).toHaveCount(0);
  await expect(board.getByTestId('board')).not.toContainText('A002');
  // Three calls of A002 said by the board: the call and two recalls, each twice (a call
  // takes about 6 s to say: 36 s of calls, one after the other).
  await expect
    .poll(async () => (await heard(board)).split('请A零零二号').length - 1, { timeout: 60_000 })
    .toBe(6);
  // Nothing on the board leads into the staff screens.
  await expect(board.getByRole('link')).toHaveCount(0);
  await expect(board.getByRole('button')).toHaveCount(0);

  await doorTablet.close();
  await guideTablet.close();
});
