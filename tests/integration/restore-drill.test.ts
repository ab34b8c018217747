// @vitest-environment node
/**
 * Issue 22: a server restored from last night's copy lacks events that every tablet
 * believes it holds (`heldSeq`). Two tablets push to the real server process, a copy is
 * taken mid-push, more pushes follow, the server is stopped and put back to the copy,
 * the tablets sync again: the server must end with every event once, and each tablet
 * with the other's. The first case restores as an operator would without our commands
 * (a copy of the file put back): on the code before the epoch it lost the second half.
 */
import 'fake-indexeddb/auto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { httpTransport } from '../../src/sync/transport';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { adminCli } from '../security/attack';
import {
  allHeld,
  enrolledDevice,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './server-process';

const SITE = 'hall-r';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const dbFile = (dataDir: string) => join(dataDir, 'checkpoint.sqlite');

interface Drill {
  /** Takes the copy while the server runs (mid-push). */
  backup(server: ServerProcess, file: string): Promise<void>;
  /** Puts the copy back, the server stopped. */
  restore(dataDir: string, file: string): Promise<void>;
}

async function drill({ backup, restore }: Drill, start = Date.now() - 3_600_000) {
  const dataDir = tempDataDir();
  let server = await startServer(dataDir);
  const tokens = {
    a: await enrolledDevice(server.url, SITE, 'tab-a'),
    b: await enrolledDevice(server.url, SITE, 'tab-b'),
  };
  const transports = { url: server.url };
  const viaCurrent = (token: string) => ({
    push: (events: readonly CheckpointEvent[], waiting: number) =>
      httpTransport(fetch, transports.url, SITE, token).push(events, waiting),
    pull: (after: number, limit: number, waiting: number) =>
      httpTransport(fetch, transports.url, SITE, token).pull(after, limit, waiting),
    config: () => httpTransport(fetch, transports.url, SITE, token).config(),
    bookingDay: (day: string, v: number | undefined) =>
      httpTransport(fetch, transports.url, SITE, token).bookingDay(day, v),
  });
  const a: Tablet = await makeTablet('tab-a', SITE, viaCurrent(tokens.a), 'A');
  const b: Tablet = await makeTablet('tab-b', SITE, viaCurrent(tokens.b), 'B');
  cleanups.push(async () => {
    await a.close();
    await b.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let t = start;
  const visits = async (tablet: Tablet, n: number) => {
    for (let i = 0; i < n; i++) {
      t += 100;
      await tablet.recordVisit(`${tablet.device}-${t}`, t);
    }
  };

  await visits(a, 3);
  await visits(b, 2);
  expect(await a.engine.syncOnce()).toBe(true);
  await visits(a, 4);
  await visits(b, 3);
  // The copy is taken while both tablets push.
  const file = join(dataDir, 'backup.sqlite');
  await Promise.all([backup(server, file), a.engine.syncOnce(), b.engine.syncOnce()]);
  await visits(a, 2);
  await visits(b, 2);
  expect(await a.engine.syncOnce()).toBe(true);
  expect(await b.engine.syncOnce()).toBe(true);
  expect(await a.engine.syncOnce()).toBe(true);

  await server.stop();
  await restore(dataDir, file);
  server = await startServer(dataDir);
  transports.url = server.url;

  // After the restore: one more visit on B only; A has nothing new to push.
  await visits(b, 1);
  const rounds: boolean[] = [];
  for (let round = 0; round < 2; round++)
    rounds.push(await a.engine.syncOnce(), await b.engine.syncOnce());

  const own = [
    ...(await a.db.events.where('device').equals('tab-a').toArray()),
    ...(await b.db.events.where('device').equals('tab-b').toArray()),
  ];
  const held = await allHeld(server.url, SITE, tokens.a);
  const heldIds = held.map((e) => e.id);
  expect(new Set(heldIds).size).toBe(heldIds.length); // none doubled
  expect([...heldIds].sort()).toEqual(own.map((e) => e.id).sort()); // every event held
  for (const tablet of [a, b])
    expect((await tablet.db.events.toArray()).map((e) => e.id).sort()).toEqual([...heldIds].sort());
  expect(rounds).toEqual([true, true, true, true]);
  // The chains the server holds are unbroken.
  const verify = await adminCli(dataDir, 'verify', SITE);
  expect(verify.out).toContain('all unbroken');
  return { server, a, b, dataDir };
}

describe('a server restored from an older copy', () => {
  it('gets back what the tablets hold, when the file was put back by hand', async () => {
    await drill({
      async backup(server, file) {
        const db = new Database(dbFile(server.dataDir), { readonly: true });
        await db.backup(file);
        db.close();
      },
      async restore(dataDir, file) {
        for (const suffix of ['-wal', '-shm']) rmSync(dbFile(dataDir) + suffix, { force: true });
        copyFileSync(file, dbFile(dataDir));
      },
    });
  }, 90_000);

  it('npm run admin -- backup mid-push and restore: a new epoch, every event held once', async () => {
    const out: string[] = [];
    const { a, b } = await drill({
      async backup(server, file) {
        const r = await adminCli(server.dataDir, 'backup', file);
        expect(r.err).toBe('');
        out.push(r.out);
      },
      async restore(dataDir, file) {
        const r = await adminCli(dataDir, 'restore', file);
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        out.push(r.out);
      },
    });
    expect(out[0]).toMatch(/backup written to .*: server [0-9a-f]{32}, epoch \d+/);
    expect(out[1]).toMatch(/restored .*\(epoch was \d+\)/);
    expect(out[1]).toContain('before-restore-');
    // Each tablet saw the new epoch; A (which pushed after the copy) sent again.
    for (const tablet of [a, b])
      expect(tablet.engine.getStatus().serverWentBack).toMatchObject({ epochChanged: true });
    const back = a.engine.getStatus().serverWentBack;
    expect(back?.to).toBeLessThan(back?.from ?? 0);
    expect(back?.purged).toBe(0);
  }, 90_000);
});
