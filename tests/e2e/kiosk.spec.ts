import { expect, type Page, test } from '@playwright/test';
import { eventsOfType, importBookings, LEAD_PIN, openApp, unlockLead } from './helpers';

declare global {
  interface Window {
    kioskCalls: { fullscreen: number; wakeLock: number; sentinels: WakeLockSentinel[] };
  }
}

// Observe the full-screen and wake-lock requests the page makes, passing them through.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.kioskCalls = { fullscreen: 0, wakeLock: 0, sentinels: [] };
    const requestFullscreen = Element.prototype.requestFullscreen;
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      window.kioskCalls.fullscreen++;
      return requestFullscreen.call(this, options);
    };
    if (navigator.wakeLock) {
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = async (type?: 'screen') => {
        window.kioskCalls.wakeLock++;
        const sentinel = await request(type);
        window.kioskCalls.sentinels.push(sentinel);
        return sentinel;
      };
    }
  });
});

const calls = (page: Page) =>
  page.evaluate(() => ({
    fullscreen: window.kioskCalls.fullscreen,
    wakeLock: window.kioskCalls.wakeLock,
    inFullscreen: document.fullscreenElement !== null,
  }));

async function touchDoor(page: Page) {
  await page.getByRole('heading', { name: /查找预约/ }).click();
}

test('enters full screen on the first touch and again after leaving it', async ({ page }) => {
  await openApp(page);
  expect((await calls(page)).fullscreen).toBe(0);
  await touchDoor(page);
  await expect.poll(async () => (await calls(page)).inFullscreen).toBe(true);
  expect((await calls(page)).fullscreen).toBe(1);

  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(async () => (await calls(page)).inFullscreen).toBe(false);
  await touchDoor(page);
  await expect.poll(async () => (await calls(page)).inFullscreen).toBe(true);
  expect((await calls(page)).fullscreen).toBe(2);
});

test('keeps the screen awake and asks again when the page becomes visible', async ({ page }) => {
  await openApp(page);
  await expect.poll(async () => (await calls(page)).wakeLock).toBeGreaterThan(0);
  const before = (await calls(page)).wakeLock;
  // What the browser does when the tablet's screen goes off and on: the lock is
  // released, then the page is visible again.
  await page.evaluate(async () => {
    for (const sentinel of window.kioskCalls.sentinels) await sentinel.release();
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(async () => (await calls(page)).wakeLock).toBe(before + 1);
});

test('blocks the back gesture, the context menu, selection and pinch-zoom', async ({ page }) => {
  await page.goto('about:blank');
  await openApp(page);
  await touchDoor(page);
  await page.goBack().catch(() => null);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: /查找预约/ })).toBeVisible();

  const guards = await page.evaluate(() => {
    const heading = document.querySelector('h2');
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    heading?.dispatchEvent(menu);
    const shell = getComputedStyle(document.querySelector('.shell') as Element);
    const search = getComputedStyle(document.querySelector('input') as Element);
    return {
      menuPrevented: menu.defaultPrevented,
      touchAction: shell.touchAction,
      userSelect: shell.userSelect,
      inputSelect: search.userSelect,
    };
  });
  expect(guards).toEqual({
    menuPrevented: true,
    touchAction: 'pan-x pan-y',
    userSelect: 'none',
    inputSelect: 'text',
  });
});

test('settings need the lead PIN; repeated wrong PINs lock it, recorded', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '需要值班组长密码' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toHaveCount(0);

  const typePin = async (pin: string) => {
    for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
  };
  await typePin('1357');
  await expect(page.getByRole('alert')).toContainText('还可再试 4 次');
  for (let i = 0; i < 4; i++) await typePin('1357');
  await expect(page.getByRole('alert')).toContainText('已锁定');
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeDisabled();
  expect(await eventsOfType(page, 'device.pin-locked-out')).toHaveLength(1);

  // A reload does not lift the lock; a minute does.
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('已锁定');
  await page.clock.fastForward(61_000);
  await unlockLead(page, LEAD_PIN);
});

test('leaving kiosk mode needs the lead and stops full screen, recorded', async ({ page }) => {
  await importBookings(page, Date.now());
  await page.getByRole('button', { name: '退出自助终端模式' }).click();
  await expect(page.getByRole('button', { name: '进入自助终端模式' })).toBeVisible();
  await expect(page.locator('.shell')).not.toHaveClass(/kiosk/);
  const before = (await calls(page)).fullscreen;
  await page.getByRole('link', { name: '门岗检查' }).click();
  await touchDoor(page);
  expect((await calls(page)).fullscreen).toBe(before);
  const changes = await eventsOfType(page, 'device.kiosk-changed');
  expect(changes.map((e) => e.data)).toEqual([{ kiosk: false }]);
});

test('an idle door warns, returns to the start, and keeps the visit as a draft to resume or discard', async ({
  page,
}) => {
  await page.clock.install();
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await expect(page.getByRole('heading', { name: /测量体温/ })).toBeVisible();

  await page.clock.fastForward(3 * 60_000 + 1_000);
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('秒后回到开始页面');
  await page.clock.fastForward(31_000);
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { name: /查找预约/ })).toBeVisible();

  const drafts = page.getByRole('region', { name: '未完成的检查' });
  await expect(drafts).toContainText('张*明');
  await drafts.getByRole('button', { name: '继续检查 张*明' }).click();
  await expect(page.getByRole('heading', { name: /测量体温/ })).toBeVisible();
  const resets = await eventsOfType(page, 'device.idle-reset');
  expect(resets).toHaveLength(1);

  // Idle again; this time the next staff member discards it.
  await page.clock.fastForward(3 * 60_000 + 32_000);
  await drafts.getByRole('button', { name: '放弃 张*明 的检查' }).click();
  await drafts.getByRole('button', { name: '确认放弃（记录保留）' }).click();
  await expect(drafts).toBeHidden();
  const abandoned = await eventsOfType(page, 'visit.abandoned');
  expect(abandoned.map((e) => e.data)).toEqual([{ reason: 'discarded-draft' }]);
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.locator('tbody tr').first()).toContainText('未完成的检查已放弃');
});
