/**
 * The door with its camera on, as bench:tablet and bench:tablet-profile drive it: Debian's
 * Chromium with a fake camera playing a phone scene, CPU throttled over CDP, touch taps.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, expect, type Page } from '@playwright/test';
import { importBookings } from '../tests/e2e/helpers';
import { writePhoneSceneY4m } from '../tests/fixtures/phone-scene';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const baseArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const GREEN_CODE = 'https://jkm.example.gov.cn/v2/code?n=%E5%BC%A0%E4%B8%89&t=20261128&h=g';

export const throttle = async (page: Page, rate: number) =>
  (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });

// Strings, not functions: tsx would wrap named inner functions in a helper the page lacks.
const TAP_PROBE = `
  window.tapTimes = [];
  window.inputDelays = [];
  let pending = null;
  addEventListener('pointerdown', (e) => { pending = e.timeStamp; }, true);
  addEventListener('click', (e) => { window.inputDelays.push(performance.now() - e.timeStamp); }, true);
  new MutationObserver(() => {
    if (pending === null) return;
    const from = pending;
    pending = null;
    requestAnimationFrame((t) => window.tapTimes.push(t - from));
  }).observe(document, { childList: true, subtree: true, attributes: false });
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });`;

declare global {
  interface Window {
    tapTimes: number[];
    inputDelays: number[];
    longTasks: number[];
  }
}

export async function cameraBrowser(dir: string, payload: string | null): Promise<Browser> {
  const video = join(dir, `${payload ? 'code' : 'none'}.y4m`);
  writePhoneSceneY4m(video, { payload, modules: [22, 160, 70], tiltDeg: 10, blur: 1 }, 4);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...baseArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

export async function doorWithCamera(browser: Browser, url: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    permissions: ['camera'],
    hasTouch: true,
  });
  await context.addInitScript(TAP_PROBE);
  const page = await context.newPage();
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.locator('video.viewfinder-feed[data-frames]').waitFor({ timeout: 60_000 });
  return page;
}

async function touch(page: Page, name: string | RegExp) {
  const target = page.getByRole('button', { name, exact: typeof name === 'string' });
  await expect(target).toBeEnabled({ timeout: 30_000 });
  await page.waitForTimeout(700); // a person reads the step before reaching for it
  const box = await target.boundingBox();
  if (!box) throw new Error(`${String(name)} not on screen`);
  const measured = await page.evaluate(() => window.tapTimes.length);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  // Playwright finds the next button by running its role queries in the page (100–300 ms
  // of main thread at 4×): none may run before this tap's next step is measured.
  await page.waitForFunction((n) => window.tapTimes.length > n, measured, { polling: 50 });
}

/** A walk-in who leaves at the mask, `rounds` times: five taps, each to a new screen. */
export async function walkInTaps(page: Page, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    await touch(page, '无预约');
    await touch(page, '是，紧急事项');
    await page.getByRole('heading', { name: /口罩/ }).waitFor();
    await touch(page, '来访者离开');
    await touch(page, '确认');
    await touch(page, '下一位');
    await page.getByRole('heading', { name: /查找预约/ }).waitFor();
  }
}
