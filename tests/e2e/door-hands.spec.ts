import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEFAULT_TAP_SETTLE_MS } from '../../src/ui/settle';
import { validIdNumber } from '../fixtures/builders';
import {
  admitGreenVisitor,
  hallClockFollowsPage,
  importBookings,
  passTime,
  recheckNow,
} from './helpers';

/**
 * The door under real hands (issue 12): gloved staff double- and triple-tap. Every tap
 * is a touch at the same spot (page.touchscreen.tap), 150 ms apart for a double tap and
 * 100 ms for a triple, so the extra taps land on whatever the first one brought on
 * screen. The stored events are asserted, not only the screen.
 */
test.use({ hasTouch: true });
// On a loaded machine the test's own taps can drift past the settle time (ghostTap notes
// it as "tap-drift"): those taps are deliberate, not ghosts, and may act. A retry tells a
// drifted run from a real ghost tap, which fails every time.
test.describe.configure({ retries: 2 });

const screens = 'docs';
mkdirSync(screens, { recursive: true });

type StoredEvent = { type: string; visit?: string; data: Record<string, unknown> };

async function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('checkpoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            const events = all.result as (StoredEvent & { at: number; seq: number })[];
            resolve(events.sort((a, b) => a.at - b.at || a.seq - b.seq));
            open.result.close();
          };
        };
      }),
  );
}

/**
 * Taps `times` times at the centre of the button once it can be tapped, `gap` ms apart.
 * On a loaded machine the taps drift apart; once the last one is sent a settle time or
 * more after the first, the app may rightly take it for a deliberate tap. That is noted
 * on the test (annotation "tap-drift"), so a failure that follows shows its likely cause.
 */
async function ghostTap(page: Page, target: Locator, times: number, gap: number) {
  await expect(target).toBeEnabled();
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const first = Date.now();
  let last = first;
  for (let i = 0; i < times; i++) {
    if (i > 0) await page.waitForTimeout(gap);
    last = Date.now();
    await page.touchscreen.tap(x, y);
  }
  if (last - first >= DEFAULT_TAP_SETTLE_MS) {
    const description = `${times} taps meant ${gap} ms apart were sent over ${last - first} ms (settle ${DEFAULT_TAP_SETTLE_MS} ms): the last may count as a deliberate tap`;
    test.info().annotations.push({ type: 'tap-drift', description });
    console.warn(description);
  }
}

/** The stored events of a booked visitor admitted on the green path, in order. */
const BOOKED_GREEN_PATH = [
  'visit.opened',
  'appointment.matched',
  'mask.checked',
  'hands.disinfected',
  'temperature.measured',
  'identity.confirmed',
  'health-code.checked',
  'travel-code.checked',
  'visit.decided',
];

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

for (const [times, gap] of [
  [2, 150],
  [3, 100],
] as const) {
  test(`every button of the booked green path tapped ${times}× ${gap} ms apart: one visit, admitted, nothing extra`, async ({
    page,
  }) => {
    const now = await page.evaluate(() => Date.now());
    await importBookings(page, now);
    await page.getByRole('link', { name: '门岗检查' }).click();
    for (const name of [
      /张\*明/,
      '已戴口罩 · 已手消毒',
      '36.5',
      '身份证与预约一致',
      '绿码 · 行程无中高风险',
    ] as const) {
      await ghostTap(page, button(page, name), times, gap);
    }
    const outcome = page.getByTestId('outcome');
    await expect(outcome).toContainText('准许入厅');
    await page.waitForTimeout(600); // any late ghost would have been recorded by now
    const events = await storedEvents(page);
    const visits = new Set(events.flatMap((e) => (e.visit ? [e.visit] : [])));
    expect(visits.size).toBe(1);
    const types = events.filter((e) => e.visit).map((e) => e.type);
    expect(types).toEqual(BOOKED_GREEN_PATH);
    const decided = events.find((e) => e.type === 'visit.decided');
    expect(decided?.data.outcome).toMatchObject({ kind: 'admitted' });
    expect(events.find((e) => e.type === 'health-code.checked')?.data.colour).toBe('green');
    // The start screen after the verdict: the next bookings, untouched by the ghosts.
    await expect(button(page, /李\*/)).toBeVisible();
    if (times === 2) await outcome.screenshot({ path: `${screens}/verdict-admitted.png` });
  });
}

test('free mask, mask refused and a walk-in isolation under double taps; identity before the case closes; the guide completes it', async ({
  page,
}) => {
  const now = await page.evaluate(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();

  // Free mask: counted once, given.
  await ghostTap(page, button(page, /张\*明/), 2, 150);
  await ghostTap(page, button(page, '未戴口罩 · 发放免费口罩'), 2, 150);
  await ghostTap(page, button(page, '已手消毒'), 2, 150);
  await ghostTap(page, button(page, '36.5'), 2, 150);
  await ghostTap(page, button(page, '身份证与预约一致'), 2, 150);
  await ghostTap(page, button(page, '绿码 · 行程无中高风险'), 2, 150);
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');

  // Mask refused: a refusal with the duty lead alerted, no mask counted.
  await ghostTap(page, button(page, /李\*/), 2, 150);
  await ghostTap(page, button(page, '拒绝戴口罩'), 3, 100);
  const refused = page.getByTestId('outcome');
  await expect(refused).toContainText('拒绝戴口罩');
  await expect(refused).toHaveAttribute('data-severity', 'refused');
  await expect(page.getByTestId('lead-alert')).toContainText('拒绝配合防疫措施');
  await refused.screenshot({ path: `${screens}/verdict-refused.png` });
  await page.getByRole('button', { name: '下一位' }).click();

  // Walk-in, urgent, fever at the re-check: isolated only once who it is is typed.
  await ghostTap(page, button(page, '无预约'), 2, 150);
  await ghostTap(page, button(page, '是，紧急事项'), 2, 150);
  await ghostTap(page, button(page, '已戴口罩 · 已手消毒'), 2, 150);
  await keypadReading(page, '37.9', 2, 150);
  await expect(page.getByTestId('resting-list')).toContainText('37.9 °C');
  await page.screenshot({ path: `${screens}/door-resting.png` });
  await recheckNow(page);
  await keypadReading(page, '38.4', 2, 150, true);
  await expect(page.getByRole('heading', { name: /登记身份（必须）/ })).toBeVisible();
  await page.getByLabel('姓名').fill('赵六');
  await page.getByLabel('身份证号').fill('110101199003078670');
  await page.getByLabel(/手机号/).fill('0571-88888888');
  await ghostTap(page, button(page, '登记'), 2, 150);
  const isolated = page.getByTestId('outcome');
  await expect(isolated).toContainText('立即隔离');
  await expect(isolated).toHaveAttribute('data-severity', 'alarm');
  await isolated.screenshot({ path: `${screens}/verdict-isolated.png` });
  await button(page, '已知晓 · 停止警报').click();

  const events = await storedEvents(page);
  const masks = events.filter((e) => e.type === 'mask.checked').map((e) => e.data.status);
  expect(masks).toEqual(['given', 'refused', 'worn']);
  const identity = events.filter((e) => e.type === 'identity.confirmed').at(-1);
  expect(identity?.data).toMatchObject({ name: '赵六', phone: '0571-88888888' });
  const outcomes = events.filter((e) => e.type === 'visit.decided').map((e) => e.data.outcome);
  expect(outcomes).toEqual([
    expect.objectContaining({ kind: 'admitted' }),
    { kind: 'refused', reason: 'mask-refused' },
    { kind: 'isolated' },
  ]);

  // A second suspected case refuses to give identity: recorded, and the lead alerted.
  await button(page, '下一位').click();
  await button(page, '无预约').click();
  await button(page, '是，紧急事项').click();
  await button(page, '已戴口罩 · 已手消毒').click();
  await keypadReading(page, '38.0', 1, 0);
  await recheckNow(page);
  await keypadReading(page, '38.1', 1, 0, true);
  await button(page, '来访者拒绝提供身份').click();
  await ghostTap(page, button(page, '确认'), 2, 150);
  await expect(page.getByTestId('outcome')).toContainText('立即隔离');
  await expect(page.getByTestId('lead-alert')).toHaveCount(1);
  expect((await storedEvents(page)).filter((e) => e.type === 'identity.refused')).toHaveLength(1);

  // The guide adds who it was from the isolation checklist; the ledger shows it.
  await page.getByRole('link', { name: '引导叫号' }).click();
  await page.getByRole('link', { name: /隔离区/ }).click();
  const unknown = page.getByTestId('isolation-identity').filter({ hasText: '拒绝提供身份' });
  await unknown.getByRole('button', { name: '补登身份' }).click();
  await unknown.getByLabel('姓名').fill('钱七');
  await unknown.getByLabel('身份证号').fill('110101199003078670');
  await unknown.getByLabel(/手机号/).fill('13912345678');
  await unknown.getByRole('button', { name: '保存身份' }).click();
  await expect(page.getByText('身份已登记')).toBeVisible();
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.locator('tbody')).toContainText('钱*');
});

test('a person sent home comes back as a walk-in: red banner, refused, the lead alerted; an early booking is told the time', async ({
  page,
}) => {
  const now = await page.evaluate(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();

  // 王五 is booked an hour from now: told when to come in, no visit, booking kept.
  await button(page, /王\*/).click();
  const comeBack = page.getByTestId('outcome');
  await expect(comeBack).toHaveAttribute('data-severity', 'come-back');
  await comeBack.screenshot({ path: `${screens}/verdict-come-back.png` });
  await button(page, '下一位').click();
  await expect(button(page, /王\*/)).toBeVisible();

  // 张三明: 37.4 twice → home observation (identity from the booking).
  await button(page, /张\*明/).click();
  await button(page, '已戴口罩 · 已手消毒').click();
  await keypadReading(page, '37.4', 1, 0);
  await recheckNow(page);
  await keypadReading(page, '37.4', 1, 0, true);
  await button(page, '身份证与预约一致').click();
  await expect(page.getByTestId('outcome')).toContainText('居家医学观察');
  await button(page, '下一位').click();

  // Back 20 minutes later as a walk-in, with a normal reading: the ID number matches.
  await button(page, '无预约').click();
  await button(page, '是，紧急事项').click();
  await button(page, '已戴口罩 · 已手消毒').click();
  await button(page, '36.5').click();
  await page.getByLabel('姓名').fill('张三明');
  await page.getByLabel('身份证号').fill('110101199003078670');
  await page.getByLabel(/手机号/).fill('13812345678');
  await button(page, '登记').click();
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toContainText('今天已被劝返');
  await expect(page.getByTestId('returnee-banner')).toContainText('劝返居家观察');
  await expect(page.getByTestId('lead-alert')).toContainText('当天已劝返人员再次到来');
  await outcome.screenshot({ path: `${screens}/verdict-returnee.png` });
});

/**
 * Types a reading on the keypad: the first reading opens it from the common readings
 * ("其他读数"), the re-check shows it already.
 */
async function keypadReading(
  page: Page,
  celsius: string,
  times: number,
  gap: number,
  keypadOpen = false,
) {
  if (!keypadOpen) await button(page, '其他读数').click();
  for (const key of celsius) await button(page, key).click();
  await ghostTap(page, button(page, '确认'), times, gap);
}

/**
 * The stored events of the only visit once its verdict is on screen: one visit, one
 * verdict, and exactly the `expected` event types (a ghost tap would add one).
 */
async function theOneVisit(page: Page, expected: string[]) {
  await page.waitForTimeout(600); // any late ghost would have been recorded by now
  const events = (await storedEvents(page)).filter((e) => e.visit);
  expect(new Set(events.map((e) => e.visit)).size).toBe(1);
  expect(events.map((e) => e.type)).toEqual(expected);
  const decided = events.filter((e) => e.type === 'visit.decided');
  expect(decided).toHaveLength(1);
  return { events, outcome: decided[0]?.data.outcome };
}

/** A booked 张三明 up to the temperature step, every button ghost-tapped. */
async function bookedToTemperature(page: Page, times: number, gap: number) {
  const now = await page.evaluate(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();
  await ghostTap(page, button(page, /张\*明/), times, gap);
  await ghostTap(page, button(page, '已戴口罩 · 已手消毒'), times, gap);
}

const bookedOpening = ['visit.opened', 'appointment.matched', 'mask.checked', 'hands.disinfected'];

for (const [times, gap] of [
  [2, 150],
  [3, 100],
] as const) {
  test(`re-check 37.4 then 37.4 under ${times}× taps ${gap} ms apart: rests, then home observation, one verdict`, async ({
    page,
  }) => {
    await bookedToTemperature(page, times, gap);
    await keypadReading(page, '37.4', times, gap);
    await expect(page.getByTestId('resting-list')).toContainText('37.4 °C');
    await recheckNow(page);
    await keypadReading(page, '37.4', times, gap, true);
    await ghostTap(page, button(page, '身份证与预约一致'), times, gap);
    await expect(page.getByTestId('outcome')).toContainText('居家医学观察');
    const { events, outcome } = await theOneVisit(page, [
      ...bookedOpening,
      'temperature.measured',
      'temperature.rest-skipped',
      'symptoms.reported',
      'temperature.measured',
      'identity.confirmed',
      'visit.decided',
    ]);
    expect(outcome).toEqual({ kind: 'refused', reason: 'home-observation' });
    const readings = events.filter((e) => e.type === 'temperature.measured');
    expect(readings.map((e) => e.data.celsius)).toEqual([37.4, 37.4]);
    await expect(page.getByTestId('resting-list')).toHaveCount(0);
  });

  test(`re-check 37.8 under ${times}× taps ${gap} ms apart: isolated with the booking's identity, one verdict`, async ({
    page,
  }) => {
    await bookedToTemperature(page, times, gap);
    await keypadReading(page, '37.8', times, gap);
    await expect(page.getByTestId('resting-list')).toContainText('37.8 °C');
    await recheckNow(page);
    await keypadReading(page, '37.8', times, gap, true);
    await ghostTap(page, button(page, '身份证与预约一致'), times, gap);
    const outcome = page.getByTestId('outcome');
    await expect(outcome).toContainText('立即隔离');
    await expect(outcome).toHaveAttribute('data-severity', 'alarm');
    const stored = await theOneVisit(page, [
      ...bookedOpening,
      'temperature.measured',
      'temperature.rest-skipped',
      'symptoms.reported',
      'temperature.measured',
      'identity.confirmed',
      'visit.decided',
    ]);
    expect(stored.outcome).toEqual({ kind: 'isolated' });
    const identity = stored.events.find((e) => e.type === 'identity.confirmed');
    expect(identity?.data).toMatchObject({ name: '张三明' });
  });

  test(`a dry cough under ${times}× taps ${gap} ms apart: fever clinic with a normal reading, one verdict`, async ({
    page,
  }) => {
    await bookedToTemperature(page, times, gap);
    const cough = button(page, '干咳');
    await ghostTap(page, cough, times, gap);
    await expect(cough).toHaveAttribute('aria-pressed', 'true');
    await ghostTap(page, button(page, '36.5'), times, gap);
    await ghostTap(page, button(page, '身份证与预约一致'), times, gap);
    await expect(page.getByTestId('outcome')).toContainText('发热门诊');
    const { events, outcome } = await theOneVisit(page, [
      ...bookedOpening,
      'symptoms.reported',
      'temperature.measured',
      'identity.confirmed',
      'visit.decided',
    ]);
    expect(outcome).toEqual({ kind: 'refused', reason: 'fever-clinic' });
    expect(events.find((e) => e.type === 'symptoms.reported')?.data).toEqual({
      cough: true,
      breathing: false,
      other: false,
    });
  });

  test(`medium-risk travel under ${times}× taps ${gap} ms apart: refused, one verdict`, async ({
    page,
  }) => {
    await bookedToTemperature(page, times, gap);
    await ghostTap(page, button(page, '36.5'), times, gap);
    await ghostTap(page, button(page, '身份证与预约一致'), times, gap);
    await ghostTap(page, button(page, '绿码'), times, gap);
    await ghostTap(page, button(page, '有中高风险地区旅居史'), times, gap);
    const outcome = page.getByTestId('outcome');
    await expect(outcome).toContainText('有中高风险地区旅居史');
    await expect(outcome).toHaveAttribute('data-severity', 'refused');
    const { events, outcome: stored } = await theOneVisit(page, [
      ...bookedOpening,
      'temperature.measured',
      'identity.confirmed',
      'health-code.checked',
      'travel-code.checked',
      'visit.decided',
    ]);
    expect(stored).toEqual({ kind: 'refused', reason: 'risk-area-travel' });
    expect(events.find((e) => e.type === 'health-code.checked')?.data.colour).toBe('green');
    expect(events.find((e) => e.type === 'travel-code.checked')?.data.riskArea).toBe(true);
  });

  test(`an urgent walk-in under ${times}× taps ${gap} ms apart: identity typed, admitted, one verdict`, async ({
    page,
  }) => {
    const now = await page.evaluate(() => Date.now());
    await importBookings(page, now);
    await page.getByRole('link', { name: '门岗检查' }).click();
    await ghostTap(page, button(page, '无预约'), times, gap);
    await ghostTap(page, button(page, '是，紧急事项'), times, gap);
    await ghostTap(page, button(page, '已戴口罩 · 已手消毒'), times, gap);
    await ghostTap(page, button(page, '36.5'), times, gap);
    await page.getByLabel('姓名').fill('孙八');
    await page.getByLabel('身份证号').fill(validIdNumber('44030419880515123'));
    await page.getByLabel(/手机号/).fill('13600003333');
    await ghostTap(page, button(page, '登记'), times, gap);
    await ghostTap(page, button(page, '绿码 · 行程无中高风险'), times, gap);
    await expect(page.getByTestId('outcome')).toContainText('准许入厅');
    const { events, outcome } = await theOneVisit(page, [
      'visit.opened',
      'appointment.walk-in',
      'mask.checked',
      'hands.disinfected',
      'temperature.measured',
      'identity.confirmed',
      'health-code.checked',
      'travel-code.checked',
      'visit.decided',
    ]);
    expect(outcome).toMatchObject({ kind: 'admitted' });
    expect(events.find((e) => e.type === 'appointment.walk-in')?.data).toEqual({ urgent: true });
    expect(events.find((e) => e.type === 'identity.confirmed')?.data).toMatchObject({
      name: '孙八',
      phone: '13600003333',
    });
  });
}

test('while one visitor rests before the re-check, two others are admitted; the resting one resumes and is admitted', async ({
  page,
}) => {
  const now = await page.evaluate(() => Date.now());
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();

  // 张三明 reads 37.4: set aside to rest, the door is free for the next visitor.
  await button(page, /张\*明/).click();
  await button(page, '已戴口罩 · 已手消毒').click();
  await keypadReading(page, '37.4', 1, 0);
  const resting = page.getByTestId('resting-list');
  await expect(resting).toContainText('37.4 °C');

  // 李四 (booked) and an urgent walk-in go through meanwhile.
  await admitGreenVisitor(page, /李\*/);
  await expect(resting).toContainText('37.4 °C');
  await button(page, '无预约').click();
  await button(page, '是，紧急事项').click();
  await button(page, '已戴口罩 · 已手消毒').click();
  await button(page, '36.5').click();
  await page.getByLabel('姓名').fill('孙八');
  await page.getByLabel('身份证号').fill(validIdNumber('44030419880515123'));
  await page.getByLabel(/手机号/).fill('13600003333');
  await button(page, '登记').click();
  await button(page, '绿码 · 行程无中高风险').click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
  await expect(resting).toContainText('37.4 °C');

  // 张三明 resumes at the re-check: normal now, admitted.
  await recheckNow(page);
  await keypadReading(page, '36.8', 1, 0, true);
  await button(page, '身份证与预约一致').click();
  await button(page, '绿码 · 行程无中高风险').click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
  await expect(resting).toHaveCount(0);

  const events = await storedEvents(page);
  const decided = events.filter((e) => e.type === 'visit.decided');
  expect(decided.map((e) => e.data.outcome)).toEqual([
    expect.objectContaining({ kind: 'admitted' }),
    expect.objectContaining({ kind: 'admitted' }),
    expect.objectContaining({ kind: 'admitted' }),
  ]);
  expect(new Set(decided.map((e) => e.visit)).size).toBe(3);
  const first = events.find((e) => e.type === 'appointment.matched')?.visit;
  expect(decided.at(-1)?.visit).toBe(first);
  const readings = events.filter((e) => e.visit === first && e.type === 'temperature.measured');
  expect(readings.map((e) => e.data.celsius)).toEqual([37.4, 36.8]);
});

test('an early booking is told the time; back at the slot, the same booking goes through and is admitted', async ({
  page,
}) => {
  // The browser's clock is the test's (and the hall's): installed now, moved to the slot later.
  const now = Date.now();
  await hallClockFollowsPage(page);
  await page.clock.install({ time: now });
  await importBookings(page, now);
  await page.getByRole('link', { name: '门岗检查' }).click();

  // 王五 is booked an hour from now: told the time, no visit opened.
  await button(page, /王\*/).click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-severity', 'come-back');
  await button(page, '下一位').click();
  expect((await storedEvents(page)).filter((e) => e.visit)).toEqual([]);

  // An hour later 王五 is back: the same booking, now due, takes the green path.
  await passTime(page, now + 60 * 60_000);
  await admitGreenVisitor(page, /王\*/);
  const { events } = await theOneVisit(page, BOOKED_GREEN_PATH);
  expect(events.find((e) => e.type === 'appointment.matched')?.data.bookingId).toBe('B0003');
});
