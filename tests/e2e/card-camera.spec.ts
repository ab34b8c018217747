import { expect, type Page, test } from '@playwright/test';
import { cameraPage, cameraTracks, launchWithCamera, videoDir } from './camera';
import { cardPerson, cardVideo } from './card-video';
import {
  eventsOfType,
  importBookings,
  registerWithPhone,
  todaysBookings,
  touchCounter,
} from './helpers';

/**
 * The identity step's card view (issue 34) on Chromium's fake camera: a card's face drawn
 * as the bench draws it, held in the guide, read by the glyph reader in its worker. One
 * video per browser launch, so each test launches its own Chromium (1× CPU).
 */
const [zhang, li] = todaysBookings(Date.now());
const videos = videoDir();
// The camera starts, three frames at 3/s agree: a few seconds, more on a loaded machine.
const READ = { timeout: 20_000 };

async function withCard(name: string, idNumber: string, run: (page: Page) => Promise<void>) {
  const video = await cardVideo(videos, idNumber, cardPerson(name, idNumber));
  const browser = await launchWithCamera({ video });
  try {
    await run(await cameraPage(browser, { video }));
  } finally {
    await browser.close();
  }
}

async function toIdentity(page: Page, who: RegExp | null) {
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  if (who) await page.getByRole('button', { name: who }).click();
  else {
    await page.getByRole('button', { name: '无预约' }).click();
    await page.getByRole('button', { name: '是，紧急事项' }).click();
  }
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await expect(page.getByRole('heading', { name: /核对身份证/ })).toBeVisible();
}

test("a booked visitor's own card, shown to the camera, is confirmed in one tap", async () => {
  await withCard('张三明', zhang?.idNumber ?? '', async (page) => {
    await toIdentity(page, /张\*明/);
    await expect(page.getByTestId('card-guide')).toBeVisible();
    await expect(page.getByTestId('card-match')).toContainText('读卡号码与预约一致', READ);
    // The card view closed with the offer: every track opened so far has ended.
    const opened = (await cameraTracks(page)).length;
    expect(opened).toBeGreaterThan(0);
    await expect.poll(() => cameraTracks(page)).toEqual(Array(opened).fill('ended'));
    const touches = touchCounter();
    await touches.tap(page.getByRole('button', { name: '确认：读卡与预约一致' }));
    await expect(page.getByRole('heading', { name: /健康码与行程码/ })).toBeVisible();
    expect(touches.count).toBe(1);
    const [confirmed] = await eventsOfType(page, 'identity.confirmed');
    expect(confirmed?.data).toMatchObject({ idNumber: zhang?.idNumber, source: 'card' });
  });
});

test("another person's card on the same booking shows the mismatch", async () => {
  await withCard('李四', li?.idNumber ?? '', async (page) => {
    await toIdentity(page, /张\*明/);
    const mismatch = page.getByTestId('card-mismatch');
    await expect(mismatch).toContainText('身份证号与预约不一致', READ);
    await expect(mismatch).toContainText(`读卡尾号 ${li?.idNumber.slice(-6)}`);
    expect(await eventsOfType(page, 'identity.confirmed')).toEqual([]);
  });
});

test("a walk-in's identity filled from the card: the name, the phone and 3 touches", async () => {
  await withCard('李四', li?.idNumber ?? '', async (page) => {
    await toIdentity(page, null);
    await expect(page.getByLabel('身份证号')).toHaveValue(li?.idNumber ?? '', READ);
    await expect(page.getByTestId('card-facts')).toHaveText('读卡：男 · 出生 1985-05-12');
    // The camera offers no name (the glyph reader reads the number only): staff type it.
    const touches = touchCounter();
    await touches.tap(page.getByLabel('姓名'));
    await page.keyboard.type('李四');
    await registerWithPhone(page, touches, '13900001111');
    expect(touches.count).toBeLessThanOrEqual(3);
    const [confirmed] = await eventsOfType(page, 'identity.confirmed');
    expect(confirmed?.data).toMatchObject({
      idNumber: li?.idNumber,
      phone: '13900001111',
      source: 'card',
    });
  });
});
