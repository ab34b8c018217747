import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { admitGreenVisitor, eventsOfType, importBookings, openApp, unlockLead } from './helpers';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function controllingWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
    .toBe('activated');
}

test('is installable: manifest fields, real icons, a controlling service worker', async ({
  page,
}) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(href ?? '')).json();
  expect(manifest).toMatchObject({
    start_url: '/',
    scope: '/',
    display: 'fullscreen',
    orientation: 'landscape',
    theme_color: '#0b5cad',
    lang: 'zh-CN',
  });
  expect(manifest.name).toContain('入口防疫检查');
  expect(manifest.name).toContain('Entrance checkpoint');

  const icons: Icon[] = manifest.icons;
  const kinds = icons.map((i) => `${i.purpose} ${i.sizes}`).sort();
  expect(kinds).toEqual(['any 192x192', 'any 512x512', 'maskable 192x192', 'maskable 512x512']);
  for (const icon of icons) {
    const response = await page.request.get(`/${icon.src}`);
    expect(response.headers()['content-type']).toContain('image/png');
    const { width, height } = pngSize(await response.body());
    expect(`${width}x${height}`).toBe(icon.sizes);
  }

  await controllingWorker(page);
});

test('passes Chromium’s own installability check (in a real, non-incognito profile)', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'checkpoint-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openApp(page);
    await controllingWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('cold-starts offline after one online visit and completes a visit', async ({
  context,
  page,
}) => {
  await importBookings(page, Date.now());
  await controllingWorker(page);

  await context.setOffline(true);
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByTestId('health')).toContainText('离线');
  await admitGreenVisitor(reopened, /张\*明/);
  await expect(reopened.getByTestId('outcome')).toContainText('A001');

  // The call clips are precached: the guide and the board say calls offline.
  const clip = await reopened.evaluate(async () => {
    const reply = await fetch('/clips/zh-CN/please.ogg');
    return { ok: reply.ok, bytes: (await reply.arrayBuffer()).byteLength };
  });
  expect(clip.ok).toBe(true);
  expect(clip.bytes).toBeGreaterThan(500);
  // A screen loaded lazily opens offline too (its chunk is precached).
  await reopened.getByRole('link', { name: '今日台账' }).click();
  await expect(reopened.getByTestId('count-admitted')).toHaveText('1');
  expect((await eventsOfType(reopened, 'device.offline')).length).toBeGreaterThan(0);
  // Settings reads offline readiness from the active service worker, after a reload too.
  await reopened.getByRole('link', { name: '设置' }).click();
  await unlockLead(reopened);
  await expect(reopened.getByText('已就绪（无网络也能打开）')).toBeVisible();
  await context.setOffline(false);
});

test('offline, app routes get the app shell but /api/ navigations do not', async ({
  context,
  page,
}) => {
  await openApp(page);
  await controllingWorker(page);
  await context.setOffline(true);
  const shell = await context.newPage();
  await shell.goto('/log');
  await expect(shell.getByRole('heading', { name: /今日台账/ })).toBeVisible();
  const api = await context.newPage();
  const failure = await api.goto('/api/v1/sites/hall/events').then(
    () => null,
    (e: Error) => e.message,
  );
  expect(failure).toContain('ERR_INTERNET_DISCONNECTED');
  await context.setOffline(false);
});
