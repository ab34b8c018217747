// @vitest-environment node
/**
 * Findings 3 and 4. Retention went by the device's clock (an event dated a year ahead
 * kept its name after a purge 60 days on), and a purge left names, ID numbers and phones
 * readable in the SQLite file and its WAL. Now age counts from the earlier of device and
 * receive time, and after a purge no purged value is in the database, WAL or SHM bytes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { type ServerProcess, startServer } from '../integration/server-process';
import {
  admin,
  call,
  enrol,
  filesOf,
  newCode,
  newSite,
  personalValues,
  personalVisit,
  startHardenedServer,
} from './attack';

const DAY = 86_400_000;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function enrolled(server: ServerProcess, site: string, device: string) {
  await newSite(server.url, site);
  return String((await enrol(server.url, await newCode(server.url, site), device)).body.token);
}

describe('findings 3 and 4: retention', () => {
  it('purges an event dated a year ahead once its receive time is past retention', async () => {
    const first = await startHardenedServer();
    servers.push(first);
    const token = await enrolled(first, 'hall-3', 'tab-3');
    const events = personalVisit(1, 'hall-3', 'tab-3', Date.now() + 365 * DAY);
    const pushed = await call(first.url, 'POST', '/sites/hall-3/events', {
      token,
      body: { events },
    });
    expect(pushed.body).toMatchObject({ accepted: 2 });
    await first.stop();

    // 60 days on (the default retention is 28 days): the same data, the clock moved.
    const shifted = await startServer(first.dataDir, 0, {
      NODE_OPTIONS: '--import=./tests/security/shift-clock.mjs',
      CLOCK_SHIFT_MS: String(60 * DAY),
    });
    servers.push(shifted);
    await admin(shifted.url, 'POST', '/sites/hall-3/retention');
    const pulled = await call(shifted.url, 'GET', '/sites/hall-3/events?after=0', { token });
    const identity = (pulled.body.events as CheckpointEvent[]).find(
      (e) => e.type === 'identity.confirmed',
    );
    expect(identity).toMatchObject({ data: { name: '', idNumber: '', phone: '' } });
  }, 90_000);

  it('leaves no purged name, ID number or phone in the database, WAL or SHM files', async () => {
    const server = await startHardenedServer();
    servers.push(server);
    const token = await enrolled(server, 'hall-4', 'tab-4');
    const old = Array.from({ length: 20 }, (_, n) =>
      personalVisit(n, 'hall-4', 'tab-4', Date.now() - 40 * DAY + n * 60_000),
    ).flat();
    const reply = await call(server.url, 'POST', '/sites/hall-4/events', {
      token,
      body: { events: old },
    });
    expect(reply.body).toMatchObject({ accepted: 40 });
    // At rest they are sealed (finding 5): the sealed forms must go too.
    const db = new Database(join(server.dataDir, 'checkpoint.sqlite'), { readonly: true });
    const sealed = (db.prepare('SELECT body FROM events').all() as { body: string }[]).flatMap(
      (r) => r.body.match(/enc1:[0-9a-f]{8}:[\w-]+/g) ?? [],
    );
    db.close();
    expect(sealed).toHaveLength(60);
    const purge = await admin(server.url, 'POST', '/sites/hall-4/retention');
    expect(purge.body).toMatchObject({ events: 20 });

    const bytes = filesOf(server.dataDir);
    const values = [...personalValues(old), ...sealed];
    expect(values).toHaveLength(120);
    const found = values.filter((v) => bytes.some((b) => b.includes(Buffer.from(v, 'utf8'))));
    expect(found).toEqual([]);
  }, 60_000);
});
