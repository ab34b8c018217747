/**
 * `npm run bench:smoke`: every bench once at a tiny size (BENCH_SMOKE=1 and the benches'
 * own knobs), so a change that breaks one fails CI. Prints each bench's name and seconds;
 * fails on the first bench that exits non-zero or outlives its time limit. The figures
 * mean nothing.
 *
 * Ports: the servers and Vite take free ones (the e2e tests' 4173 is never used);
 * bench:county gets COUNTY_PORT=0 / PG_PORT=0 (free ones) unless set.
 * bench:pwa builds first unless BENCH_SKIP_BUILD=1 (CI has just built dist/).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Bench {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

const tsx = (file: string) => [process.execPath, '--import', 'tsx', file];
const skipBuild = process.env.BENCH_SKIP_BUILD === '1';

const benches: Bench[] = [
  { name: 'bench:storage', command: [process.execPath, 'bench/run.mjs'] },
  { name: 'bench:sync', command: tsx('bench/sync-bench.ts') },
  { name: 'bench:scan', command: tsx('bench/scan-run.ts') },
  { name: 'bench:card', command: tsx('bench/card-run.ts') },
  { name: 'bench:ledger', command: tsx('bench/ledger-bench.ts') },
  { name: 'bench:load', command: tsx('bench/load-bench.ts'), env: { LOAD_SECONDS: '2' } },
  {
    name: 'bench:county',
    command: tsx('bench/county-bench.ts'),
    // 10 halls: 40 tablets enrolled from one address, as the full bench does.
    env: {
      COUNTY_HALLS: '10',
      COUNTY_VISITS: '20',
      COUNTY_SYNC_MS: '200',
      COUNTY_COST_VISITS: '20',
      COUNTY_PORT: process.env.COUNTY_PORT ?? '0',
      PG_PORT: process.env.PG_PORT ?? '0',
    },
  },
  { name: 'bench:bookings', command: tsx('bench/bookings-bench.ts'), env: { BOOKINGS: '1000' } },
  { name: 'bench:chain', command: tsx('bench/chain-bench.ts') },
  ...(skipBuild
    ? []
    : [
        { name: 'bench:pwa (vite build)', command: ['npx', 'vite', 'build', '--logLevel', 'warn'] },
      ]),
  { name: 'bench:pwa', command: tsx('bench/pwa-run.ts'), env: { BENCH_RUNS: '1' } },
  { name: 'bench:tablet', command: tsx('bench/tablet-run.ts'), env: { BENCH_RATES: '4' } },
  {
    name: 'bench:tablet-profile',
    command: tsx('bench/tablet-profile.ts'),
    env: { BENCH_TAPS: '1' },
  },
  {
    name: 'bench:tablet-ab',
    command: tsx('bench/tablet-ab.ts'),
    env: { BENCH_TAPS: '1', BENCH_ROUNDS: '1' },
  },
  {
    name: 'bench:release',
    command: tsx('bench/release-bench.ts'),
    env: { BENCH_SKIP_BUILD: '1', RELEASE_RUNS: '1', NPM_START_RUNS: '0' },
  },
];

const LIMIT_MS = 90_000;

function run(b: Bench): Promise<void> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = b.command;
    const child = spawn(file ?? '', args, {
      env: { ...process.env, BENCH_SMOKE: '1', ...b.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const keep = (c: Buffer) => {
      out = (out + c.toString()).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      // The bench's whole process group: its servers and browsers too.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`${b.name}: still running after ${LIMIT_MS / 1_000} s\n${out}`));
    }, LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${b.name}: exit ${code ?? signal}\n${out}`));
    });
  });
}

if (skipBuild && !existsSync('dist/index.html'))
  throw new Error('BENCH_SKIP_BUILD=1 but dist/ has no build: npm run build first');
const t0 = performance.now();
for (const b of benches) {
  const started = performance.now();
  await run(b);
  console.log(`${b.name}: ${((performance.now() - started) / 1_000).toFixed(1)} s`);
}
console.log(
  `bench:smoke: all ${benches.length} in ${((performance.now() - t0) / 1_000).toFixed(1)} s`,
);
