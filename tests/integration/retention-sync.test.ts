// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/db/retention';
import { pendingCount } from '../../src/db/sync-store';
import type { CheckpointEvent } from '../../src/domain/events';
import { retentionCutoff } from '../../src/domain/retention';
import { dayKey } from '../../src/domain/time';
import type { PullReply, PushReply } from '../../src/protocol/api';
import { httpTransport } from '../../src/sync/transport';
import { aBooking } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { ADMIN, enrolledDevice, startServer } from './server-process';

const SITE = 'hall-retention';
const DAY = 86_400_000;
const NOW = Date.now();
const BEFORE = retentionCutoff(dayKey(NOW), 28);
const { name, idNumber } = aBooking();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serverEvents(url: string, token: string): Promise<CheckpointEvent[]> {
  const reply = (await (
    await fetch(`${url}/api/v1/sites/${SITE}/events?after=0`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as PullReply;
  return reply.events;
}

async function syncUntilDone(tablet: Tablet) {
  for (let i = 0; i < 10; i++) if (await tablet.engine.syncOnce()) return;
  throw new Error('sync did not finish');
}

const purge = (t: Tablet) =>
  purgeExpired(t.db, t.log, { device: t.device, before: BEFORE, now: NOW });

/** The real server process with two enrolled tablets. */
async function twoTablets() {
  const server = await startServer();
  cleanups.push(() => server.stop());
  const tokenA = await enrolledDevice(server.url, SITE, 'tab-a');
  const tokenB = await enrolledDevice(server.url, SITE, 'tab-b');
  const a = await makeTablet('tab-a', SITE, httpTransport(fetch, server.url, SITE, tokenA));
  const b = await makeTablet('tab-b', SITE, httpTransport(fetch, server.url, SITE, tokenB), 'B');
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return { server, tokenA, a, b };
}

describe('retention against the real server', () => {
  it('purges only after the server holds the visit; the server’s copy is untouched; nothing is re-sent', async () => {
    const { server, tokenA, a, b } = await twoTablets();
    await a.recordVisit('old', NOW - 40 * DAY);

    // Offline so far: nothing may go.
    expect(await purge(a)).toMatchObject({ visits: 0, waiting: 1 });
    expect((await a.db.visits.get('old'))?.identity?.name).toBe(name);

    await syncUntilDone(a);
    expect(await purge(a)).toMatchObject({ visits: 1, waiting: 0 });
    expect((await a.db.visits.get('old'))?.identity?.name).toBe('');

    // The purge record goes to the server; the purged events are never sent again.
    await syncUntilDone(a);
    expect(await pendingCount(a.db, a.device)).toBe(0);
    const held = await serverEvents(server.url, tokenA);
    expect(held.filter((e) => e.type === 'device.data-purged')).toHaveLength(1);
    const identity = held.find((e) => e.type === 'identity.confirmed');
    expect(identity?.type === 'identity.confirmed' && identity.data.idNumber).toBe(idNumber);
    expect(held.some((e) => 'purgedAt' in e)).toBe(false);

    // Another tablet gets the full record from the server, and purges it in turn.
    await syncUntilDone(b);
    expect((await b.db.visits.get('old'))?.identity?.name).toBe(name);
    expect(await purge(b)).toMatchObject({ visits: 1, waiting: 0 });
    expect((await b.db.visits.get('old'))?.identity?.name).toBe('');
  });

  it('the server keeps personal data only as long as the policy says; tablets pull the purged record', async () => {
    const { server, tokenA, a, b } = await twoTablets();
    await a.recordVisit('old', NOW - 40 * DAY);
    await a.recordVisit('recent', NOW - 2 * DAY);
    await syncUntilDone(a);

    const run = async () =>
      (await (
        await fetch(`${server.url}/api/v1/admin/sites/${SITE}/retention`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}` },
        })
      ).json()) as { before: string; events: number; bookings: number };
    expect(await run()).toEqual({ before: BEFORE, events: 2, bookings: 0 });
    expect(await run()).toMatchObject({ events: 0 }); // nothing twice

    const held = await serverEvents(server.url, tokenA);
    const text = JSON.stringify(held.filter((e) => e.visit === 'old'));
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(name);
    expect(JSON.stringify(held.filter((e) => e.visit === 'recent'))).toContain(idNumber);

    // A new tablet pulls the purged record (it passes the pull schema) and shows it purged.
    await syncUntilDone(b);
    const old = await b.db.visits.get('old');
    expect(old?.identity?.name).toBe('');
    expect(old?.purgedAt).not.toBeNull();
    expect((await b.db.visits.get('recent'))?.identity?.name).toBe(name);

    // The first tablet re-sends its events (a lost reply): duplicates, not conflicts.
    const own = await a.db.events.where('visit').equals('old').toArray();
    const reply = (await (
      await fetch(`${server.url}/api/v1/sites/${SITE}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: own }),
      })
    ).json()) as PushReply;
    expect(reply).toMatchObject({ accepted: 0, duplicates: own.length, refused: [] });
  });
});
