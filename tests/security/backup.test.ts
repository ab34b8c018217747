// @vitest-environment node
/**
 * Issue 22: `npm run admin -- backup` writes a file only the server's user reads, with
 * names, ID numbers and phones still sealed and the personal data key nowhere in it;
 * `restore` refuses a backup of another server, one of a newer schema, and a server
 * still running.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, tempDataDir } from '../integration/server-process';
import * as attack from './attack';

const { adminCli, call, personalValues, personalVisit, startHardenedServer } = attack;
let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
}, 40_000);
afterAll(() => server.stop());

const backupOf = async (dataDir: string, name: string) => {
  const file = join(dataDir, name);
  const r = await adminCli(dataDir, 'backup', file);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return file;
};

describe('npm run admin -- backup', () => {
  it('is 0600, keeps personal fields sealed and holds no key', async () => {
    const token = await attack.enrolledToken(server.url, 'hall-b', 'tab-b');
    const visits = Array.from({ length: 20 }, (_, n) =>
      personalVisit(n, 'hall-b', 'tab-b', Date.now() - 3_600_000 + n * 1_000),
    ).flat();
    const reply = await call(server.url, 'POST', '/sites/hall-b/events', {
      token,
      body: { events: visits },
    });
    expect(reply.body).toMatchObject({ accepted: visits.length });

    const file = await backupOf(server.dataDir, 'hall.backup');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    const leaked = personalValues(visits).filter((v) => bytes.includes(Buffer.from(v, 'utf8')));
    expect(leaked).toEqual([]);
    // The copy holds the events (sealed), so it is a real backup, not an empty file.
    const copy = new Database(file, { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(
      visits.length,
    );
    copy.close();

    const keys = readFileSync(join(server.dataDir, 'personal-data.key'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(bytes.includes(Buffer.from(key, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(key, 'base64'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(key, 'base64').toString('hex')))).toBe(false);
    }
    expect((await adminCli(server.dataDir, 'backup', file)).err).toMatch(/exists/);
  }, 60_000);
});

describe('npm run admin -- restore', () => {
  it('refuses while the server runs, another server’s backup, and a newer schema', async () => {
    const own = await backupOf(server.dataDir, 'own.backup');
    const running = await adminCli(server.dataDir, 'restore', own);
    expect(running.code).toBe(2);
    expect(running.err).toMatch(/in use: stop the server first/);

    // Another hall's server, stopped: the first server's backup is not its data.
    const other = await startHardenedServer(tempDataDir());
    const otherDir = other.dataDir;
    await other.stop();
    const foreign = await adminCli(otherDir, 'restore', own);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/is a backup of server [0-9a-f]+, this is server [0-9a-f]+/);
    expect(foreign.err).not.toMatch(/\n\s+at /);
    expect((await adminCli(otherDir, 'backup', '--check', own)).err).toMatch(/another server/);

    // A backup of this server by a newer version (schema 99).
    const newer = await backupOf(server.dataDir, 'newer.backup');
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    for (const [dir, args] of [
      [server.dataDir, ['backup', '--check', newer]],
      [otherDir, ['restore', newer]], // a stopped server: the schema is checked first
    ] as const) {
      const r = await adminCli(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/schema version 99, newer than this server's \d+/);
    }

    // Not a database at all.
    const junk = join(server.dataDir, 'personal-data.key');
    expect((await adminCli(server.dataDir, 'backup', '--check', junk)).code).toBe(2);

    expect((await adminCli(server.dataDir, 'backup', '--check', own)).out).toMatch(
      /restorable here/,
    );
  }, 90_000);
});
