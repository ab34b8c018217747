import { expect, type Locator, type Page, test } from '@playwright/test';
import { eventsOfType, importBookings, todaysBookings, touchCounter, wedgeBurst } from './helpers';

/**
 * A keyboard-mode (HID, 免驱) ID-card reader at the identity step (issue 34): it types
 * like the handheld code scanner, a burst of keys and Enter. The camera's card reads are
 * the OCR's e2e; both arrive at the same place (src/features/door/card-reads.ts).
 */
const [zhang, li] = todaysBookings(Date.now());

const readCard = wedgeBurst;

async function expectGloveSized(button: Locator) {
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(72);
}

async function toIdentity(page: Page, who: RegExp | null) {
  const touches = touchCounter();
  await importBookings(page, Date.now());
  await page.getByRole('link', { name: '门岗检查' }).click();
  if (who) {
    await page.getByRole('button', { name: who }).click();
  } else {
    await page.getByRole('button', { name: '无预约' }).click();
    await page.getByRole('button', { name: '是，紧急事项' }).click();
  }
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await expect(page.getByRole('heading', { name: /核对身份证/ })).toBeVisible();
  return touches;
}

test("a booked visitor's card matches the booking in one tap", async ({ page }) => {
  const touches = await toIdentity(page, /张\*明/);
  await readCard(page, zhang?.idNumber ?? '');
  const confirm = page.getByRole('button', { name: '确认：读卡与预约一致' });
  await expect(page.getByTestId('card-match')).toContainText('读卡号码与预约一致');
  await expectGloveSized(confirm);
  await touches.tap(confirm);
  await expect(page.getByRole('heading', { name: /健康码与行程码/ })).toBeVisible();
  expect(touches.count).toBe(1);
  const [confirmed] = await eventsOfType(page, 'identity.confirmed');
  expect(confirmed?.data).toMatchObject({ idNumber: zhang?.idNumber, source: 'card' });
});

test("another person's card on the same booking shows the mismatch", async ({ page }) => {
  await toIdentity(page, /张\*明/);
  await readCard(page, li?.idNumber ?? '');
  const mismatch = page.getByTestId('card-mismatch');
  await expect(mismatch).toContainText('身份证号与预约不一致');
  await expect(mismatch).toContainText(`读卡尾号 ${li?.idNumber.slice(-6)}`);
  await expect(page.getByRole('button', { name: '身份证与预约一致' })).toHaveCount(0);
  await expectGloveSized(page.getByRole('button', { name: '按读卡登记' }));
  expect(await eventsOfType(page, 'identity.confirmed')).toEqual([]);
});

test("a walk-in's identity filled from the reader: the phone and 2 touches", async ({ page }) => {
  const touches = await toIdentity(page, null);
  await readCard(page, `李四,${li?.idNumber}`);
  await expect(page.getByTestId('card-facts')).toHaveText('读卡：男 · 出生 1985-05-12');
  await expect(page.getByLabel('姓名')).toHaveValue('李四');
  await expect(page.getByLabel('身份证号')).toHaveValue(li?.idNumber ?? '');
  await touches.tap(page.getByLabel('手机号或固定电话'));
  await page.keyboard.type('13900001111');
  await touches.tap(page.getByRole('button', { name: '登记', exact: true }));
  await expect(page.getByRole('heading', { name: /健康码与行程码/ })).toBeVisible();
  expect(touches.count).toBeLessThanOrEqual(3);
  const [confirmed] = await eventsOfType(page, 'identity.confirmed');
  expect(confirmed?.data).toEqual({
    name: '李四',
    idNumber: li?.idNumber,
    phone: '13900001111',
    source: 'card',
  });
});

test('a reader number failing validation is refused with a message', async ({ page }) => {
  await toIdentity(page, null);
  const id = li?.idNumber ?? '';
  await readCard(page, `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`);
  await expect(page.getByTestId('card-refused')).toContainText('读卡号码无效：校验位不对');
  await expect(page.getByLabel('身份证号')).toHaveValue('');
});
