import { expect, type Page, type Route, test } from '@playwright/test';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { validIdNumber } from '../fixtures/builders';
import {
  admitGreenVisitor,
  enrolTablet,
  recheckNow,
  siteWithBookings,
  typeReading,
} from './helpers';
import { storedEvents } from './stored-events';

// Issue 23: a tablet wiped or replaced mid-day. What it had not pushed is shown (and
// counted right) while it exists only there; a second tablet enrolled for the same door
// takes the day over from the server before its first visit: no ticket number twice, the
// resting visitor and the open isolation case are on it.
const SITE = 'e2e-wiped';
const POLICY = {
  ...DEFAULT_POLICY,
  version: 'e2e-wiped',
  ledger: { ...DEFAULT_POLICY.ledger, closing: '23:59' },
  hours: { opening: '00:00' },
};
const people = [
  { bookingId: 'W1', name: '张三明', phone: '13812345678' },
  {
    bookingId: 'W2',
    name: '李四',
    phone: '13900001111',
    idNumber: validIdNumber('33010219850512341'),
  },
  {
    bookingId: 'W3',
    name: '赵六',
    phone: '13600003333',
    idNumber: validIdNumber('51010719920214233'),
  },
  {
    bookingId: 'W4',
    name: '王五',
    phone: '13700002222',
    idNumber: validIdNumber('11010119900307867'),
  },
];
const syncNow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

test('a replacement tablet takes over the door’s day before its first visit; the old one counted what only it held', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await siteWithBookings(request, { id: SITE, name: 'E2E 换机' }, POLICY, people);
  const oldTablet = await browser.newContext();
  const a = await oldTablet.newPage();
  await enrolTablet(request, a, SITE, 'e2e-wiped');
  await a.getByRole('link', { name: '门岗检查' }).click();
  await expect(a.getByRole('button', { name: /王\*/ })).toBeVisible({ timeout: 20_000 });

  // Online, a verdict reaches the server within seconds (not at the next timed round).
  await expect(a.getByTestId('sync-chip')).toContainText('已同步', { timeout: 20_000 });
  await admitGreenVisitor(a, /张\*明/, '36.6');
  await expect(a.getByTestId('outcome')).toContainText('A001');
  await expect(a.getByTestId('sync-chip')).toContainText('已同步', { timeout: 5_000 });
  await expect(a.getByTestId('sync-chip')).not.toContainText('仅在本机');

  // Offline: an isolation case and a resting visitor exist only on this tablet, counted.
  const held = (await storedEvents(a)).length;
  await oldTablet.setOffline(true);
  await a.getByRole('button', { name: /赵\*/ }).click();
  await a.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await typeReading(a, '37.9');
  await recheckNow(a);
  await typeReading(a, '38.4');
  await a.getByRole('button', { name: '身份证与预约一致' }).click();
  await expect(a.getByTestId('outcome')).toContainText('立即隔离');
  await a.getByRole('button', { name: /李\*/ }).click();
  await a.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await typeReading(a, '37.8');
  await expect(a.getByTestId('resting-list')).toContainText('李*');
  const onlyHere = (await storedEvents(a)).length - held;
  expect(onlyHere).toBeGreaterThan(10);
  // The chip counts visitors (staff think in people): the isolated one and the resting one.
  await expect(a.getByTestId('sync-chip')).toContainText('仅在本机 2 人');
  await expect(a.getByTestId('sync-since')).toContainText('最早');

  // Back online: all of it reaches the server; then the tablet is "wiped".
  await oldTablet.setOffline(false);
  await syncNow(a);
  await expect(a.getByTestId('sync-chip')).toContainText('已同步', { timeout: 20_000 });
  await oldTablet.close();

  // The replacement: a new browser profile, enrolled for the same door (letter A). Its pull
  // of events is held back, so the take-over gate is seen before the day arrives.
  const replacement = await browser.newContext({ serviceWorkers: 'block' });
  const b = await replacement.newPage();
  const held_back: Route[] = [];
  let holding = true;
  await b.route('**/api/v1/sites/*/events?*', (route) => {
    if (holding && route.request().method() === 'GET') held_back.push(route);
    else void route.continue();
  });
  await enrolTablet(request, b, SITE, 'e2e-wiped');
  await b.getByRole('link', { name: '门岗检查' }).click();
  await expect(b.getByText('正在从服务器取回今天的记录…')).toBeVisible();
  await expect(b.getByRole('searchbox')).toHaveCount(0);
  await expect(b.getByRole('button', { name: /王\*/ })).toHaveCount(0);
  await b.screenshot({ path: '.e2e-artifacts/screens/door-take-over.png' });

  holding = false;
  for (const route of held_back.splice(0)) await route.continue();
  await expect(b.getByText('正在从服务器取回今天的记录…')).toHaveCount(0, { timeout: 20_000 });
  await expect(b.getByTestId('resting-list')).toContainText('李*', { timeout: 20_000 });
  await expect(b.getByTestId('lead-alert')).toContainText('疑似病例');
  await expect(b.getByRole('button', { name: /王\*/ })).toBeVisible({ timeout: 20_000 });
  await expect(b.getByRole('button', { name: /张\*明/ })).toHaveCount(0); // already in
  await admitGreenVisitor(b, /王\*/, '36.6');
  await expect(b.getByTestId('outcome')).toContainText('A002');
  await b.getByRole('link', { name: '引导叫号' }).click();
  await expect(b.getByRole('link', { name: /^隔离区/ }).locator('.rail-badge')).toHaveText('1');
  await replacement.close();
});
