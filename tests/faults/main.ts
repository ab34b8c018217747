/**
 * `npm run test:faults`: randomized fault schedules over each store, then the figures.
 *
 *   SCHEDULES  schedules per store (default 600)
 *   SEED       first seed (default: from the clock, printed); schedule i has seed SEED+i,
 *              so `SEED=<a failing seed> SCHEDULES=1` replays one schedule
 *   STORES     comma-separated, default "sqlite" (+ "postgres" when DATABASE_URL is set)
 *   PLANT      a bug planted on purpose (mark-before-reply, cursor-ahead): must fail
 *
 * Exits 1 unless events lost, events doubled and devices not converged are all 0.
 */
import 'fake-indexeddb/auto';
import { runBatches, type Totals } from './run-batches';
import type { Plant } from './run-schedule';
import { type StoreFactory, sqliteFactory } from './stores';

const env = process.env;
const schedules = Number(env.SCHEDULES ?? 600);
const seed = Number(env.SEED ?? Date.now() % 1_000_000_000);
const plant = (env.PLANT ?? 'none') as Plant;
const storeNames = (env.STORES ?? (env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite')).split(',');

async function factoryFor(name: string): Promise<StoreFactory> {
  if (name === 'sqlite') return sqliteFactory();
  throw new Error(`unknown store "${name}" (sqlite, postgres)`);
}

if (!Number.isInteger(schedules) || schedules < 1) throw new Error('SCHEDULES: a whole number ≥ 1');
if (!Number.isInteger(seed)) throw new Error('SEED: a whole number');
console.log(
  `fault schedules: ${schedules} per store over ${storeNames.join(' + ')}, seeds ${seed}…${seed + schedules - 1}${plant === 'none' ? '' : `, planted bug: ${plant}`}`,
);

const all: Totals[] = [];
for (const name of storeNames) {
  const factory = await factoryFor(name);
  try {
    const totals = await runBatches(factory, seed, schedules, {
      plant,
      onProgress: (done) => {
        if (done % 100 === 0) console.log(`  ${name}: ${done}/${schedules}`);
      },
    });
    all.push(totals);
  } finally {
    await factory.close();
  }
}

const sum = (key: 'schedules' | 'recorded' | 'lost' | 'doubled' | 'notConverged' | 'unexplained') =>
  all.reduce((n, t) => n + t[key], 0);
console.log('');
console.log('store      schedules  events  lost  doubled  not converged  seconds');
for (const t of all)
  console.log(
    `${t.store.padEnd(10)} ${String(t.schedules).padStart(9)} ${String(t.recorded).padStart(7)} ${String(t.lost).padStart(5)} ${String(t.doubled).padStart(8)} ${String(t.notConverged).padStart(14)} ${(t.ms / 1000).toFixed(1).padStart(8)}`,
  );
console.log('');
console.log(`schedules run:          ${sum('schedules')}`);
console.log(`events lost:            ${sum('lost')}`);
console.log(`events doubled:         ${sum('doubled')}`);
console.log(`devices not converged:  ${sum('notConverged')}`);
if (sum('unexplained') > 0) console.log(`events no tablet made:  ${sum('unexplained')}`);

const failures = all.flatMap((t) => t.failures.map((f) => ({ store: t.store, ...f })));
for (const f of failures.slice(0, 10))
  console.log(
    `FAILED seed ${f.seed} on ${f.store}: ${f.problems.join('; ')}\n  replay: SEED=${f.seed} SCHEDULES=1 STORES=${f.store}${plant === 'none' ? '' : ` PLANT=${plant}`} npm run test:faults`,
  );
process.exit(failures.length > 0 ? 1 : 0);
