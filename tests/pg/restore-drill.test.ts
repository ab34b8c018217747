// @vitest-environment node
/**
 * Issue 22, PostgreSQL: the restore drill of docs/operations.md ("PostgreSQL") with the
 * real tools. A server process on a fresh database, three tablets (the real sync engine
 * over HTTP) record and sync; `pg_dump -Fc` of the database; tablet A records more and
 * the server acknowledges it; the server stops; `pg_restore -d` into a second, empty
 * database (or `pg_restore --clean` over the same one); `admin identity` there names the
 * same server in a new epoch, by itself (server/src/store/postgres-epoch.ts); optionally
 * `admin new-epoch` too; a server on the restored database (same PERSONAL_DATA_KEY); the
 * tablets sync again. The server ends with exactly the tablets' events (by id and by
 * device and seq), every tablet with all of them, `admin verify` finds the chains
 * unbroken, and the dump holds no name, ID number or phone in clear.
 *
 * Before the epoch moved by itself, a restore without `new-epoch` left tablet B (nothing
 * acknowledged past the dump) on its pull cursor: the restored cursor sequence handed its
 * old values out again, and B never pulled what C wrote first after the restore. Now
 * every tablet sees the new epoch and pulls from the start.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pgBinDir } from '../../scripts/pg-cluster';
import { newMasterKey } from '../../server/src/personal/personal-crypto';
import type { CheckpointEvent } from '../../src/domain/events';
import { httpTransport } from '../../src/sync/transport';
import { VALID_ID_NUMBER, VALID_PHONE } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import {
  allHeld,
  enrolledDevice,
  type ServerProcess,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from '../integration/server-process';
import { adminCliWith, runCommand } from '../security/attack';
import { freshPgDatabase } from '../store/pg-databases';

const SITE = 'hall-pg';
/** The visitor every green visit of the tablet fixture books (tests/fixtures/builders.ts). */
const IN_CLEAR = ['张三明', VALID_ID_NUMBER, VALID_PHONE];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
/** The admin commands' DATA_DIR (their database is DATABASE_URL's). */
const adminDir = tempDataDir();
afterAll(() => rmSync(adminDir, { recursive: true, force: true }));

/** A PostgreSQL client tool from the folder the test cluster's initdb came from. */
const pgTool = (name: string, args: string[]) => runCommand(join(pgBinDir(), name), args);

/** `npm run admin -- …` on a PostgreSQL database, with the hall's personal data key. */
async function adminPg(url: string, key: string, ...args: string[]): Promise<string> {
  const env = { DATABASE_URL: url, PERSONAL_DATA_KEY: key, DATA_DIR: adminDir };
  const r = await adminCliWith(env, ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out;
}

const serverId = (identity: string) => /^server ([0-9a-f]{32}), epoch (\d+)$/m.exec(identity);

/** Every id, and every (device, seq), held once. */
function expectOnce(events: readonly CheckpointEvent[]) {
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  expect(new Set(events.map((e) => `${e.device}#${e.seq}`)).size).toBe(events.length);
}

const ids = (events: readonly CheckpointEvent[]) => events.map((e) => e.id).sort();

/** Into a second, empty database, or `--clean` over the one the dump came from. */
type Into = 'new-database' | 'same-database';

async function drill(newEpoch: boolean, into: Into = 'new-database') {
  const work = mkdtempSync(join(tmpdir(), 'pg-drill-'));
  const key = newMasterKey();
  const live = await freshPgDatabase('drill');
  const env = { ...TEST_LIMITS, DATABASE_URL: live, PERSONAL_DATA_KEY: key };
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  let server: ServerProcess = await startServer(join(work, 'live'), 0, env);
  cleanups.push(() => server.stop());

  // The tablets call whichever server runs now (the restored one after the restore).
  const BASE = 'http://hall-server.invalid';
  const current = (input: string, init?: RequestInit) =>
    fetch(input.replace(BASE, server.url), init);
  const tablets: Record<'a' | 'b' | 'c', Tablet> = {} as Record<'a' | 'b' | 'c', Tablet>;
  const tokens: Record<string, string> = {};
  for (const [name, prefix] of [
    ['a', 'A'],
    ['b', 'B'],
    ['c', 'C'],
  ] as const) {
    tokens[name] = await enrolledDevice(server.url, SITE, `tab-${name}`);
    const transport = httpTransport(current, BASE, SITE, tokens[name] ?? '');
    tablets[name] = await makeTablet(`tab-${name}`, SITE, transport, prefix);
  }
  const { a, b, c } = tablets;
  cleanups.push(async () => {
    for (const t of [a, b, c]) await t.close();
  });
  let t = Date.now() - 3_600_000;
  const visits = async (tablet: Tablet, n: number) => {
    for (let i = 0; i < n; i++) {
      t += 100;
      await tablet.recordVisit(`${tablet.device}-${t}`, t);
    }
  };
  const syncAll = async (...order: Tablet[]) => {
    for (const tablet of order) expect(await tablet.engine.syncOnce()).toBe(true);
  };

  await visits(a, 3);
  await visits(b, 2);
  await visits(c, 1);
  await syncAll(a, b, c, a, b);
  const before = serverId(await adminPg(live, key, 'identity'));
  expect(before).not.toBeNull();

  // Last night's dump, as docs/operations.md says it (the server keeps running).
  const dump = join(work, 'hall.dump');
  const dumped = await pgTool('pg_dump', ['-Fc', '-f', dump, live]);
  expect(dumped.err).toBe('');
  expect(dumped.code).toBe(0);
  const inDump = (await allHeld(server.url, SITE, tokens.a ?? '')).length;

  // After the dump: A records two more visits, the server acknowledges them; B and C
  // pull them and have nothing of their own past the dump.
  await visits(a, 2);
  await syncAll(a, b, c);
  expect(a.engine.getStatus().pending).toBe(0);
  const acknowledged = await allHeld(server.url, SITE, tokens.a ?? '');
  expect(acknowledged.length).toBeGreaterThan(inDump);
  await server.stop();

  // Every instance stopped.
  const restored = into === 'new-database' ? await freshPgDatabase('restored') : live;
  const clean = into === 'same-database' ? ['--clean', '--if-exists'] : [];
  const back = await pgTool('pg_restore', [...clean, '-d', restored, dump]);
  expect(back.err).toBe('');
  expect(back.code).toBe(0);
  const after = serverId(await adminPg(restored, key, 'identity'));
  expect(after?.[1]).toBe(before?.[1]); // the same server
  expect(after?.[2]).not.toBe(before?.[2]); // in a new epoch, without new-epoch
  if (newEpoch) {
    const out = await adminPg(restored, key, 'new-epoch');
    expect(out).toMatch(new RegExp(`^server ${before?.[1]}: new epoch \\d+`));
    const renewed = serverId(await adminPg(restored, key, 'identity'))?.[2];
    expect(renewed).not.toBe(before?.[2]);
    expect(renewed).not.toBe(after?.[2]);
  }
  server = await startServer(join(work, 'restored'), 0, { ...env, DATABASE_URL: restored });
  expect((await allHeld(server.url, SITE, tokens.a ?? '')).length).toBe(inDump);

  // C writes first after the restore, then everyone syncs twice.
  await visits(c, 1);
  const cAfter = (await c.db.events.where('device').equals('tab-c').toArray()).filter(
    (e) => !acknowledged.some((h) => h.id === e.id),
  );
  expect(cAfter.length).toBeGreaterThan(0);
  await syncAll(c, a, b, c, a, b);

  const own: CheckpointEvent[] = [];
  for (const tablet of [a, b, c])
    own.push(...(await tablet.db.events.where('device').equals(tablet.device).toArray()));
  const held = await allHeld(server.url, SITE, tokens.a ?? '');
  expectOnce(held);
  expect(ids(held)).toEqual(ids(own)); // none lost, none doubled
  expect(held.length).toBe(acknowledged.length + cAfter.length);
  const verify = await adminPg(restored, key, 'verify', SITE);
  expect(verify).toContain('all unbroken');
  return { a, b, c, held, cAfter, dump };
}

/** Every tablet saw the new epoch and holds every event; A sent again what the dump lacked. */
async function expectHealed(tablets: readonly Tablet[], held: readonly CheckpointEvent[]) {
  for (const tablet of tablets) {
    expect(ids(await tablet.db.events.toArray())).toEqual(ids(held));
    expectOnce(await tablet.db.events.toArray());
  }
  for (const tablet of tablets)
    expect(tablet.engine.getStatus().serverWentBack).toMatchObject({ epochChanged: true });
  const wentBack = tablets[0]?.engine.getStatus().serverWentBack;
  expect(wentBack?.to).toBeLessThan(wentBack?.from ?? 0);
}

describe('a PostgreSQL database restored from pg_dump', () => {
  it('pg_restore, identity, new-epoch: every event held once, every tablet has all', async () => {
    const { a, b, c, held, dump } = await drill(true);
    await expectHealed([a, b, c], held);
    expect(a.engine.getStatus().serverWentBack?.purged).toBe(0);

    // The dump holds the personal fields sealed: not in its bytes (compressed) nor in the
    // SQL pg_restore makes of it (where the device ids are in clear).
    const onTablet = JSON.stringify(await a.db.events.toArray());
    for (const clear of IN_CLEAR) expect(onTablet).toContain(clear); // what was sent
    const bytes = readFileSync(dump);
    const sql = await pgTool('pg_restore', ['-f', '-', dump]);
    expect(sql.code).toBe(0);
    expect(sql.out).toContain('tab-a');
    for (const clear of IN_CLEAR) {
      expect(bytes.includes(Buffer.from(clear))).toBe(false);
      expect(sql.out).not.toContain(clear);
    }
  }, 180_000);

  it('without new-epoch: the restore alone starts a new epoch, B pulls what C wrote first', async () => {
    const { a, b, c, held, cAfter } = await drill(false);
    // B had nothing acknowledged past the dump and a pull cursor past the cursors C's new
    // records took: only the epoch made it pull from the start.
    await expectHealed([a, b, c], held);
    for (const e of cAfter) expect(ids(await b.db.events.toArray())).toContain(e.id);
  }, 180_000);

  it('pg_restore --clean over the same database, without new-epoch: every tablet has all', async () => {
    const { a, b, c, held, cAfter } = await drill(false, 'same-database');
    await expectHealed([a, b, c], held);
    for (const e of cAfter) expect(ids(await b.db.events.toArray())).toContain(e.id);
  }, 180_000);
});
