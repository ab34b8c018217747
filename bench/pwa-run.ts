/**
 * PWA benchmark (`npm run bench:pwa`, after `npm run build`), in Debian's Chromium:
 * 1. offline cold start: a fresh browser process on a profile that opened the app once
 *    online, the network off, navigation to the door until a booking can be tapped;
 *    median of 10;
 * 2. initial JavaScript (what index.html loads) gzip size, and the chunks loaded lazily,
 *    with those actually fetched during the cold start.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server';
import { importBookings } from '../tests/e2e/helpers';
import { summarise } from './stats';

const RUNS = 10;
const DIST = 'dist';

declare global {
  interface Window {
    shellAt?: number;
    doorReadyAt?: number;
  }
}

function gzipKb(file: string) {
  const bytes = readFileSync(join(DIST, file));
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
}

function jsSizes() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const all = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !initial.includes(f));
  const total = (files: string[]) =>
    files.map(gzipKb).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), {
      raw: 0,
      gzip: 0,
    });
  return { initial, lazy, initialSize: total(initial), lazySize: total(lazy) };
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
      fromServiceWorker: (navigation?.workerStart ?? 0) > 0,
      scripts: paths.filter((p) => p.endsWith('.js')),
    };
  }, initial);
}

const sizes = jsSizes();
const server = await startStaticServer(DIST);
const profile = mkdtempSync(join(tmpdir(), 'checkpoint-bench-'));
try {
  await prepare(profile, server.url);
  const samples: number[] = [];
  const html: number[] = [];
  const scripts: number[] = [];
  const shell: number[] = [];
  let fetched = new Set<string>();
  let allFromWorker = true;
  for (let i = 0; i < RUNS; i++) {
    const context = await launch(profile, server.url, true);
    const run = await coldStart(context, sizes.initial);
    samples.push(run.readyMs);
    html.push(run.htmlMs);
    scripts.push(run.scriptsMs);
    shell.push(run.shellMs);
    allFromWorker &&= run.fromServiceWorker;
    fetched = new Set([...fetched, ...run.scripts]);
    await context.close();
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(`Offline cold start to an interactive door (${RUNS} browser launches), ms:`);
  console.table({
    'HTML from the service worker': summarise(html),
    'initial scripts from the cache': summarise(scripts),
    'app shell rendered (storage open)': summarise(shell),
    'door ready (bookings listed)': summarise(samples),
  });
  console.log(`every start served by the service worker: ${allFromWorker}`);
  console.log('\nInitial JavaScript (index.html):');
  console.table(Object.fromEntries(sizes.initial.map((f) => [f, { ...gzipKbRounded(f) }])));
  console.log(
    `initial JS total: ${round(sizes.initialSize.raw)} KB, gzip ${round(sizes.initialSize.gzip)} KB`,
  );
  console.log('\nLoaded lazily (not in index.html):');
  console.table(
    Object.fromEntries(
      sizes.lazy.map((f) => [
        f,
        { ...gzipKbRounded(f), 'fetched at door cold start': fetched.has(f) },
      ]),
    ),
  );
  console.log(
    `lazy JS total: ${round(sizes.lazySize.raw)} KB, gzip ${round(sizes.lazySize.gzip)} KB`,
  );

  function gzipKbRounded(f: string) {
    const { raw, gzip } = gzipKb(f);
    return { 'raw KB': round(raw), 'gzip KB': round(gzip) };
  }
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
