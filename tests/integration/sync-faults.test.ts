// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import type { PullReply } from '../../src/protocol/api';
import { httpTransport } from '../../src/sync/transport';
import { ev, visitEvents } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { enrolledDevice, type ServerProcess, startServer } from './server-process';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(site: string) {
  const server = await startServer();
  cleanups.push(() => server.stop());
  const proxy = await startFaultProxy(server.url);
  cleanups.push(() => proxy.close());
  const tokenA = await enrolledDevice(server.url, site, 'tab-a');
  const tokenB = await enrolledDevice(server.url, site, 'tab-b');
  const a = await makeTablet('tab-a', site, httpTransport(fetch, proxy.url, site, tokenA));
  const b = await makeTablet('tab-b', site, httpTransport(fetch, proxy.url, site, tokenB), 'B');
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return { server, proxy, a, b, tokenA };
}

async function serverEvents(url: string, site: string, token: string): Promise<CheckpointEvent[]> {
  const all: CheckpointEvent[] = [];
  let after = 0;
  for (;;) {
    const reply = (await (
      await fetch(`${url}/api/v1/sites/${site}/events?after=${after}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as PullReply;
    all.push(...reply.events);
    after = reply.cursor;
    if (!reply.more) return all;
  }
}

async function syncUntilDone(tablet: Tablet, tries = 12) {
  for (let i = 0; i < tries; i++) if (await tablet.engine.syncOnce()) return true;
  return false;
}

async function expectConverged(
  a: Tablet,
  b: Tablet,
  proxy: FaultProxy,
  server: ServerProcess,
  site: string,
  token: string,
) {
  proxy.fault = 'none';
  expect(await syncUntilDone(a)).toBe(true);
  expect(await syncUntilDone(b)).toBe(true);
  const held = await serverEvents(server.url, site, token);
  const ids = held.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  const local = (await a.db.events.toArray()).map((e) => e.id).sort();
  expect([...ids].sort()).toEqual(local);
  expect((await b.db.events.toArray()).map((e) => e.id).sort()).toEqual(local);
  expect(await b.db.visits.orderBy('id').toArray()).toEqual(
    await a.db.visits.orderBy('id').toArray(),
  );
}

describe('sync against the real server, with faults', () => {
  it('a reply lost after the server committed: the re-send stores nothing twice', async () => {
    const { server, proxy, a, b, tokenA } = await setup('hall-lost');
    await a.recordVisit('v1');
    proxy.fault = 'drop-reply';
    expect(await a.engine.syncOnce()).toBe(false);
    expect(a.engine.getStatus().lastError).toBe('offline');
    expect(a.engine.getStatus().pending).toBeGreaterThan(0);
    await expectConverged(a, b, proxy, server, 'hall-lost', tokenA);
  }, 60_000);

  it('the server answering 500 every other request', async () => {
    const { server, proxy, a, b, tokenA } = await setup('hall-500');
    for (let i = 0; i < 4; i++) await a.recordVisit(`v${i}`);
    proxy.fault = 'fail-every-other';
    // No round can finish (each needs three requests in a row), but each keeps its progress.
    for (let i = 0; i < 8; i++) {
      await a.engine.syncOnce();
      await b.engine.syncOnce();
    }
    expect(a.engine.getStatus().lastError).toBe('server');
    expect(a.engine.getStatus().pending).toBe(0);
    expect(await b.db.events.count()).toBe(await a.db.events.count());
    await expectConverged(a, b, proxy, server, 'hall-500', tokenA);
  }, 60_000);

  it('the connection dropped in the middle of a pull leaves the cursor where it was', async () => {
    const { server, proxy, a, b, tokenA } = await setup('hall-cut');
    for (let i = 0; i < 3; i++) await a.recordVisit(`v${i}`);
    expect(await a.engine.syncOnce()).toBe(true);
    proxy.fault = 'cut-pull';
    expect(await b.engine.syncOnce()).toBe(false);
    expect(await b.db.events.count()).toBe(0);
    await expectConverged(a, b, proxy, server, 'hall-cut', tokenA);
  }, 60_000);

  it('the server restarted in the middle of a sync', async () => {
    const first = await startServer();
    const site = 'hall-restart';
    const tokenA = await enrolledDevice(first.url, site, 'tab-a');
    const tokenB = await enrolledDevice(first.url, site, 'tab-b');
    const a = await makeTablet('tab-a', site, httpTransport(fetch, first.url, site, tokenA));
    const b = await makeTablet('tab-b', site, httpTransport(fetch, first.url, site, tokenB), 'B');
    for (let i = 0; i < 30; i++) await a.recordVisit(`v${i}`);
    const syncing = a.engine.syncOnce();
    await first.stop();
    await syncing;
    const port = Number(new URL(first.url).port);
    const second = await startServer(first.dataDir, port);
    cleanups.push(
      () => second.stop(),
      () => a.close(),
      () => b.close(),
    );
    expect(await syncUntilDone(a)).toBe(true);
    expect(await syncUntilDone(b)).toBe(true);
    const held = await serverEvents(second.url, site, tokenA);
    expect(held.length).toBe(await a.db.events.count());
    expect(new Set(held.map((e) => e.id)).size).toBe(held.length);
    expect(await b.db.events.count()).toBe(held.length);
  }, 90_000);

  it('a cursor never skips a committed event while devices push concurrently', async () => {
    const server = await startServer();
    cleanups.push(() => server.stop());
    const site = 'hall-order';
    const devices = ['d1', 'd2', 'd3', 'd4'];
    const tokens = await Promise.all(devices.map((d) => enrolledDevice(server.url, site, d)));
    const pushed = new Set<string>();
    const pushers = devices.map(async (device, i) => {
      for (let batch = 0; batch < 20; batch++) {
        const events = visitEvents([ev.opened(), ev.mask(), ev.hands()], {
          site,
          device,
          visit: `${device}-${batch}`,
          firstSeq: batch * 3 + 1,
          start: Date.now(),
        });
        const response = await fetch(`${server.url}/api/v1/sites/${site}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        expect(response.status).toBe(200);
        for (const e of events) pushed.add(e.id);
      }
    });
    const seen: string[] = [];
    let after = 0;
    let done = false;
    const puller = (async () => {
      while (!done) {
        const reply = (await (
          await fetch(`${server.url}/api/v1/sites/${site}/events?after=${after}&limit=17`, {
            headers: { authorization: `Bearer ${tokens[0]}` },
          })
        ).json()) as PullReply;
        seen.push(...reply.events.map((e) => e.id));
        after = reply.cursor;
      }
    })();
    await Promise.all(pushers);
    done = true;
    await puller;
    seen.push(...(await serverEventsAfter(server.url, site, tokens[0] ?? '', after)));
    expect(seen.length).toBe(pushed.size);
    expect(new Set(seen)).toEqual(pushed);
  }, 60_000);
});

async function serverEventsAfter(
  url: string,
  site: string,
  token: string,
  after: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor = after;
  for (;;) {
    const reply = (await (
      await fetch(`${url}/api/v1/sites/${site}/events?after=${cursor}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as PullReply;
    ids.push(...reply.events.map((e) => e.id));
    cursor = reply.cursor;
    if (!reply.more) return ids;
  }
}
