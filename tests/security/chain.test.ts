// @vitest-environment node
/**
 * The hash chain attacked, against the real server process: events forged with a stolen
 * device token (a fork, a gap, an edited event) are refused with their reasons; an event
 * edited in the SQLite file (by better-sqlite3, behind the server's back) is found by
 * `verify`; a purged event still verifies.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainAnchor, chainEvents } from '../../src/domain/chain';
import type { CheckpointEvent } from '../../src/domain/events';
import { withoutPersonalData } from '../../src/domain/retention';
import { dayKey } from '../../src/domain/time';
import { httpTransport } from '../../src/sync/transport';
import { aBooking, chained, ev, visitEvents } from '../fixtures/builders';
import { makeTablet } from '../fixtures/tablet';
import { enrolledDevice, type ServerProcess, startServer } from '../integration/server-process';
import { adminCli } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
}, 40_000);
afterAll(() => server.stop());

const push = async (site: string, token: string, events: readonly CheckpointEvent[]) => {
  const response = await fetch(`${server.url}/api/v1/sites/${site}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  return (await response.json()) as {
    heldSeq: number;
    accepted: number;
    refused: { id: string; seq: number; reason: string; message: string }[];
  };
};

const START = Date.now() - 60_000;
/** A visit with personal fields, seq from `firstSeq`, as device `device` writes it. */
const aVisitOf = (device: string, site: string, firstSeq = 1, start = START) =>
  visitEvents([ev.opened(), ev.booked(aBooking()), ev.mask(), ev.identity(aBooking())], {
    device,
    site,
    firstSeq,
    start,
    visit: `v-${device}-${firstSeq}-${start}`,
  });

describe('the chain on push', () => {
  it('refuses a fork and a gap with their reasons, and never acknowledges past them', async () => {
    const token = await enrolledDevice(server.url, 'hall-f', 'tab-f');
    const first = await chained(aVisitOf('tab-f', 'hall-f'));
    expect(await push('hall-f', token, first)).toMatchObject({
      accepted: 4,
      heldSeq: 4,
      refused: [],
    });

    // A copy of the tablet restored from an old backup: seq 5 on another chain.
    const fork = await chained(aVisitOf('tab-f', 'hall-f', 5), 'ab'.repeat(32));
    const forked = await push('hall-f', token, fork);
    expect(forked.heldSeq).toBe(4);
    expect(forked.accepted).toBe(0);
    expect(forked.refused[0]).toMatchObject({ seq: 5, reason: 'chain-fork' });
    expect(forked.refused.slice(1).map((r) => r.reason)).toEqual([
      'chain-gap',
      'chain-gap',
      'chain-gap',
    ]);

    // Seq 5 and 6 never arrive; 7 and 8 do.
    const last = first.at(-1) as CheckpointEvent;
    const anchor: ChainAnchor = { seq: 4, hash: last.chain?.hash ?? null };
    const { events: next } = await chainEvents(aVisitOf('tab-f', 'hall-f', 5), anchor.hash ?? '');
    const gapped = await push('hall-f', token, next.slice(2));
    expect(gapped.refused.map((r) => [r.seq, r.reason])).toEqual([
      [7, 'chain-gap'],
      [8, 'chain-gap'],
    ]);
    expect(gapped.refused[0]?.message).toContain('seq 5–6 missing');

    // The right continuation is stored, and a re-send of it is a duplicate.
    expect(await push('hall-f', token, next)).toMatchObject({
      accepted: 4,
      heldSeq: 8,
      refused: [],
    });
    expect(await push('hall-f', token, next)).toMatchObject({
      accepted: 0,
      heldSeq: 8,
      refused: [],
    });

    // An event edited on the way: its hash is not what it says.
    const { events: more } = await chainEvents(
      aVisitOf('tab-f', 'hall-f', 9),
      next.at(-1)?.chain?.hash ?? '',
    );
    const tampered = more.map((e, i) =>
      i === 2 ? { ...e, data: { status: 'refused' } } : e,
    ) as CheckpointEvent[];
    const edited = await push('hall-f', token, tampered);
    expect(edited.refused.map((r) => [r.seq, r.reason])).toEqual([
      [11, 'chain-edited'],
      [12, 'chain-gap'],
    ]);
    expect(edited.heldSeq).toBe(10);
  });

  it('refuses a re-sent range that forks from what is held, where the push alone looks sound', async () => {
    const token = await enrolledDevice(server.url, 'hall-o', 'tab-o');
    const held = await chained(aVisitOf('tab-o', 'hall-o', 1, START - 7_200_000));
    expect(await push('hall-o', token, held)).toMatchObject({ heldSeq: 4, refused: [] });
    // Another history from seq 3 on, linked to the held seq 2: its own links agree.
    const other = aVisitOf('tab-o', 'hall-o', 3, START - 7_100_000).slice(0, 3);
    const { events: fork } = await chainEvents(other, held[1]?.chain?.hash ?? '');
    const reply = await push('hall-o', token, fork);
    expect(reply.refused.map((r) => [r.seq, r.reason])).toEqual([
      [3, 'chain-fork'],
      [4, 'chain-gap'],
      [5, 'chain-gap'],
    ]);
    expect(reply.refused[0]?.message).toContain('held with another hash');
    expect(reply).toMatchObject({ accepted: 0, heldSeq: 2 });
  });

  it('still takes events from an app before the chain, then the chain from GENESIS', async () => {
    const token = await enrolledDevice(server.url, 'hall-l', 'tab-l');
    const legacy = aVisitOf('tab-l', 'hall-l', 1, START - 3_600_000);
    expect(await push('hall-l', token, legacy.slice(0, 2))).toMatchObject({
      heldSeq: 2,
      refused: [],
    });
    const rest = [...legacy.slice(2, 3), ...(await chained(legacy.slice(3)))];
    const more = await chained(
      aVisitOf('tab-l', 'hall-l', 5, START - 3_500_000),
      rest.at(-1)?.chain?.hash,
    );
    expect(await push('hall-l', token, [...rest, ...more])).toMatchObject({
      heldSeq: 8,
      refused: [],
    });
  });
});

describe('npm run admin -- verify', () => {
  it('finds a chain unbroken whose events arrived purged (personal fields gone, commitment kept)', async () => {
    const token = await enrolledDevice(server.url, 'hall-p', 'tab-p');
    const events = await chained(aVisitOf('tab-p', 'hall-p', 1, START - 600_000));
    const purged = events.map((e) => withoutPersonalData(e, Date.now()));
    expect(purged.some((e) => e.chain?.pc && !e.chain.salt)).toBe(true);
    expect(await push('hall-p', token, purged)).toMatchObject({ heldSeq: 4, refused: [] });
    const result = await adminCli(server.dataDir, 'verify', 'hall-p');
    expect(result.out).toContain('all unbroken');
    expect(result.code).toBe(0);
  });

  it('finds a tablet’s synced chain unbroken, prints the day’s head, and finds an event edited in the file', async () => {
    const token = await enrolledDevice(server.url, 'hall-v', 'tab-v');
    const tablet = await makeTablet(
      'tab-v',
      'hall-v',
      httpTransport(fetch, server.url, 'hall-v', token),
    );
    await tablet.recordVisit('v1', START);
    await tablet.recordVisit('v2', START + 1_000);
    expect(await tablet.engine.syncOnce()).toBe(true);
    const own = await tablet.db.events.orderBy('[device+seq]').toArray();
    const head = own.at(-1)?.chain?.hash ?? '';
    const day = dayKey(START);

    const ok = await adminCli(server.dataDir, 'verify', 'hall-v', day);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('all unbroken');
    expect(ok.out).toContain(`${own.length} events, seq 1–${own.length}, head ${head}`);

    const file = new Database(join(server.dataDir, 'checkpoint.sqlite'));
    const body = (seq: number) =>
      (
        file.prepare("SELECT body FROM events WHERE device = 'tab-v' AND seq = ?").get(seq) as {
          body: string;
        }
      ).body;
    const write = (seq: number, text: string) =>
      file.prepare("UPDATE events SET body = ? WHERE device = 'tab-v' AND seq = ?").run(text, seq);
    const temperature = own.find((e) => e.type === 'temperature.measured')?.seq ?? 0;
    const original = body(temperature);
    write(temperature, original.replace(/"celsius":[\d.]+/, '"celsius":36.1'));
    const edited = await adminCli(server.dataDir, 'verify', 'hall-v');
    expect(edited.code).toBe(1);
    expect(edited.out).toContain(`BROKEN at seq ${temperature}`);
    expect(edited.out).toContain('edited');
    write(temperature, original);

    // A sealed name swapped for a clear one: the hash leaves names out, the commitment does not.
    const identity = own.find((e) => e.type === 'identity.confirmed')?.seq ?? 0;
    const sealed = body(identity);
    write(identity, sealed.replace(/"name":"[^"]+"/, '"name":"李四"'));
    const renamed = await adminCli(server.dataDir, 'verify', 'hall-v');
    expect(renamed.code).toBe(1);
    expect(renamed.out).toContain(`BROKEN at seq ${identity}`);
    expect(renamed.out).toContain('personal');
    write(identity, sealed);
    file.close();

    expect((await adminCli(server.dataDir, 'verify', 'hall-v')).code).toBe(0);
    await tablet.close();
  });
});
