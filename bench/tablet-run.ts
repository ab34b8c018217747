/**
 * The door as a ¥1,000 tablet runs it (`npm run bench:tablet`, issue 31): Debian's Chromium
 * with its CPU throttled 1×, 4× and 6× (Emulation.setCPUThrottlingRate), side by side in
 * one run, so the ratios hold on a noisy machine:
 * 1. offline cold start to the door ready (a booking can be tapped), median of BENCH_RUNS;
 * 2. with the camera running and a phone's green code in view: a tap to the next step
 *    painted (from the touch's own timeStamp to the first frame after the change), and
 *    the input delay (touch to its click handler), p50/p95;
 * 3. frames decoded per second by the camera loop, with a code in view and without;
 * 4. long tasks at the idle door (camera on): per minute over 50 ms and over 100 ms.
 * Serves dist/ (npm run build first), or BENCH_DIST; BENCH_RUNS=0 skips the cold starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server';
import { importBookings } from '../tests/e2e/helpers';
import { summarise } from './stats';
import {
  baseArgs,
  cameraBrowser,
  chromiumPath,
  doorWithCamera,
  GREEN_CODE,
  throttle,
  walkInTaps,
} from './tablet-door';

const SMOKE = process.env.BENCH_SMOKE === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? (SMOKE ? 1 : 5));
const TAPS = Number(process.env.BENCH_TAPS ?? (SMOKE ? 2 : 10));
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? (SMOKE ? 2 : 20));
const FRAME_SECONDS = SMOKE ? 2 : 10;
const RATES = (process.env.BENCH_RATES ?? '1,4,6').split(',').map(Number);
const DOOR_READY = `
  new MutationObserver(() => {
    if (window.doorReadyAt === undefined && document.querySelector('.booking-card'))
      window.doorReadyAt = performance.now();
  }).observe(document, { childList: true, subtree: true });`;

declare global {
  interface Window {
    doorReadyAt?: number;
  }
}

async function coldStarts(profile: string, url: string, rate: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: baseArgs,
      baseURL: url,
      offline: true,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript(DOOR_READY);
    const page = context.pages()[0] ?? (await context.newPage());
    await throttle(page, rate);
    await page.goto('/');
    await page.waitForFunction(() => window.doorReadyAt !== undefined, null, { timeout: 60_000 });
    out.push(await page.evaluate(() => window.doorReadyAt ?? Number.NaN));
    await context.close();
  }
  return out;
}

/** Frames the camera loop decoded per second, over `seconds`. */
async function framesPerSecond(page: Page, seconds: number): Promise<number> {
  const read = () =>
    page
      .locator('video.viewfinder-feed')
      .evaluate((v) => Number((v as HTMLVideoElement).dataset.frames ?? 0));
  const [a, t0] = [await read(), Date.now()];
  await page.waitForTimeout(seconds * 1000);
  const [b, t1] = [await read(), Date.now()];
  return Math.round(((b - a) / ((t1 - t0) / 1000)) * 10) / 10;
}

async function measureAt(rate: number, url: string, profile: string, dir: string) {
  const cold = await coldStarts(profile, url, rate);

  const withCode = await cameraBrowser(dir, GREEN_CODE);
  const page = await doorWithCamera(withCode, url);
  await throttle(page, rate);
  const fpsCode = await framesPerSecond(page, FRAME_SECONDS);
  await page.evaluate(() => {
    window.longTasks = [];
  });
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const idle = await page.evaluate(() => window.longTasks);
  await page.evaluate(() => {
    window.tapTimes = [];
    window.inputDelays = [];
  });
  await walkInTaps(page, TAPS);
  const taps = await page.evaluate(() => ({ next: window.tapTimes, delay: window.inputDelays }));
  await withCode.close();

  const noCode = await cameraBrowser(dir, null);
  const blank = await doorWithCamera(noCode, url);
  await throttle(blank, rate);
  const fpsNone = await framesPerSecond(blank, FRAME_SECONDS);
  await noCode.close();

  const perMinute = (n: number) => Math.round((n / IDLE_SECONDS) * 60 * 10) / 10;
  return {
    'cold start to door ready, median ms': summarise(cold).median,
    'tap → next step painted, p50 ms': summarise(taps.next).median,
    'tap → next step painted, p95 ms': summarise(taps.next).p95,
    'input delay (touch → handler), p95 ms': summarise(taps.delay).p95,
    'decoded frames/s, code in view': fpsCode,
    'decoded frames/s, no code': fpsNone,
    'idle long tasks > 50 ms per minute': perMinute(idle.filter((d) => d > 50).length),
    'idle long tasks > 100 ms per minute': perMinute(idle.filter((d) => d > 100).length),
    'idle longest task ms': Math.round(Math.max(0, ...idle)),
  };
}

const server = await startStaticServer(process.env.BENCH_DIST ?? 'dist');
const profile = mkdtempSync(join(tmpdir(), 'checkpoint-tablet-'));
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-tablet-y4m-'));
try {
  // The profile opens the app once online (service worker, bookings), then starts offline.
  const first = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: baseArgs,
    baseURL: server.url,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const page = first.pages()[0] ?? (await first.newPage());
  await importBookings(page, Date.now());
  await page.evaluate(() => navigator.serviceWorker.ready);
  await first.close();

  const table: Record<string, Record<string, number>> = {};
  for (const rate of RATES) {
    const figures = await measureAt(rate, server.url, profile, dir);
    for (const [k, v] of Object.entries(figures)) table[k] = { ...table[k], [`${rate}× CPU`]: v };
  }
  console.log(
    `The door on a throttled CPU (camera on; ${RUNS} cold starts, ${TAPS * 5} taps, ` +
      `${IDLE_SECONDS} s idle per rate):`,
  );
  console.table(table);
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
