// Runs bench/*.html in Debian's Chromium against a Vite dev server, prints figures.
import { chromium } from '@playwright/test';
import { createServer } from 'vite';

const server = await createServer({ server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
await server.listen();
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const pages = [
  ['storage', 'Storage in Chromium (real IndexedDB, strict durability), ms:'],
  ['guide', 'The guide in Chromium (1,000 admitted today; real IndexedDB, strict durability), ms:'],
  ['ledger-paint', "The lead's ledger, mount to first rows painted (5,000 visits today), ms:"],
];
// BENCH_PAGES=guide runs only that page.
const only = process.env.BENCH_PAGES?.split(',');
try {
  for (const [name, title] of pages.filter(([name]) => !only || only.includes(name))) {
    const page = await browser.newPage();
    // BENCH_SMOKE=1: the pages at a tiny size (bench/size.ts).
    await page.goto(`${url}bench/${name}.html${process.env.BENCH_SMOKE === '1' ? '?smoke' : ''}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (result && typeof result === 'object' && 'error' in result)
      throw new Error(`bench/${name}.html: ${String(result.error)}`);
    console.log(title);
    console.table(result);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
