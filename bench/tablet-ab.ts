/**
 * Two builds of the door compared in one sitting (`npm run bench:tablet-ab`, issue 31):
 * the walk-in taps of bench:tablet at BENCH_RATE (4×), camera on, alternating between
 * BENCH_DIST_A and BENCH_DIST_B every BENCH_TAPS rounds, BENCH_ROUNDS times, so the
 * machine's load falls on both alike. Prints tap → next step (p50/p95, and the median of each of the five taps)
 * and the input delay per build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../scripts/static-server';
import { summarise } from './stats';
import { cameraBrowser, doorWithCamera, GREEN_CODE, throttle, walkInTaps } from './tablet-door';

const RATE = Number(process.env.BENCH_RATE ?? 4);
const TAPS = Number(process.env.BENCH_TAPS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const builds = {
  A: process.env.BENCH_DIST_A ?? 'dist',
  B: process.env.BENCH_DIST_B ?? 'dist',
};

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-ab-'));
const browser = await cameraBrowser(dir, GREEN_CODE);
const servers = {
  A: await startStaticServer(builds.A),
  B: await startStaticServer(builds.B),
};
const taps = { A: [] as number[], B: [] as number[] };
const delays = { A: [] as number[], B: [] as number[] };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
      const page = await doorWithCamera(browser, servers[build].url);
      await throttle(page, RATE);
      await page.evaluate(() => {
        window.tapTimes = [];
        window.inputDelays = [];
      });
      await walkInTaps(page, TAPS);
      const got = await page.evaluate(() => ({ next: window.tapTimes, delay: window.inputDelays }));
      taps[build].push(...got.next);
      delays[build].push(...got.delay);
      await page.context().close();
    }
  }
  for (const build of ['A', 'B'] as const) {
    const all = summarise(taps[build]);
    const byTap = [0, 1, 2, 3, 4].map(
      (k) => summarise(taps[build].filter((_, i) => i % 5 === k)).median,
    );
    console.log(
      `${build} (${builds[build]}), ${RATE}×, ${all.n} taps: tap → next step p50 ${all.median} ` +
        `p95 ${all.p95} ms; median by tap ${byTap.join(' / ')}; input delay p50 ` +
        `${summarise(delays[build]).median} p95 ${summarise(delays[build]).p95} ms`,
    );
  }
} finally {
  await browser.close();
  await servers.A.close();
  await servers.B.close();
  rmSync(dir, { recursive: true, force: true });
}
