/**
 * `npm run bench:release`: how long the hall's server takes to answer /healthz, started
 * from the release archive (unpacked; bin/checkpoint-server, Node on bundled JavaScript)
 * from `npm start` (vite build, then the server through tsx) and from `npm run server`
 * (tsx on the dist/ built), each on a fresh data folder, and the archive's size. Prints figures; asserts nothing about them.
 *
 * RELEASE_RUNS (default 5) starts of the archive, NPM_START_RUNS (default 2) of npm start and of npm run server;
 * BENCH_SKIP_BUILD=1 packs the dist/ already built. Ports 18420–18421 unless BENCH_PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '../scripts/release/build-release';

const runs = Number(process.env.RELEASE_RUNS ?? 5);
const npmStartRuns = Number(process.env.NPM_START_RUNS ?? 2);
const port = Number(process.env.BENCH_PORT ?? 18420);

/** Milliseconds from spawning `command` to /healthz answering 200; the process group killed. */
async function timeToHealthy(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const [file = '', ...args] = command;
  const child = spawn(file, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000)
        throw new Error(`${command.join(' ')}: no /healthz`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${(median / 1000).toFixed(2)} s (min ${((sorted[0] ?? 0) / 1000).toFixed(2)}, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(2)}; ${ms.length} runs)`;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

const work = mkdtempSync(join(tmpdir(), 'release-bench-'));
try {
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const release = await buildRelease({
    outDir: join(work, 'out'),
    skipAppBuild: process.env.BENCH_SKIP_BUILD === '1',
  });
  mkdirSync(join(work, 'unpacked'));
  spawnSync('tar', ['-xzf', release.archive, '-C', join(work, 'unpacked')]);
  const dir = join(work, 'unpacked', release.name);
  console.log(
    `archive ${release.name}.tar.gz: ${(release.bytes / 1e6).toFixed(1)} MB (unpacked ${(folderBytes(dir) / 1e6).toFixed(1)} MB)`,
  );

  const fromArchive: number[] = [];
  for (let i = 0; i < runs; i++)
    fromArchive.push(
      await timeToHealthy([join(dir, 'bin/checkpoint-server')], {
        DATA_DIR: join(work, `archive-data-${i}`),
        ADMIN_TOKEN: 'bench-admin-token-of-24-characters',
      }),
    );
  console.log(`/healthz from the archive: ${summary(fromArchive)}`);

  const fromNpmStart: number[] = [];
  for (let i = 0; i < npmStartRuns; i++)
    fromNpmStart.push(
      await timeToHealthy(['npm', 'start'], {
        DATA_DIR: join(work, `npm-start-data-${i}`),
        ADMIN_TOKEN: 'bench-admin-token-of-24-characters',
      }),
    );
  if (npmStartRuns > 0)
    console.log(`/healthz from npm start (vite build + tsx): ${summary(fromNpmStart)}`);

  // The same server through tsx on the dist/ already built: what tsx alone costs.
  const fromTsx: number[] = [];
  for (let i = 0; i < npmStartRuns; i++)
    fromTsx.push(
      await timeToHealthy(['npm', 'run', 'server'], {
        DATA_DIR: join(work, `tsx-data-${i}`),
        ADMIN_TOKEN: 'bench-admin-token-of-24-characters',
      }),
    );
  if (npmStartRuns > 0)
    console.log(`/healthz from npm run server (tsx, no build): ${summary(fromTsx)}`);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
