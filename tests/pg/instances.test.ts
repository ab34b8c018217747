// @vitest-environment node
/**
 * Several server instances on one PostgreSQL database: two real server processes, three
 * tablets (the real sync engine over HTTP) whose every request goes to one of them at
 * random (a load balancer), each through a fault proxy (lost replies, 500s, pulls cut
 * in the middle), and one instance restarted mid-way. All tablets converge; the database
 * holds the union once.
 */
import 'fake-indexeddb/auto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { newMasterKey } from '../../server/src/personal/personal-crypto';
import { httpTransport } from '../../src/sync/transport';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { type Fault, type FaultProxy, startFaultProxy } from '../integration/fault-proxy';
import {
  enrolledDevice,
  type ServerProcess,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from '../integration/server-process';
import { freshPgDatabase } from '../store/pg-databases';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const BALANCER = 'http://balancer.invalid';
const FAULTS: Fault[] = ['none', 'none', 'drop-reply', 'fail-every-other', 'cut-pull'];

/** A small seeded generator, so a failing run can be replayed (the seed is in the name). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function syncUntilDone(tablet: Tablet, tries = 20) {
  for (let i = 0; i < tries; i++) if (await tablet.engine.syncOnce()) return true;
  return false;
}

const SEED = Number(process.env.SEED ?? Date.now() % 100_000);

describe('two server instances on one PostgreSQL database', () => {
  it(`three tablets switching between them with faults converge (seed ${SEED})`, async () => {
    const rand = random(SEED);
    const url = await freshPgDatabase('inst');
    // Every instance shares the database, the admin token and the personal data key.
    const env = { ...TEST_LIMITS, DATABASE_URL: url, PERSONAL_DATA_KEY: newMasterKey() };
    const servers: ServerProcess[] = [
      await startServer(tempDataDir(), 0, env),
      await startServer(tempDataDir(), 0, env),
    ];
    cleanups.push(() => Promise.all(servers.map((s) => s.stop())).then(() => {}));
    const proxies: FaultProxy[] = [];
    for (const s of servers) proxies.push(await startFaultProxy(s.url));
    cleanups.push(() => Promise.all(proxies.map((p) => p.close())).then(() => {}));

    // Enrolment through one instance, the site created through the other's admin API.
    const site = 'hall-county';
    const names = ['tab-a', 'tab-b', 'tab-c'];
    const tokens: string[] = [];
    for (const [i, name] of names.entries())
      tokens.push(await enrolledDevice(servers[i % 2]?.url ?? '', site, name));
    const balanced = (input: string, init?: RequestInit) => {
      const proxy = proxies[rand() < 0.5 ? 0 : 1] as FaultProxy;
      return fetch(input.replace(BALANCER, proxy.url), init);
    };
    const tablets: Tablet[] = [];
    for (const [i, name] of names.entries()) {
      const transport = httpTransport(balanced, BALANCER, site, tokens[i] ?? '');
      tablets.push(await makeTablet(name, site, transport, 'ABC'[i], 5));
    }
    cleanups.push(() => Promise.all(tablets.map((t) => t.close())).then(() => {}));

    let visits = 0;
    for (let round = 0; round < 14; round++) {
      for (const p of proxies) p.fault = FAULTS[Math.floor(rand() * FAULTS.length)] ?? 'none';
      if (round === 7) {
        // One instance restarted on its port while the tablets keep going.
        const port = Number(new URL(servers[1]?.url ?? '').port);
        await servers[1]?.stop();
        servers[1] = await startServer(tempDataDir(), port, env);
      }
      await Promise.all(
        tablets.map(async (t) => {
          const n = Math.floor(rand() * 3);
          for (let v = 0; v < n; v++) await t.recordVisit(`${t.device}-r${round}-v${visits++}`);
          await t.engine.syncOnce();
        }),
      );
    }
    for (const p of proxies) p.fault = 'none';
    // Two passes: the first tablets to finish lack what the later ones pushed.
    for (let pass = 0; pass < 2; pass++)
      for (const t of tablets) expect(await syncUntilDone(t)).toBe(true);

    const local = await Promise.all(
      tablets.map(async (t) => (await t.db.events.toArray()).map((e) => e.id).sort()),
    );
    const union = [...new Set(local.flat())].sort();
    expect(union.length).toBeGreaterThan(50);
    for (const ids of local) expect(ids).toEqual(union);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const held = await client.query<{ id: string }>(
        'SELECT id FROM events WHERE site = $1 ORDER BY id',
        [site],
      );
      expect(held.rows.map((r) => r.id)).toEqual(union);
      const seqs = await client.query<{ n: number }>(
        'SELECT count(DISTINCT (device, seq))::int AS n FROM events WHERE site = $1',
        [site],
      );
      expect(seqs.rows[0]?.n).toBe(union.length);
    } finally {
      await client.end();
    }
    const visitsOf = async (t: Tablet) => t.db.visits.orderBy('id').toArray();
    const first = await visitsOf(tablets[0] as Tablet);
    for (const t of tablets.slice(1)) expect(await visitsOf(t)).toEqual(first);
  }, 240_000);
});
