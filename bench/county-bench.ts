/**
 * `npm run bench:county`: a county's halls syncing a day, side by side on
 *   - PostgreSQL behind 2 server instances (tablets spread over them, as a load balancer
 *     would), a durable throwaway cluster (fsync on), and
 *   - SQLite behind 1 instance (the embedded default, synchronous=FULL, on disk),
 * at 1, 10 and 100 halls of 4 tablets, each hall ≈ 2,000 visits ≈ 18,000 events.
 * The county offers the same events/s at every scale (COUNTY_RATE): with fewer halls each
 * hall's tablets push faster, so the scales also show what one site's serialised appends
 * cost. Figures: events/s held, p50/p99 of push and pull requests, server RSS and CPU per
 * 1,000 events (PostgreSQL's own backends not included), database
 * size per hall-day, errors.
 *
 *   COUNTY_HALLS   scales, default "1,10,100" (a quick run: COUNTY_HALLS=1,10)
 *   COUNTY_VISITS  visits per hall-day, default 2000
 *   COUNTY_RATE    events/s the county offers, default 6000
 *   COUNTY_SYNC_MS how often a busy tablet syncs, default 1000
 *   COUNTY_STORES  default "postgres,sqlite"
 *   COUNTY_COST_VISITS  the late tablet's day in the cost phases (bench/county/cost.ts), default 250
 *   PG_PORT / COUNTY_PORT  loopback ports (default 5450 / 4750…; 0: free ones)
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startPgCluster } from '../scripts/pg-cluster';
import { dayKey, dayStart } from '../src/domain/time';
import { clusterCpuSeconds, measureCosts, type PhaseCost } from './county/cost';
import { type LoadResult, type LoadTablet, runLoad } from './county/load';
import { enrolHall, type Instance, startInstance } from './county/servers';

const env = process.env;
const scales = (env.COUNTY_HALLS ?? '1,10,100').split(',').map(Number);
const visitsPerHall = Number(env.COUNTY_VISITS ?? 2_000);
const rate = Number(env.COUNTY_RATE ?? 6_000);
const syncMs = Number(env.COUNTY_SYNC_MS ?? 1_000);
const stores = (env.COUNTY_STORES ?? 'postgres,sqlite').split(',');
const basePort = Number(env.COUNTY_PORT ?? 4750);
const costVisits = Number(env.COUNTY_COST_VISITS ?? 250);
const TABLETS = 4;
for (const n of [...scales, visitsPerHall, rate, syncMs, costVisits])
  if (!Number.isFinite(n) || n < 1) throw new Error('COUNTY_* settings: positive numbers');

/** The i-th instance's port: COUNTY_PORT + i, or a free one with COUNTY_PORT=0. */
const port = async (i: number) => (basePort === 0 ? freePort() : basePort + i);

const yesterday = dayStart(dayKey(Date.now() - 24 * 3_600_000));

interface Row {
  store: string;
  halls: number;
  load: LoadResult;
  rssMb: number[];
  /** The server processes' CPU over the load, ms per 1,000 events held. */
  serverCpuMsPer1k: number;
  /** PostgreSQL's processes over the load, ms per 1,000 events held (null: SQLite). */
  databaseCpuMsPer1k: number | null;
  bytesPerHallDay: number;
  cost: { push: PhaseCost; pull: PhaseCost };
  /**
   * The share of the machine's CPU (all cores) that processes other than the bench's
   * (servers, database, load generator) used during the day's load.
   */
  othersShare: number;
}

/** The whole machine's CPU so far (/proc/stat, all cores), s: busy and total. */
function machineCpu(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

const percentile = (samples: readonly number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

function summary(l: LoadResult) {
  const { pushMs, pullMs, ...rest } = l;
  return {
    ...rest,
    push: [percentile(pushMs, 0.5), percentile(pushMs, 0.99)].map(Math.round),
    pull: [percentile(pullMs, 0.5), percentile(pullMs, 0.99)].map(Math.round),
  };
}

async function pgQuery<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Starts the store's instances on a fresh database; returns them and a size probe. */
async function setUp(store: string, halls: number, cluster: { url: string; dir: string } | null) {
  if (store === 'postgres') {
    if (!cluster) throw new Error('no cluster');
    const clusterUrl = cluster.url;
    const name = `county_${halls}_${Date.now().toString(36)}`;
    await pgQuery(clusterUrl, `CREATE DATABASE ${name}`);
    const url = new URL(clusterUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const instances: Instance[] = [];
    for (let i = 0; i < 2; i++)
      instances.push(await startInstance(await port(i), { DATABASE_URL: databaseUrl }));
    const size = async () =>
      Number(
        (
          await pgQuery<{ size: string }>(
            databaseUrl,
            'SELECT pg_database_size(current_database()) AS size',
          )
        )[0]?.size ?? 0,
      );
    return {
      instances,
      size,
      databaseCpu: () => clusterCpuSeconds(cluster.dir),
      drop: () => pgQuery(clusterUrl, `DROP DATABASE ${name} WITH (FORCE)`).then(() => {}),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'county-sqlite-'));
  const instances = [await startInstance(await port(2), { DATA_DIR: dataDir })];
  const size = async () =>
    ['checkpoint.sqlite', 'checkpoint.sqlite-wal'].reduce((n, f) => {
      try {
        return n + statSync(join(dataDir, f)).size;
      } catch {
        return n;
      }
    }, 0);
  return {
    instances,
    size,
    databaseCpu: null,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function runScale(
  store: string,
  halls: number,
  cluster: { url: string; dir: string } | null,
): Promise<Row> {
  const { instances, size, databaseCpu, drop } = await setUp(store, halls, cluster);
  try {
    const tablets: LoadTablet[] = [];
    for (let h = 0; h < halls; h++) {
      const site = `hall-${String(h).padStart(3, '0')}`;
      const first = instances[h % instances.length];
      if (!first) throw new Error('no instance');
      const enrolled = await enrolHall(first.url, site, TABLETS);
      enrolled.forEach(({ device, token }, t) => {
        const instance = instances[(h + t) % instances.length] ?? first;
        tablets.push({ site, device, token, url: instance.url });
      });
    }
    const before = await size();
    const cpuBefore = instances.reduce((s, i) => s + i.cpuSeconds(), 0);
    const databaseBefore = databaseCpu?.() ?? 0;
    const machineBefore = machineCpu();
    console.log(
      `  ${store}: ${halls} halls × ${TABLETS} tablets, ${(halls * visitsPerHall * 9).toLocaleString('en')} events at ${rate}/s offered…`,
    );
    const load = await runLoad({
      tablets,
      visitsPerTablet: Math.round(visitsPerHall / TABLETS),
      rate,
      syncMs,
      dayStart: yesterday,
    });
    const cpu = instances.reduce((s, i) => s + i.cpuSeconds(), 0) - cpuBefore;
    const databaseUsed = databaseCpu ? databaseCpu() - databaseBefore : null;
    const machine = machineCpu();
    const others =
      machine.busy - machineBefore.busy - cpu - (databaseUsed ?? 0) - load.clientCpuSeconds;
    const othersShare = Math.max(0, others) / (machine.total - machineBefore.total);
    // The day's peak: the cost phases' 5 tablets a hall pulling 1,000-event pages at once
    // hold hundreds of replies in memory together, which no day at the door does.
    const rssMb = instances.map((i) => Math.round(i.maxRss / 1_048_576));
    const bytes = (await size()) - before;
    // One more tablet per hall for the cost phases, on the instance its hall began on.
    const late: LoadTablet[] = [];
    for (let h = 0; h < halls; h++) {
      const site = `hall-${String(h).padStart(3, '0')}`;
      const instance = instances[h % instances.length];
      if (!instance) throw new Error('no instance');
      const [tablet] = await enrolHall(instance.url, site, 1, TABLETS);
      if (tablet) late.push({ site, ...tablet, url: instance.url });
    }
    console.log(`  ${store}: cost phases (${halls} late tablets × ${costVisits} visits)…`);
    const cost = await measureCosts({
      late,
      all: [...tablets, ...late],
      visits: costVisits,
      dayStart: yesterday,
      serverCpu: () => instances.map((i) => i.cpuSeconds()),
      databaseCpu,
    });
    const per1k = (s: number) => (load.pushed > 0 ? (s * 1_000_000) / load.pushed : Number.NaN);
    return {
      store,
      halls,
      load,
      rssMb,
      bytesPerHallDay: bytes / halls,
      serverCpuMsPer1k: per1k(cpu),
      databaseCpuMsPer1k: databaseUsed === null ? null : per1k(databaseUsed),
      cost,
      othersShare,
    };
  } finally {
    for (const instance of instances) await instance.stop();
    await drop();
  }
}

// The cluster's folder goes under /var/tmp: a long run must not lose it to someone
// tidying /tmp on a shared machine (it happened).
const clusterParent = mkdtempSync('/var/tmp/county-bench-');
chmodSync(clusterParent, 0o755);
process.env.TMPDIR = clusterParent;
const cluster = stores.includes('postgres')
  ? await startPgCluster({ durable: true, port: Number(env.PG_PORT ?? 5450) })
  : null;
const rows: Row[] = [];
try {
  for (const halls of scales)
    for (const store of stores) {
      const row = await runScale(store, halls, cluster);
      rows.push(row);
      console.log(`  ${JSON.stringify({ ...row, load: summary(row.load) })}`);
    }
} finally {
  await cluster?.stop().catch((e: unknown) => console.error(`cluster stop: ${String(e)}`));
  rmSync(clusterParent, { recursive: true, force: true });
}

const label = (store: string) => (store === 'postgres' ? 'PostgreSQL, 2 inst.' : 'SQLite, 1 inst.');
const fmt = (n: number) => n.toFixed(0);
const perProcess = (c: PhaseCost) =>
  `${c.serverMsPer1k.map(fmt).join(' + ')}${c.databaseMsPer1k === null ? '' : ` + db ${fmt(c.databaseMsPer1k)}`}`;
const shared = Math.max(...rows.map((r) => r.othersShare));
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
console.log('');
console.log(
  `County bench: ${TABLETS} tablets per hall, ${visitsPerHall} visits per hall-day, ${rate} events/s offered, sync every ${syncMs} ms; ${cpus().length} cores; other processes used ${rows.map((r) => pct(r.othersShare)).join(', ')} of the machine during the loads`,
);
if (shared > 0.1)
  console.log(
    `WARNING: other processes used up to ${pct(shared)} of the machine's CPU: latency and events/s measure a shared machine, not the code (CPU per 1,000 events still holds)`,
  );
console.log(
  '| store | halls | events held | events/s | lag s | push p50 / p99 ms | pull p50 / p99 ms | pushes | server RSS MB | MB per hall-day | errors | load-gen CPU s | CPU ms / 1,000 events: servers (+ db) |',
);
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
for (const r of rows) {
  const l = r.load;
  const ms = (s: number[]) =>
    `${percentile(s, 0.5).toFixed(1)} / ${percentile(s, 0.99).toFixed(1)}`;
  console.log(
    `| ${label(r.store)} | ${r.halls} | ${l.pushed.toLocaleString('en')} | ${Math.round(l.pushed / l.seconds).toLocaleString('en')} | ${l.lagSeconds.toFixed(1)} | ${ms(l.pushMs)} | ${ms(l.pullMs)} | ${l.pushMs.length.toLocaleString('en')} | ${r.rssMb.join(' + ')} | ${(r.bytesPerHallDay / 1_048_576).toFixed(1)} | ${l.errors} | ${l.clientCpuSeconds.toFixed(0)} | ${fmt(r.serverCpuMsPer1k)}${r.databaseCpuMsPer1k === null ? '' : ` + db ${fmt(r.databaseCpuMsPer1k)}`} |`,
  );
}
console.log('');
console.log(
  `Cost phases: one more tablet per hall pushes ${costVisits} visits (closed loop, batches of 500), then every tablet pulls its hall from cursor 0. CPU ms per 1,000 events, per process (each server instance, + db: PostgreSQL's processes)`,
);
console.log(
  '| store | halls | pushed | push events/s | push CPU ms / 1,000 | pulled | pull events/s | pull CPU ms / 1,000 | load-gen ms / 1,000 push, pull |',
);
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
for (const r of rows) {
  const { push, pull } = r.cost;
  console.log(
    `| ${label(r.store)} | ${r.halls} | ${push.events.toLocaleString('en')} | ${Math.round(push.events / push.seconds).toLocaleString('en')} | ${perProcess(push)} | ${pull.events.toLocaleString('en')} | ${Math.round(pull.events / pull.seconds).toLocaleString('en')} | ${perProcess(pull)} | ${fmt(push.clientMsPer1k)}, ${fmt(pull.clientMsPer1k)} |`,
  );
}
