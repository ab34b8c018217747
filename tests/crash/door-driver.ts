/**
 * Drives the door as staff do on the green path, and watches what the screen confirms.
 * A MutationObserver in the page reports each new screen (step heading, verdict) through
 * a binding, in order, so the harness knows exactly what had been shown when it killed
 * the browser: a report that reached it was on screen.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Screen } from './checks';

const OBSERVER = `(() => {
  const titles = [['查找预约', 'appointment'], ['口罩与手消毒', 'mask'], ['测量体温', 'temperature'],
    ['核对身份证', 'identity'], ['健康码与行程码', 'codes']];
  let last = '';
  const look = () => {
    const title = document.querySelector('#step-title')?.textContent ?? '';
    const verdict = document.querySelector('[data-testid="outcome"]');
    let screen = titles.find(([t]) => title.includes(t))?.[1] ?? '';
    if (screen === 'appointment' && verdict) screen = 'outcome';
    if (screen && screen !== last) { last = screen; window.__crashSeen(screen); }
  };
  const start = () => {
    new MutationObserver(look).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    look();
  };
  if (document.documentElement) start(); else addEventListener('DOMContentLoaded', start);
})();`;

export class DoorDriver {
  private screen: Screen | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    readonly page: Page,
    private readonly onSeen: (screen: Screen) => void,
  ) {}

  static async attach(context: BrowserContext, onSeen: (screen: Screen) => void) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1280, height: 800 });
    const driver = new DoorDriver(page, onSeen);
    await context.exposeBinding('__crashSeen', (_source, screen: Screen) => driver.seen(screen));
    await context.addInitScript(OBSERVER);
    return driver;
  }

  private seen(screen: Screen) {
    this.screen = screen;
    this.onSeen(screen);
    for (const w of this.waiters.splice(0)) w();
  }

  /** The screen now on show, waiting for one when the page has not painted a step yet. */
  async current(timeoutMs = 20_000): Promise<Screen> {
    const deadline = Date.now() + timeoutMs;
    while (this.screen === null) {
      if (Date.now() > deadline) throw new Error('no door screen');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
    return this.screen;
  }

  /** Waits until the screen is no longer `from` (the step was confirmed, or refused). */
  async leave(from: Screen, timeoutMs = 20_000): Promise<Screen> {
    const deadline = Date.now() + timeoutMs;
    while (this.screen === from) {
      if (Date.now() > deadline) throw new Error(`stuck on ${from}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
    return this.screen ?? from;
  }

  /** Resumes an unfinished check when the door lists one; true if it did. */
  async resumeDraft(): Promise<boolean> {
    const resume = this.page.getByRole('button', { name: /^继续检查/ }).first();
    if (!(await resume.isVisible())) return false;
    await resume.click();
    return true;
  }

  async chooseBooking(bookingId: string) {
    await this.page.getByRole('searchbox').fill(bookingId);
    await this.page.getByRole('button', { name: new RegExp(bookingId) }).click();
  }

  /** The one tap that completes `screen` on the green path. */
  async tapStep(screen: Exclude<Screen, 'appointment' | 'outcome'>) {
    const name = {
      mask: '已戴口罩 · 已手消毒',
      temperature: '36.5',
      identity: '身份证与预约一致',
      codes: '绿码 · 行程无中高风险',
    }[screen];
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
