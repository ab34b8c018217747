// @vitest-environment node
/**
 * Moving a hall from SQLite to PostgreSQL (`npm run admin -- migrate-store`): every read
 * of the store answers the same before and after, tablets stay enrolled and keep pulling
 * from their cursors; end to end with the real CLI, servers and tablets.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../server/src/store/migrate-store';
import { openPostgresStore } from '../../server/src/store/postgres';
import { openSqliteStore } from '../../server/src/store/sqlite';
import type { Store } from '../../server/src/store/store';
import { pullCursor } from '../../src/db/sync-store';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { dayKey } from '../../src/domain/time';
import { httpTransport } from '../../src/sync/transport';
import { aBooking, ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import {
  ADMIN,
  admin,
  enrolledDevice,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from '../integration/server-process';
import { freshPgDatabase } from '../store/pg-databases';

const DAY = 24 * 3_600_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Everything a server reads from a store, for one site, as one comparable value. */
async function snapshot(store: Store, site: string, tokens: string[]) {
  const pages = [];
  for (let after = 0; ; ) {
    const page = await store.eventsAfter(site, after, 7);
    pages.push(page);
    after = page.cursor;
    if (!page.more) break;
  }
  return {
    site: await store.site(site),
    devices: await Promise.all(tokens.map((t) => store.deviceByToken(t))),
    pages,
    policy: await store.policy(site),
    bookingDays: await store.bookingDays(site, '2000-01-01', '2100-01-01'),
    bookings: await Promise.all(
      (await store.bookingDays(site, '2000-01-01', '2100-01-01')).map((d) =>
        store.bookingsOfDay(site, d.day),
      ),
    ),
  };
}

describe('migrate-store: SQLite → PostgreSQL', () => {
  it('every read answers the same after the move; new events follow the old cursors', async () => {
    const file = join(tempDataDir(), 'checkpoint.sqlite');
    const sqlite = openSqliteStore(file);
    for (const site of ['hall-1', 'hall-2']) {
      await sqlite.createSite({ id: site, name: `大厅 ${site}` }, FIXED_NOW);
      for (const device of ['a', 'b']) {
        await sqlite.addEnrolmentCode(site, `code-${site}-${device}`, FIXED_NOW + DAY, FIXED_NOW);
        await sqlite.enrol(
          `code-${site}-${device}`,
          { id: `${site}-${device}`, name: device, tokenHash: `hash-${site}-${device}` },
          FIXED_NOW,
          null,
        );
      }
      for (const [i, device] of ['a', 'b', 'a'].entries()) {
        const events = visitEvents([ev.opened(), ev.booked(), ev.identity(), ev.mask()], {
          site,
          device: `${site}-${device}`,
          visit: `${site}-v${i}`,
          firstSeq: i === 2 ? 5 : 1,
          start: FIXED_NOW - (40 - i * 20) * DAY + (site === 'hall-2' ? 1000 : 0),
        });
        await sqlite.insertEvents(site, `${site}-${device}`, events, FIXED_NOW, () => i === 1);
      }
      await sqlite.setPolicy(site, { ...DEFAULT_POLICY, version: `${site}/3` }, FIXED_NOW);
      await sqlite.putBookings(site, [aBooking({ bookingId: 'B1' })]);
      await sqlite.putBookings(site, [aBooking({ bookingId: 'B2' }, FIXED_NOW + DAY)]);
    }
    await sqlite.revokeDevice('hall-2-b', FIXED_NOW);
    await sqlite.addEnrolmentCode('hall-1', 'unused', FIXED_NOW + DAY, FIXED_NOW);
    const cutoff = FIXED_NOW - 28 * DAY;
    expect(
      (await sqlite.purgePersonalData('hall-1', { at: cutoff, day: dayKey(cutoff) }, FIXED_NOW))
        .events,
    ).toBe(2);
    const tokens = ['hash-hall-1-a', 'hash-hall-1-b', 'hash-hall-2-a', 'hash-hall-2-b'];
    const before = await Promise.all(['hall-1', 'hall-2'].map((s) => snapshot(sqlite, s, tokens)));
    await sqlite.close();

    const url = await freshPgDatabase('move');
    // Another hall already on the county database, with cursors of its own.
    const county = await openPostgresStore(url);
    await county.createSite({ id: 'hall-0', name: 'Already here' }, FIXED_NOW);
    await county.insertEvents(
      'hall-0',
      'x',
      visitEvents([ev.opened(), ev.mask()], { site: 'hall-0', device: 'x', start: FIXED_NOW + 7 }),
      FIXED_NOW,
      () => false,
    );
    expect(await migrateSqliteToPostgres(file, url)).toEqual({
      sites: 2,
      devices: 4,
      enrolmentCodes: 5,
      events: 24,
      policies: 2,
      bookings: 4,
    });
    const after = await Promise.all(['hall-1', 'hall-2'].map((s) => snapshot(county, s, tokens)));
    expect(after).toEqual(before);
    // The unused code still enrols; a new event's cursor comes after every copied one.
    expect(
      await county.enrol('unused', { id: 'c', name: 'c', tokenHash: 'hash-c' }, FIXED_NOW, null),
    ).toMatchObject({ ok: true, site: { id: 'hall-1' } });
    const last = before[0]?.pages.at(-1)?.cursor ?? 0;
    await county.insertEvents(
      'hall-1',
      'c',
      visitEvents([ev.opened()], { site: 'hall-1', device: 'c', start: FIXED_NOW + 99 }),
      FIXED_NOW,
      () => false,
    );
    const next = await county.eventsAfter('hall-1', last, 10);
    expect(next.events).toHaveLength(1);
    expect(next.cursor).toBeGreaterThan(last);
    // A second run refuses and copies nothing.
    await expect(migrateSqliteToPostgres(file, url)).rejects.toThrow(/already holds hall-1/);
    expect((await county.eventsAfter('hall-1', 0, 1000)).events).toHaveLength(13);
    await county.close();
  });

  it('end to end: tablets sync before, the CLI moves the hall, tablets sync after without re-enrolling', async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const site = 'hall-move';
    const tokenA = await enrolledDevice(first.url, site, 'tab-a');
    const tokenB = await enrolledDevice(first.url, site, 'tab-b');
    const port = Number(new URL(first.url).port);
    const base = `http://127.0.0.1:${port}`;
    const a = await makeTablet('tab-a', site, httpTransport(fetch, base, site, tokenA));
    const b = await makeTablet('tab-b', site, httpTransport(fetch, base, site, tokenB), 'B');
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await admin(first.url, 'PUT', `/sites/${site}/policy`, { ...DEFAULT_POLICY, version: 'v9' });
    for (let i = 0; i < 4; i++) await a.recordVisit(`a-${i}`);
    for (let i = 0; i < 2; i++) await b.recordVisit(`b-${i}`);
    for (const t of [a, b, a]) expect(await t.engine.syncOnce()).toBe(true);
    const cursorB = await pullCursor(b.db);
    const heldBefore = await b.db.events.count();
    await b.recordVisit('b-offline'); // written while the hall moves
    await first.stop();

    const url = await freshPgDatabase('e2e');
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/admin-cli.ts', 'migrate-store'],
      {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: url,
          ADMIN_TOKEN: ADMIN,
          PERSONAL_DATA_KEY_FILE: join(dataDir, 'personal-data.key'),
        },
        encoding: 'utf8',
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/copied .*checkpoint\.sqlite to PostgreSQL/);
    const again = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/admin-cli.ts', 'migrate-store'],
      {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: url,
          PERSONAL_DATA_KEY_FILE: join(dataDir, 'personal-data.key'),
        },
        encoding: 'utf8',
      },
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds hall-move: nothing copied/);

    // B's cursor means the same on PostgreSQL: all it had, nothing it lacks after it.
    const moved = await openPostgresStore(url);
    expect((await moved.eventsAfter(site, 0, 1000)).events).toHaveLength(heldBefore);
    expect((await moved.eventsAfter(site, cursorB, 1000)).events).toEqual([]);
    await moved.close();

    // The hall's key comes along: the moved rows are sealed with it.
    const second = await startServer(tempDataDir(), port, {
      ...TEST_LIMITS,
      DATABASE_URL: url,
      PERSONAL_DATA_KEY_FILE: join(dataDir, 'personal-data.key'),
    });
    cleanups.push(() => second.stop());
    for (let i = 4; i < 6; i++) await a.recordVisit(`a-${i}`);
    for (const t of [a, b, a, b]) expect(await t.engine.syncOnce()).toBe(true);
    const ids = async (t: Tablet) => (await t.db.events.toArray()).map((e) => e.id).sort();
    const union = await ids(a);
    expect(await ids(b)).toEqual(union);
    expect(union.length).toBeGreaterThan(60);
    // The database holds each event once, and the policy and bookings came along.
    const pgStore = await openPostgresStore(url);
    try {
      const held = (await pgStore.eventsAfter(site, 0, 1000)).events.map((e) => e.id).sort();
      expect(held).toEqual(union);
      expect((await pgStore.policy(site))?.version).toBe('v9');
    } finally {
      await pgStore.close();
    }
    expect(a.engine.getStatus().lastError).toBeNull();
  }, 120_000);
});
