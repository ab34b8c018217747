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
