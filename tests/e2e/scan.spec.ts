import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { formatBookingCode } from '../../src/domain/codes/booking-code';
import { dayKey } from '../../src/domain/time';
import { cameraPage, cameraTracks, launchWithCamera, qrVideo, videoDir } from './camera';
import { importBookings, touchCounter } from './helpers';

// Scanning with a real camera stream: Chromium's fake camera plays a Y4M made here from
// QR codes. One video per browser launch, so each test launches its own Chromium.
const shots = '.e2e-artifacts/screens';
const HEALTH_CODE = 'https://jkm.example.gov.cn/v2/code?n=%E5%BC%A0%E4%B8%89&t=20261128';
const videos = videoDir();

async function storedEvents(page: Page, type: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (wanted) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('checkpoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            resolve(all.result.filter((e) => e.type === wanted).map((e) => e.data));
            open.result.close();
          };
        };
      }),
    type,
  );
}

async function expectCameraReleased(page: Page) {
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.getByTestId('scan-panel')).toHaveCount(0);
  const states = await cameraTracks(page);
  expect(states.length).toBeGreaterThan(0);
  await expect.poll(() => cameraTracks(page)).toEqual(states.map(() => 'ended'));
}

test.beforeAll(() => mkdirSync(shots, { recursive: true }));

test('a booking code shown to the camera opens the visit by itself', async () => {
  const now = Date.now();
  const video = qrVideo(videos, 'booking', [formatBookingCode('B0001', dayKey(now))]);
  const browser = await launchWithCamera({ video });
  try {
    const page = await cameraPage(browser, { video });
    await importBookings(page, now);
    await page.getByRole('link', { name: '门岗检查' }).click();

    // No touch: the camera reads the code, the visit opens at the mask step.
    await expect(page.getByRole('heading', { name: /口罩与手消毒/ })).toBeVisible();
    await expect(page.getByTestId('scan-notice')).toHaveText('已扫码：张*明 的预约 B0001');
    await page.screenshot({ path: `${shots}/door-booking-scanned.png` });

    const touches = touchCounter();
    await touches.tap(page.getByRole('button', { name: '已戴口罩 · 已手消毒' }));
    await touches.tap(page.getByRole('button', { name: '36.5', exact: true }));
    await touches.tap(page.getByRole('button', { name: '身份证与预约一致' }));

    // At the codes step the same video shows a booking code: refused in words.
    const panel = page.getByTestId('scan-panel');
    await expect(panel).toHaveAttribute('data-camera', 'running');
    await expect(page.getByTestId('scan-notice')).toHaveText('这是预约码：请扫健康码或行程码');
    // The ZXing-C++ polyfill answered through the door's frame path, not html5-qrcode's
    // zxing-js fallback: the .wasm was served.
    await expect(panel).toHaveAttribute('data-engine', 'polyfill');
    await expect(panel).toHaveAttribute('data-decoder', /^frame:/);

    await touches.tap(page.getByRole('button', { name: '绿码 · 行程无中高风险' }));
    await expect(page.getByTestId('outcome')).toContainText('A001');
    console.log(`touches for a green visitor whose booking was scanned: ${touches.count}`);
    expect(touches.count).toBeLessThanOrEqual(4);
    // Back at the start, the code already used is not taken twice.
    await expect(page.getByTestId('scan-notice')).toHaveText('预约 B0001 今天已经检查过');

    await expectCameraReleased(page);
  } finally {
    await browser.close();
  }
});

test('a health code shown to the camera is recorded as seen, colour confirmed by staff', async () => {
  const now = Date.now();
  const video = qrVideo(videos, 'health', [HEALTH_CODE]);
  const browser = await launchWithCamera({ video });
  try {
    const page = await cameraPage(browser, { video });
    await importBookings(page, now);
    await page.getByRole('link', { name: '门岗检查' }).click();
    // At the start, a health code is not what is asked for: said in words, nothing opens.
    await expect(page.getByTestId('scan-notice')).toHaveText(
      '这是健康码或行程码：请先扫预约码，或在名单中查找预约',
    );
    await expect(page.getByTestId('scan-panel')).toHaveAttribute('data-camera', 'running');
    await page.screenshot({ path: `${shots}/door-start-camera.png` });
    await page.getByRole('button', { name: /张\*明/ }).click();
    await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
    await page.getByRole('button', { name: '36.5', exact: true }).click();
    await page.getByRole('button', { name: '身份证与预约一致' }).click();

    await expect(page.getByTestId('seen-health')).toBeVisible();
    await expect(page.getByTestId('scan-notice')).toContainText('已扫健康码（未验证）');
    // A plain black code (the fake camera's): its colour is not offered, staff look.
    await expect(page.getByTestId('colour-seen')).toHaveText(
      '扫码识别：黑白码（颜色未知），请目视判断',
    );
    await expect(page.locator('[data-offered]')).toHaveCount(0);
    const green = page.getByRole('button', { name: '绿码', exact: true });
    await page.screenshot({ path: `${shots}/door-health-scanned.png` });

    await page.getByRole('button', { name: '切换语言' }).click();
    await expect(page.getByTestId('seen-health')).toContainText('Health code seen');
    await page.screenshot({ path: `${shots}/door-health-scanned-en.png` });
    await page.getByRole('button', { name: 'Switch language' }).click();
    await expect(green).toBeVisible();
    await green.focus(); // a language switch re-renders the app; Enter needs the focus back
    await page.keyboard.press('Enter'); // staff confirm green
    await expect(page.getByRole('button', { name: '无中高风险地区旅居史' })).toBeVisible();
    await page.getByRole('button', { name: '无中高风险地区旅居史' }).click();
    await expect(page.getByTestId('outcome')).toContainText('准许入厅');

    const [health] = await storedEvents(page, 'health-code.checked');
    expect(health).toEqual({
      colour: 'green',
      colourSeen: 'black',
      method: 'scan',
      issuer: 'health-code',
      payloadHash: createHash('sha256').update(HEALTH_CODE).digest('hex'),
      excerpt: 'https://jkm.example.gov.cn…',
      verified: false,
    });
    expect(await storedEvents(page, 'travel-code.checked')).toEqual([
      { riskArea: false, method: 'manual' },
    ]);
    await expectCameraReleased(page);
  } finally {
    await browser.close();
  }
});

test('without a camera, or without permission, the door says what to do and works by hand', async () => {
  const video = qrVideo(videos, 'any', [HEALTH_CODE]);
  for (const [mode, name, text] of [
    [{ video: null }, 'door-camera-none', '没有找到摄像头'],
    [{ denied: true, video }, 'door-camera-denied', '未允许使用摄像头'],
  ] as const) {
    const browser = await launchWithCamera(mode);
    try {
      const page = await cameraPage(browser, mode);
      const now = Date.now();
      await importBookings(page, now);
      await page.getByRole('link', { name: '门岗检查' }).click();
      await expect(page.getByRole('alert')).toContainText(text);
      await page.screenshot({ path: `${shots}/${name}.png` });
      await page.getByRole('button', { name: /张\*明/ }).click();
      await expect(page.getByRole('heading', { name: /口罩与手消毒/ })).toBeVisible();
    } finally {
      await browser.close();
    }
  }
});
