/** Debian's Chromium, never a downloaded browser (the machine reaches no browser CDN). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${e2ePort}`;

/**
 * The time zone the end-to-end run lives in: one where it is late morning now, whatever
 * the hour CI starts. Bookings are made around "now", and the hall's day has an opening,
 * a closing and a midnight; a run at 23:50 in Shanghai would see slots cross midnight.
 * Chromium, the server and the test code all read TZ (set once, inherited by workers).
 */
export function lateMorningTimeZone(now = new Date()): string {
  const offset = 11 - now.getUTCHours(); // hours ahead of UTC: -12 … +11
  // POSIX Etc zones count the other way: Etc/GMT-8 is eight hours ahead of UTC.
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** What every Playwright run of ours gives the tablet's page (playwright*.config.ts). */
export const tabletUse = {
  baseURL,
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
};
