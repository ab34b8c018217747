import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../../playwright.config';
import type { Booking } from '../../src/domain/booking';
import type { Policy } from '../../src/domain/policy';
import { DEFAULT_TAP_SETTLE_MS } from '../../src/ui/settle';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, slotStartAround, validIdNumber } from '../fixtures/builders';
import { storedEvents } from './stored-events';

/** Three bookings due around the browser's "now". */
export function todaysBookings(now: number) {
  return [
    aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' }, now),
    aBooking(
      {
        bookingId: 'B0002',
        name: '李四',
        phone: '13900001111',
        idNumber: validIdNumber('33010219850512341'),
      },
      now,
    ),
    aBooking(
      {
        bookingId: 'B0003',
        name: '王五',
        phone: '13700002222',
        slotStart: slotStartAround(now, 60),
      },
      now,
    ),
  ];
}

export const LEAD_PIN = '2580';

/** First-run setup of a new tablet, as the shift lead does it. */
export async function completeSetup(page: Page, pin = LEAD_PIN) {
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await page.getByLabel('大厅名称').fill('城东便民服务中心');
  await page.getByLabel(/^入口/).fill('东门');
  await page.getByLabel('组长密码', { exact: true }).fill(pin);
  await page.getByLabel('再次输入密码').fill(pin);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('link', { name: '门岗检查' }).waitFor();
}

/** Opens a page of the app, going through first-run setup when the tablet is new. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  const setup = page.getByRole('heading', { name: '首次设置' });
  await setup
    .or(page.getByRole('link', { name: '门岗检查' }))
    .first()
    .waitFor();
  if (await setup.isVisible()) await completeSetup(page);
}

/** Types the lead PIN on the PIN pad that guards settings and the lead's screens. */
export async function unlockLead(page: Page, pin = LEAD_PIN, screen = '设置') {
  await page.getByRole('heading', { name: '需要值班组长密码' }).waitFor();
  for (const digit of pin) {
    await page.getByRole('button', { name: digit, exact: true }).click();
  }
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('heading', { name: screen, exact: true }).waitFor();
}

/** Imports bookings (today's three unless told) through settings, as a shift lead would. */
export async function importBookings(page: Page, now: number, bookings = todaysBookings(now)) {
  await openApp(page, '/settings');
  await unlockLead(page);
  await page.getByLabel(/导入今日预约/).setInputFiles({
    name: 'bookings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bookingsCsv(bookings), 'utf8'),
  });
  await page.getByText(`已导入 ${bookings.length} 条预约`).waitFor();
}

/** Counts every touch the staff make on the door screen. */
export function touchCounter() {
  let touches = 0;
  return {
    tap: async (locator: ReturnType<Page['getByRole']>) => {
      touches++;
      await locator.click();
    },
    get count() {
      return touches;
    },
  };
}

/** Events of the given types in the tablet's IndexedDB log, read from inside the page. */
export async function eventsOfType(page: Page, ...types: string[]) {
  return (await storedEvents(page)).filter((e) => types.includes(e.type));
}

/** The green path of a booked visitor, from the booking to the verdict. */
export async function admitGreenVisitor(page: Page, who: RegExp, reading = '36.5') {
  await page.getByRole('button', { name: who }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: reading, exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await expect(page.getByTestId('outcome')).toContainText('准许入厅');
}

/**
 * Resumes the visitor resting before the re-check and re-checks before the rest is over
 * (e2e runs on the real clock; the rest is 2 minutes), recording why (issue 12).
 */
/**
 * The hall's clock is the page's: a tablet checks its clock against the server's Date
 * (the clock probe, src/services/health/watchers.ts) and takes a clock moved on its own
 * for one set by hand (issue 23). Tests that install a clock answer the probe with the
 * time it was sent at, and let time pass with `passTime`.
 */
export async function hallClockFollowsPage(page: Page) {
  await page.route(/[?&]clock-probe=/, (route) => {
    const sentAt = Number(new URL(route.request().url()).searchParams.get('clock-probe'));
    return route.fulfill({ status: 200, headers: { date: new Date(sentAt).toUTCString() } });
  });
}

/** Time passes until `to`, for the page's clock and the monotonic one the checked clock keeps. */
export async function passTime(page: Page, to: number) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.fastForward(Math.max(0, to - now));
  // What the jump set off (a write finishing, the door going idle) renders after it, and
  // that new content takes taps a settle time later (src/ui/settle.tsx). Playwright's fake
  // clock can re-enable a button before its gate opens, so a machine-speed tap right
  // after the jump would be refused: wait as long as the settle time, as a person would.
  await page.waitForTimeout(DEFAULT_TAP_SETTLE_MS + 100);
}

export async function recheckNow(page: Page) {
  await page.getByTestId('resting-list').getByRole('button').first().click();
  await page.getByRole('button', { name: '现在复测（休息未满）' }).click();
  await page.getByRole('button', { name: '来访者不能等待' }).click();
}

/**
 * Enrols a tablet into a site, as the shift lead does: a code from the server's admin API,
 * typed in settings behind the lead PIN; done once the tablet shows `shown`.
 */
export async function enrolTablet(
  request: APIRequestContext,
  page: Page,
  site: string,
  shown: string,
) {
  const reply = await request.post(`/api/v1/admin/sites/${site}/enrolment-codes`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: {},
  });
  expect(reply.status()).toBe(201);
  await openApp(page, '/settings');
  await unlockLead(page);
  await page.getByLabel('登记码（值班组长在服务器上生成）').fill((await reply.json()).code);
  await page.getByRole('button', { name: '登记本机' }).click();
  await expect(page.getByText(shown).first()).toBeVisible({ timeout: 20_000 });
}

/**
 * A site on the e2e server with its policy and bookings for `people`, all in one
 * 30-minute slot around now that stays within today (a run near midnight included).
 */
export async function siteWithBookings(
  request: APIRequestContext,
  site: { id: string; name: string },
  policy: Policy,
  people: readonly Partial<Booking>[],
) {
  const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };
  await request.post('/api/v1/admin/sites', { headers: admin, data: site });
  const put = await request.put(`/api/v1/admin/sites/${site.id}/policy`, {
    headers: admin,
    data: policy,
  });
  expect(put.ok()).toBe(true);
  const now = Date.now();
  const slotStart = slotStartAround(now, -15);
  const upload = await request.put(`/api/v1/admin/sites/${site.id}/bookings`, {
    headers: { ...admin, 'content-type': 'text/csv' },
    data: bookingsCsv(people.map((p) => aBooking({ ...p, slotStart }, now))),
  });
  expect((await upload.json()).imported).toBe(people.length);
}

/** Opens, in the lead's ledger of the day, the visit whose row shows `text`. */
export async function openLedgerVisit(page: Page, text: string) {
  await page
    .getByRole('list', { name: '当天来访记录' })
    .getByRole('listitem')
    .filter({ hasText: text })
    .getByRole('button')
    .click();
}

/** Starts 李四's check at the door and leaves it until the idle warning shows (clock installed). */
export async function leaveCheckIdle(page: Page) {
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /李\*/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.clock.fastForward(3 * 60_000 + 2_000);
  await page.getByRole('alertdialog').waitFor();
}

/** Types a reading on the door's keypad (opening it from the common readings first). */
export async function typeReading(page: Page, reading: string) {
  if (!(await page.getByTestId('keypad-display').isVisible())) {
    await page.getByRole('button', { name: '其他读数' }).click();
  }
  for (const key of reading) await page.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
}

/**
 * What a keyboard-mode scanner or ID-card reader types: its keydown events and Enter,
 * dispatched in the page in one go as a USB device sends them (2–15 ms apart), with no
 * field focused. Playwright's keyboard sends one key per round trip to the browser, over
 * 40 ms apart on a loaded machine, which the wedge detector rightly takes for a person
 * typing; and a name's Chinese characters have no key on its layout.
 */
export async function wedgeBurst(page: Page, text: string) {
  await page.evaluate((burst) => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const key of [...burst, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
  }, text);
}
