import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { aBooking, MINUTE, validIdNumber } from '../fixtures/builders';
import { admitGreenVisitor, importBookings, recheckNow, typeReading } from './helpers';

/**
 * Verdicts are never told by colour alone (issue 24): one man in twelve does not see red
 * and green apart. Each verdict at the door is reached as staff reach it; each card must
 * carry a word heading and an icon of its own wherever its colour (severity) or its kind
 * differs, and must still read apart with every colour taken away.
 */
const dir = '.e2e-artifacts/screens';

const people = [
  { bookingId: 'V1', name: '张三明' }, // admitted
  { bookingId: 'V2', name: '李四' }, // red health code: the alarm
  { bookingId: 'V3', name: '王五', slotStart: Date.now() + 60 * MINUTE }, // too early
  { bookingId: 'V4', name: '赵六' }, // 37.4 twice: home observation
  { bookingId: 'V5', name: '钱七' }, // 37.9 then 38.4: isolation
  { bookingId: 'V6', name: '孙八' }, // leaves before the end
];

const identity = (page: Page) => page.getByRole('button', { name: '身份证与预约一致' });
const maskAndHands = (page: Page) =>
  page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();

/** A visitor high at the door, rested and re-checked, who then shows the ID card. */
async function recheckedVisitor(page: Page, who: RegExp, first: string, recheck: string) {
  await page.getByRole('button', { name: who }).click();
  await maskAndHands(page);
  await typeReading(page, first);
  await recheckNow(page);
  await typeReading(page, recheck);
  await identity(page).click();
}

/** How each verdict is reached from the bookings list, after the previous card. */
const verdicts: readonly { name: string; reach: (page: Page) => Promise<void> }[] = [
  { name: 'admitted', reach: (page) => admitGreenVisitor(page, /张\*明/) },
  {
    name: 'refused (no booking)',
    reach: async (page) => {
      await page.getByRole('button', { name: '无预约' }).click();
      await page.getByRole('button', { name: '不是' }).click();
    },
  },
  { name: 'come back later', reach: (page) => page.getByRole('button', { name: /王\*/ }).click() },
  {
    name: 'red code',
    reach: async (page) => {
      await page.getByRole('button', { name: /李\*/ }).click();
      await maskAndHands(page);
      await page.getByRole('button', { name: '36.5', exact: true }).click();
      await identity(page).click();
      await page.getByRole('button', { name: '红码', exact: true }).click();
    },
  },
  { name: 'home observation', reach: (page) => recheckedVisitor(page, /赵\*/, '37.4', '37.4') },
  { name: 'isolated', reach: (page) => recheckedVisitor(page, /钱\*/, '37.9', '38.4') },
  {
    name: 'left',
    reach: async (page) => {
      await page.getByRole('button', { name: /孙\*/ }).click();
      await page.getByRole('button', { name: '来访者离开' }).click();
      await page.getByRole('button', { name: '确认', exact: true }).click();
    },
  },
];

/** Every colour taken away: black on white, as a screen seen without any hue. */
const NO_COLOUR = `*, *::before, *::after {
  color: #000 !important; background: #fff !important; border-color: #000 !important;
  box-shadow: none !important; fill: none !important; }`;

/** A constructed style sheet: the app's CSP allows no inline style, and needs not to here. */
function withoutColour(page: Page, on: boolean) {
  return page.evaluate(
    ([css, on]) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = on ? [sheet] : [];
    },
    [NO_COLOUR, on] as const,
  );
}

interface Cue {
  name: string;
  severity: string | null;
  heading: string;
  icon: string;
  /** The card's heading and icon with every colour taken away, as pixels. */
  plain: Buffer;
}

async function cueOf(page: Page, card: Locator, name: string): Promise<Cue> {
  const head = card.locator('.outcome-head');
  const heading = head.getByRole('heading', { level: 2 });
  const icon = head.locator('svg');
  await expect(heading, `${name}: a word heading`).toHaveText(/\S/);
  await expect(icon, `${name}: one icon beside the heading`).toHaveCount(1);
  // The icon is decoration for a screen reader (the heading says it): hidden, not named.
  await expect(icon, `${name}: the icon hidden from screen readers`).toHaveAttribute(
    'aria-hidden',
    'true',
  );
  const file = `${dir}/verdict-${name.replace(/\W+/g, '-')}`;
  await page.screenshot({ path: `${file}.png` });
  await withoutColour(page, true);
  await expect(heading, `${name}: the heading still shows without colour`).toBeVisible();
  const box = await icon.boundingBox();
  expect(box?.width ?? 0, `${name}: the icon still shows without colour`).toBeGreaterThan(40);
  const plain = await head.screenshot();
  await page.screenshot({ path: `${file}-no-colour.png` });
  await withoutColour(page, false);
  return {
    name,
    severity: await card.getAttribute('data-severity'),
    heading: ((await heading.textContent()) ?? '').trim(),
    icon: (await icon.getAttribute('class')) ?? '',
    plain,
  };
}

test('every verdict has a word heading and an icon of its own, and reads apart without colour', async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  await importBookings(
    page,
    now,
    people.map((p, i) =>
      aBooking(
        { idNumber: validIdNumber(`33010219850512${300 + i}`), phone: `1381234${5600 + i}`, ...p },
        now,
      ),
    ),
  );
  await page.getByRole('link', { name: '门岗检查' }).click();

  const cues: Cue[] = [];
  for (const verdict of verdicts) {
    await verdict.reach(page);
    const card = page.getByTestId('outcome');
    await card.waitFor();
    cues.push(await cueOf(page, card, verdict.name));
    console.log(`${verdict.name}: [${cues.at(-1)?.severity}] ${cues.at(-1)?.heading}`);
    await page.getByRole('button', { name: '下一位' }).click();
  }

  // Verdicts that differ in colour or in heading differ in heading and icon and, with no
  // colour left, in what is drawn: a refusal and the red-code alarm must not share a card.
  for (const [i, a] of cues.entries()) {
    for (const b of cues.slice(i + 1)) {
      if (a.severity === b.severity && a.heading === b.heading) continue; // one verdict, two reasons
      const pair = `${a.name} (${a.severity}) and ${b.name} (${b.severity})`;
      expect.soft(a.heading, `${pair}: the same heading`).not.toBe(b.heading);
      expect.soft(a.icon, `${pair}: the same icon`).not.toBe(b.icon);
      expect.soft(a.plain.equals(b.plain), `${pair}: alike without colour`).toBe(false);
    }
  }
  // Every kind of colour the door uses was seen, so the check above compared them all.
  expect(new Set(cues.map((c) => c.severity))).toEqual(
    new Set(['admitted', 'refused', 'come-back', 'alarm']),
  );
});
