// `npm run bench:card`: the card corpus through the card's number reader (the glyph
// reader; CARD_VARIANT='&reader=tesseract' for Tesseract, '&fonts=no-ocrb' for the glyph
// reader without OCR-B's templates) in Debian's Chromium, CPU throttled 1× then 4× (Emulation.setCPUThrottlingRate) in one sitting.
// CARD_SAMPLES (20) per condition at 1×, CARD_SAMPLES_SLOW (4) at 4×, CARD_RATES=1,4,
// CARD_CONDITIONS=control,glare: only those; CARD_MISSES=1 prints what the misses read.
// A smoke run: one card of the control and one bank card, at 1×.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';
import { SMOKE } from './size';

// Without Debian's fonts the canvas falls back to another face without a word: refuse.
const fonts = execFileSync('fc-list', { encoding: 'utf8' });
for (const [face, pkg] of [
  ['OCR B', 'fonts-ocr-b'],
  ['Noto Sans CJK', 'fonts-noto-cjk'],
] as const)
  if (!fonts.includes(face)) throw new Error(`bench:card needs ${face}: apt-get install ${pkg}`);

const server = await createServer({ server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
await server.listen();
const base = server.resolvedUrls?.local[0];
const rates = (process.env.CARD_RATES ?? (SMOKE ? '1' : '1,4')).split(',').map(Number);
const samples = process.env.CARD_SAMPLES ?? (SMOKE ? '1' : '20');
const slowSamples = process.env.CARD_SAMPLES_SLOW ?? '4';
// CARD_VARIANT='&reader=tesseract&model=4.0.0&stripWidth=1400&psm=6': a variant to compare.
const variant = process.env.CARD_VARIANT ?? '';
const conditions = process.env.CARD_CONDITIONS ?? (SMOKE ? 'control,negative: bank card' : '');
const only = conditions ? `&conditions=${encodeURIComponent(conditions)}` : '';

interface Result {
  loadMs: number;
  table: Record<string, unknown>;
  examples: Record<string, string[]>;
  error?: string;
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
try {
  for (const rate of rates) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const n = rate === 1 ? samples : slowSamples;
    await page.goto(`${base}bench/card.html?samples=${n}${only}${variant}`, {
      waitUntil: 'commit',
    });
    await page.waitForFunction(() => window.benchResult, null, {
      timeout: 3_600_000,
      polling: 500,
    });
    const result = (await page.evaluate(() => window.benchResult)) as Result;
    if (result.error) throw new Error(result.error);
    console.log(
      `\nCard corpus, CPU ${rate}×, ${n} cards per condition (the reader ready in ${result.loadMs} ms):`,
    );
    console.table(result.table);
    if (process.env.CARD_MISSES) console.log(result.examples);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
