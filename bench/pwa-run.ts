/**
 * PWA benchmark (`npm run bench:pwa`, which builds first), in Debian's Chromium:
 * 1. offline cold start: a fresh browser process on a profile that opened the app once
 *    online, the network off, navigation to the door until a booking can be tapped;
 *    median of 20 (BENCH_RUNS=n for another count);
 * 2. initial JavaScript (scripts/bundle-size.ts) gzip size, and the chunks loaded lazily,
 *    with those actually fetched during the cold start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { bundleSizes, type ChunkSize } from '../scripts/bundle-size';
import { startStaticServer } from '../scripts/static-server';
import { importBookings } from '../tests/e2e/helpers';
import { summarise } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DIST = 'dist';

declare global {
  interface Window {
    shellAt?: number;
    doorReadyAt?: number;
  }
}

const launch = (profile: string, baseURL: string, offline: boolean) =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    baseURL,
    offline,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });

async function prepare(profile: string, baseURL: string) {
  const context = await launch(profile, baseURL, false);
  const page = context.pages()[0] ?? (await context.newPage());
  await importBookings(page, Date.now());
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
}

/** Time from navigation start until a booking card (a tap target of the door) exists. */
async function coldStart(context: BrowserContext, initial: string[]) {
  // A string, not a function: tsx would wrap named inner functions in a helper that
  // does not exist in the page.
  await context.addInitScript(`
    new MutationObserver(() => {
      if (window.shellAt === undefined && document.querySelector('.shell')) {
        window.shellAt = performance.now();
      }
      if (window.doorReadyAt === undefined && document.querySelector('.booking-card')) {
        window.doorReadyAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  `);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await page.waitForFunction(() => window.doorReadyAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate((initialScripts) => {
    const readyAt = window.doorReadyAt ?? Number.POSITIVE_INFINITY;
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    // No named functions in here: tsx would wrap them in a helper the page lacks.
    const paths = resources.map((r) => new URL(r.name).pathname.slice(1));
    return {
      readyMs: window.doorReadyAt ?? Number.NaN,
      shellMs: window.shellAt ?? Number.NaN,
      htmlMs: navigation?.responseEnd ?? Number.NaN,
      scriptsMs: Math.max(
        ...resources
          .filter((_, i) => initialScripts.includes(paths[i] ?? ''))
          .map((r) => r.responseEnd),
      ),
      allScriptsMs: Math.max(
        ...resources
          .filter((r, i) => (paths[i] ?? '').endsWith('.js') && r.responseEnd < readyAt)
          .map((r) => r.responseEnd),
      ),
      fromServiceWorker: (navigation?.workerStart ?? 0) > 0,
      scripts: paths.filter((p) => p.endsWith('.js')),
    };
  }, initial);
}

const round = (n: number) => Math.round(n * 10) / 10;
const kb = (c: ChunkSize) => ({ 'raw KB': round(c.rawKb), 'gzip KB': round(c.gzipKb) });

const sizes = bundleSizes(DIST);
const initialFiles = sizes.initial.map((c) => c.file);
const server = await startStaticServer(DIST);
const profile = mkdtempSync(join(tmpdir(), 'checkpoint-bench-'));
try {
  await prepare(profile, server.url);
  const samples: number[] = [];
  const html: number[] = [];
  const scripts: number[] = [];
  const allScripts: number[] = [];
  const shell: number[] = [];
  let fetched = new Set<string>();
  let allFromWorker = true;
  for (let i = 0; i < RUNS; i++) {
    const context = await launch(profile, server.url, true);
    const run = await coldStart(context, initialFiles);
    samples.push(run.readyMs);
    html.push(run.htmlMs);
    scripts.push(run.scriptsMs);
    allScripts.push(run.allScriptsMs);
    shell.push(run.shellMs);
    allFromWorker &&= run.fromServiceWorker;
    fetched = new Set([...fetched, ...run.scripts]);
    await context.close();
  }
  console.log(`Offline cold start to an interactive door (${RUNS} browser launches), ms:`);
  console.table({
    'HTML from the service worker': summarise(html),
    'initial scripts from the cache': summarise(scripts),
    'every script the door needs from the cache': summarise(allScripts),
    'app shell rendered (storage open)': summarise(shell),
    'door ready (bookings listed)': summarise(samples),
  });
  console.log(`every start served by the service worker: ${allFromWorker}`);
  console.log('\nInitial JavaScript (the entry, its static imports, modulepreloads):');
  console.table(Object.fromEntries(sizes.initial.map((c) => [c.file, kb(c)])));
  console.log(`initial JS total: gzip ${round(sizes.initialGzipKb)} KB`);
  console.log('\nLoaded lazily (dynamic imports):');
  console.table(
    Object.fromEntries(
      sizes.lazy.map((c) => [
        c.file,
        { ...kb(c), 'fetched at door cold start': fetched.has(c.file) },
      ]),
    ),
  );
  const atStart = [...sizes.initial, ...sizes.lazy.filter((c) => fetched.has(c.file))];
  console.log(
    `lazy JS total: gzip ${round(sizes.lazyGzipKb)} KB; JS fetched by a door cold start: ` +
      `gzip ${round(atStart.reduce((t, c) => t + c.gzipKb, 0))} KB`,
  );
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
