import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp, recheckNow } from './helpers';
import { expectOnScreen, touch } from './on-screen';

/**
 * The door's screen stays the door's (issue 24): with 1, 3 and 6 open incidents that only
 * the lead can clear, every control of the re-check keypad, the isolation card's alarm
 * stop and the guide's calls are on the 1280×800 screen and answer a touch; the lead's
 * alert stays one line whatever the count. Nothing the staff read is cut: the hall's name,
 * the search box's placeholder beside a verdict.
 */
test.use({ hasTouch: true });

const screens = '.e2e-artifacts/screens';
mkdirSync(screens, { recursive: true });

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

/** The element's text is drawn whole: not clamped, and (an input's placeholder) not cut. */
async function expectWhole(target: Locator) {
  const fits = await target.evaluate((el) => {
    if (el instanceof HTMLInputElement) {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = style.font;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(el.placeholder).width <= room;
    }
    // A clamped line is a whole line more; a CJK glyph's ascent may overhang by a pixel or two.
    return el.scrollHeight <= el.clientHeight + 4 && el.scrollWidth <= el.clientWidth;
  });
  expect(
    fits,
    `${await target.evaluate((el) => `${el.outerHTML.slice(0, 120)} ${el.scrollHeight}/${el.clientHeight} ${el.scrollWidth}/${el.clientWidth}`)} is cut`,
  ).toBe(true);
}

/** A walk-in refusing the mask: a refusal incident the lead must acknowledge. */
async function refusal(page: Page) {
  await touch(button(page, '无预约'));
  await touch(button(page, '是，紧急事项'));
  await touch(button(page, '拒绝戴口罩'));
  await expect(page.getByTestId('outcome')).toContainText('拒绝戴口罩');
  await expectWhole(page.getByRole('searchbox'));
  await touch(button(page, '下一位'));
}

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '清除', '确认'];

for (const incidents of [1, 3, 6]) {
  test(`${incidents} open incident(s): the re-check keypad, the alarm's stop and the guide's call stay on screen and answer touch`, async ({
    page,
  }) => {
    // Each refusal is a visit of its own (with settling buttons): 6 took 28 s of the default 30.
    test.setTimeout(30_000 + incidents * 5_000);
    await openApp(page);
    for (let i = 0; i < incidents; i++) await refusal(page);
    await expectWhole(page.getByRole('banner').getByRole('heading', { level: 1 }));
    const alert = page.getByTestId('lead-alert');
    await expect(alert).toContainText('拒绝配合防疫措施');
    // One line, whatever the count: the newest, and how many there are.
    const oneLine = await alert.boundingBox();
    expect(oneLine?.height).toBeLessThanOrEqual(80);
    if (incidents > 1) await expect(alert).toContainText(`共 ${incidents} 项`);

    // A fever at the door, re-checked: every key of the pad on screen, typed by touch.
    await touch(button(page, '无预约'));
    await touch(button(page, '是，紧急事项'));
    await touch(button(page, '已戴口罩 · 已手消毒'));
    await touch(button(page, '其他读数'));
    for (const key of ['3', '7', '.', '8', '确认']) await touch(button(page, key));
    await expect(page.getByTestId('resting-list')).toContainText('37.8 °C');
    await recheckNow(page);
    for (const key of KEYPAD) await expectOnScreen(button(page, key));
    await page.screenshot({ path: `${screens}/alert-${incidents}-recheck.png` });
    // Typed by touch, the bottom row answers: "37.0" is not "370", and 清除 takes a digit.
    const display = page.getByTestId('keypad-display');
    for (const key of ['3', '7', '.', '0']) await touch(button(page, key));
    await expect(display).toContainText('37.0');
    await touch(button(page, '清除'));
    await expect(display).toHaveText(/^37\. ?°C$/);
    await touch(button(page, '9'));
    await expect(display).toContainText('37.9');
    await touch(button(page, '确认'));

    // A suspected case: the alert says so, and the alarm's stop is on screen.
    await expect(page.getByRole('heading', { name: /登记身份（必须）/ })).toBeVisible();
    await page.getByLabel('姓名').fill('赵六');
    await page.getByLabel('身份证号').fill('110101199003078670');
    await page.getByLabel(/手机号/).fill('13912345678');
    await touch(button(page, '登记'));
    await expect(page.getByTestId('outcome')).toContainText('立即隔离');
    await expect(alert).toContainText('疑似病例：请值班组长立即处理');
    await expect(alert).toContainText(`共 ${incidents + 1} 项`);
    expect((await alert.boundingBox())?.height).toBe(oneLine?.height);
    await page.screenshot({ path: `${screens}/alert-${incidents}-isolated.png` });
    await touch(button(page, '已知晓 · 停止警报'));
    await expectOnScreen(button(page, '下一位'));

    // The guide: the call to the next visitor on screen.
    await touch(page.getByRole('link', { name: '引导叫号' }));
    const calls = button(page, '叫下一位');
    await expect(calls.first()).toBeVisible();
    for (const call of await calls.all()) await expectOnScreen(call);
    await page.screenshot({ path: `${screens}/alert-${incidents}-guide.png` });

    // Opened on a tap: every incident listed over the screen, each with its own action.
    await touch(alert.getByRole('button', { name: /共 \d+ 项|查看全部/ }));
    const list = page.getByRole('dialog', { name: /未处理事件/ });
    await expect(list.getByRole('listitem')).toHaveCount(incidents + 1);
    await expect(list.getByRole('listitem').first()).toContainText('疑似病例');
    await expect(list.getByRole('listitem').first().getByRole('link')).toHaveText('打开隔离清单');
    await page.screenshot({ path: `${screens}/alert-${incidents}-list.png` });
    await touch(list.getByRole('button', { name: '关闭' }));
    await expect(list).toHaveCount(0);
  });
}
