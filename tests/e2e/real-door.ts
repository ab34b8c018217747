import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { seededRandom } from '../faults/schedule';
import { writePhoneSceneY4m } from '../fixtures/phone-scene';
import { cameraPage, launchWithCamera, videoDir } from './camera';

export { seededRandom as seeded };

import { storedEvents } from './stored-events';

/**
 * The door as it really runs (issue 31): the tablet's camera on with a phone showing a
 * green health code in front of it, Chromium's CPU throttled 4× (a ¥1,000 tablet), touch
 * input, and taps as gloved people make them.
 */

export const GREEN_CODE = 'https://jkm.example.gov.cn/v2/code?n=%E5%BC%A0%E4%B8%89&t=20261128&h=g';
const GREEN = [22, 160, 70] as const;

/** A browser whose camera sees a phone with a green code for as long as it runs. */
export async function launchDoorCamera(): Promise<Browser> {
  const video = join(videoDir(), 'green-phone.y4m');
  writePhoneSceneY4m(video, { payload: GREEN_CODE, modules: GREEN, tiltDeg: 10, blur: 1 }, 6);
  return launchWithCamera({ video });
}

/** A fresh tablet (its own storage) on that browser, touch input, CPU throttled `rate`×. */
export async function tabletPage(browser: Browser, rate: number): Promise<Page> {
  const page = await cameraPage(browser, { video: 'fake' }, { hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** How a person taps: once, or a gloved double (100–200 ms) or triple (to 250 ms) tap. */
export type Hands = { kind: 'single' } | { kind: 'gloved'; random: () => number };

/**
 * Taps `target` as `hands` do, once it can be tapped. The extra touches are sent without
 * waiting for the page to answer the first (a busy tablet queues them, as a real one
 * does), at the same spot, so they land on whatever the first tap brought on screen.
 */
export async function tap(page: Page, target: Locator, hands: Hands): Promise<void> {
  await expect(target).toBeEnabled({ timeout: 20_000 });
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (hands.kind === 'single') {
    await page.touchscreen.tap(x, y);
    return;
  }
  const triple = hands.random() < 0.5;
  const offsets = triple
    ? [0, 80 + hands.random() * 70, 180 + hands.random() * 70]
    : [0, 100 + hands.random() * 100];
  const started = Date.now();
  const sent: Promise<void>[] = [];
  for (const offset of offsets) {
    const wait = started + offset - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(page.touchscreen.tap(x, y));
  }
  await Promise.all(sent);
}

/** The tablet's log less what differs between two runs (ids, times, seq, hashes). */
export async function comparableLog(page: Page) {
  const events = await storedEvents<{
    type: string;
    seq: number;
    visit?: string;
    data: Record<string, unknown>;
  }>(page);
  const visits = new Map<string, number>();
  return events
    .sort((a, b) => a.seq - b.seq)
    .filter((e) => !e.type.startsWith('device.'))
    .map((e) => {
      if (e.visit && !visits.has(e.visit)) visits.set(e.visit, visits.size + 1);
      return { type: e.type, visit: e.visit ? visits.get(e.visit) : null, data: timeless(e.data) };
    });
}

/** A value less its timestamps (numbers past 2001 in ms) and ids of other records. */
function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(
          ([k, v]) =>
            !(typeof v === 'number' && v > 1e12) &&
            !['task', 'id', 'incident', 'cause', 'visit'].includes(k),
        )
        .map(([k, v]) => [k, timeless(v)]),
    );
  return value;
}
