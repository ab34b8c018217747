/**
 * Load on the hall server (the security review's load test, repeated after hardening):
 * 4 tablets push a visit and pull every ~250 ms each for 60 s, while the admin CLI
 * imports 10,000 bookings into the same database (twice, from another process).
 * Prints: requests, errors (any non-200), p50/p99/max latency of push and pull, the
 * CLI's import times, and the server's RSS at start and end.
 *   node --import tsx bench/load-bench.ts   (LOAD_SECONDS to shorten)
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointEvent } from '../src/domain/events';
import { bookingsCsv } from '../tests/fixtures/bookings-csv';
import { manyBookings, visitEvents } from '../tests/fixtures/builders';
import { greenVisitSteps } from '../tests/fixtures/tablet';
import { enrolledDevice, startServer } from '../tests/integration/server-process';
import { rssMb } from './process-stats';
import { sized } from './size';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const TABLETS = 4;

function quantile(sorted: readonly number[], q: number): number {
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10
  );
}

function cliImport(dataDir: string, csv: string): Promise<{ code: number | null; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/admin-cli.ts', 'import-bookings', 'load', csv],
      { env: { ...process.env, DATA_DIR: dataDir }, stdio: 'ignore' },
    );
    child.on('exit', (code) => resolve({ code, ms: Math.round(performance.now() - t0) }));
  });
}

const server = await startServer();
try {
  const tokens: string[] = [];
  for (let t = 0; t < TABLETS; t++)
    tokens.push(await enrolledDevice(server.url, 'load', `tab-${t}`));
  const bookings = manyBookings(sized(10_000, 200), Date.now(), 3, 'L');
  const csv = join(server.dataDir, 'load.csv');
  writeFileSync(csv, bookingsCsv(bookings));

  const rssStart = rssMb(server.pid);
  const latencies = { push: [] as number[], pull: [] as number[] };
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const imports = (async () => {
    const runs = [];
    await new Promise((r) => setTimeout(r, 2_000));
    for (let i = 0; i < 2; i++) runs.push(await cliImport(server.dataDir, csv));
    return runs;
  })();

  const tablet = async (t: number) => {
    const token = tokens[t] ?? '';
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let seq = 1;
    let cursor = 0;
    for (let v = 0; Date.now() < end; v++) {
      const events: CheckpointEvent[] = visitEvents(greenVisitSteps().flat(), {
        site: 'load',
        device: `tab-${t}`,
        visit: `tab-${t}-v${v}`,
        firstSeq: seq,
        start: Date.now(),
        stepMs: 1,
      });
      seq += events.length;
      let t0 = performance.now();
      const push = await fetch(`${server.url}/api/v1/sites/load/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ events }),
      });
      await push.text();
      latencies.push.push(performance.now() - t0);
      if (push.status !== 200) errors++;
      t0 = performance.now();
      const pull = await fetch(
        `${server.url}/api/v1/sites/load/events?after=${cursor}&limit=1000`,
        {
          headers,
        },
      );
      const body = (await pull.json()) as { cursor?: number };
      latencies.pull.push(performance.now() - t0);
      if (pull.status !== 200) errors++;
      cursor = body.cursor ?? cursor;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await Promise.all(Array.from({ length: TABLETS }, (_, t) => tablet(t)));
  const runs = await imports;
  const rssEnd = rssMb(server.pid);

  const report = (name: 'push' | 'pull') => {
    const sorted = [...latencies[name]].sort((a, b) => a - b);
    return `${name}: ${sorted.length} requests, p50 ${quantile(sorted, 0.5)} ms, p99 ${quantile(sorted, 0.99)} ms, max ${quantile(sorted, 1)} ms`;
  };
  console.log(
    `load: ${TABLETS} tablets for ${SECONDS} s while the CLI imported ${bookings.length.toLocaleString('en')} bookings twice`,
  );
  console.log(report('push'));
  console.log(report('pull'));
  console.log(`errors (non-200): ${errors}`);
  console.log(`CLI imports: ${runs.map((r) => `exit ${r.code} in ${r.ms} ms`).join(', ')}`);
  console.log(`server RSS: ${rssStart} MB at start, ${rssEnd} MB at end`);
} finally {
  await server.stop();
}
