/**
 * `npm run test:faults`: randomized fault schedules over each store, in worker processes
 * (one per core by default), then the figures.
 *
 *   SCHEDULES  schedules per store (default 600)
 *   SEED       first seed (default: from the clock, printed); schedule i has seed SEED+i,
 *              so `SEED=<a failing seed> SCHEDULES=1` replays one schedule
 *   STORES     comma-separated, default "sqlite,postgres"
 *   DATABASE_URL  a PostgreSQL cluster to use; without it one is started for the run
 *   WORKERS    worker processes (default 2)
 *   PLANT      a bug planted on purpose (mark-before-reply, cursor-ahead, skip-emptied-day): must fail
 *
 * Exits 1 unless events lost, events doubled and devices not converged are all 0.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PgCluster, startPgCluster } from '../../scripts/pg-cluster';
import type { Totals } from './run-batches';
import type { Plant } from './run-schedule';
import { STORE_NAMES } from './stores';
import type { Job } from './worker';

const env = process.env;
const perStore = Number(env.SCHEDULES ?? 600);
const seed = Number(env.SEED ?? Date.now() % 1_000_000_000);
const workers = Number(env.WORKERS ?? 2);
const plant = (env.PLANT ?? 'none') as Plant;
const stores = (env.STORES ?? STORE_NAMES.join(',')).split(',').filter(Boolean);
const CHUNK = 250;

if (!Number.isInteger(perStore) || perStore < 1) throw new Error('SCHEDULES: a whole number ≥ 1');
if (!Number.isInteger(seed) || seed < 0) throw new Error('SEED: a whole number ≥ 0');
if (!Number.isInteger(workers) || workers < 1) throw new Error('WORKERS: a whole number ≥ 1');
for (const s of stores)
  if (!(STORE_NAMES as readonly string[]).includes(s))
    throw new Error(`STORES: unknown store "${s}" (${STORE_NAMES.join(', ')})`);
const PLANTS = ['mark-before-reply', 'cursor-ahead', 'skip-emptied-day'];
if (plant !== 'none' && !PLANTS.includes(plant))
  throw new Error(`PLANT: unknown bug "${plant}" (${PLANTS.join(', ')})`);

const started = performance.now();
let cluster: PgCluster | null = null;
let databaseUrl = env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : undefined;
// The cluster's folder goes under /var/tmp, not /tmp: on a shared machine someone
// tidying /tmp/pg-cluster-* took a running cluster away (it happened, twice).
const clusterParent = mkdtempSync('/var/tmp/faults-');
chmodSync(clusterParent, 0o755);
if (stores.includes('postgres') && !databaseUrl) {
  process.env.TMPDIR = clusterParent;
  cluster = await startPgCluster();
  databaseUrl = cluster.url;
}
console.log(
  `fault schedules: ${perStore} per store over ${stores.join(' + ')}, seeds ${seed}…${seed + perStore - 1}, ${workers} workers${plant === 'none' ? '' : `, planted bug: ${plant}`}`,
);

const jobs: Job[] = stores.flatMap((store) =>
  Array.from({ length: Math.ceil(perStore / CHUNK) }, (_, i) => ({
    store,
    first: seed + i * CHUNK,
    count: Math.min(CHUNK, perStore - i * CHUNK),
    plant,
    ...(store === 'postgres' && databaseUrl ? { databaseUrl } : {}),
  })),
);

const workerFile = fileURLToPath(new URL('./worker.ts', import.meta.url));
function runJob(job: Job): Promise<Totals> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerFile], {
      env: { ...process.env, FAULT_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Totals);
      else
        reject(
          new Error(`worker for ${job.store} ${job.first}+${job.count} exited ${code}:\n${out}`),
        );
    });
  });
}

const results: Totals[] = [];
try {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const done = await runJob(job);
        results.push(done);
        console.log(
          `  ${done.store} ${job.first}+${done.schedules}: lost ${done.lost}, doubled ${done.doubled}, not converged ${done.notConverged} (${(done.ms / 1000).toFixed(0)} s)`,
        );
      }
    }),
  );
} finally {
  await cluster?.stop().catch((e: unknown) => console.error(`cluster stop: ${String(e)}`));
  rmSync(clusterParent, { recursive: true, force: true });
}

type Count = 'schedules' | 'recorded' | 'lost' | 'doubled' | 'notConverged' | 'unexplained';
const total = (list: readonly Totals[], key: Count) => list.reduce((n, t) => n + t[key], 0);
console.log('');
console.log('store      schedules   events  lost  doubled  not converged  worker s');
for (const store of stores) {
  const of = results.filter((r) => r.store === store);
  const cells = [
    String(total(of, 'schedules')).padStart(9),
    String(total(of, 'recorded')).padStart(8),
    String(total(of, 'lost')).padStart(5),
    String(total(of, 'doubled')).padStart(8),
    String(total(of, 'notConverged')).padStart(14),
    (of.reduce((n, t) => n + t.ms, 0) / 1000).toFixed(0).padStart(9),
  ];
  console.log(`${store.padEnd(10)} ${cells.join(' ')}`);
}
console.log('');
console.log(`schedules run:          ${total(results, 'schedules')}`);
console.log(`events lost:            ${total(results, 'lost')}`);
console.log(`events doubled:         ${total(results, 'doubled')}`);
console.log(`devices not converged:  ${total(results, 'notConverged')}`);
if (total(results, 'unexplained') > 0)
  console.log(`events no tablet made:  ${total(results, 'unexplained')}`);
console.log(`seed ${seed}, ${((performance.now() - started) / 1000).toFixed(0)} s`);

const failures = results.flatMap((t) => t.failures.map((f) => ({ store: t.store, ...f })));
for (const f of failures.slice(0, 10))
  console.log(
    `FAILED seed ${f.seed} on ${f.store}: ${f.problems.join('; ')}\n  replay: SEED=${f.seed} SCHEDULES=1 STORES=${f.store}${plant === 'none' ? '' : ` PLANT=${plant}`} npm run test:faults`,
  );
process.exitCode = failures.length > 0 ? 1 : 0;
