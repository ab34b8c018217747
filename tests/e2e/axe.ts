import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what issue 24 asks every screen to meet. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on what the page shows now and fails (softly: every screen of a tour is
 * reported) on any serious or critical violation, naming the rule, its help and the nodes.
 */
export async function expectAccessible(page: Page, screen: string) {
  // Buttons that just appeared are disabled while they settle (src/ui/settle.tsx), and
  // axe skips disabled controls: wait until the screen is what the staff can tap.
  await page.waitForTimeout(450);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    );
  expect.soft(blocking, `axe on ${screen}: serious or critical violations`).toEqual([]);
}
