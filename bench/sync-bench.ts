/**
 * Sync figures against the real server process (SQLite, WAL, synchronous=FULL):
 * 1. server ingest: 10,000 events pushed in batches of 500 (events/s);
 * 2. pull: the same 10,000 events read back in pages of 1,000 (events/s);
 * 3. a tablet offline for a day (2,000 visits, 18,000 events) fully synced after
 *    reconnecting: push + pull + projections, through the app's sync engine. The tablet's
 *    IndexedDB here is fake-indexeddb in Node, slower than Chromium's real one.
 */
import 'fake-indexeddb/auto';
import type { CheckpointEvent } from '../src/domain/events';
import { foldVisit } from '../src/domain/visit';
import { httpTransport } from '../src/sync/transport';
import { ev, visitEvents } from '../tests/fixtures/builders';
import { greenVisitSteps, makeTablet } from '../tests/fixtures/tablet';
import { enrolledDevice, startServer } from '../tests/integration/server-process';
import { sized } from './size';

const round = (n: number) => Math.round(n);

function dayOfEvents(device: string, site: string, visits: number): CheckpointEvent[] {
  const all: CheckpointEvent[] = [];
  const start = Date.now() - 8 * 3_600_000;
  for (let v = 0; v < visits; v++) {
    const bodies = [...greenVisitSteps().flat(), ev.decided({ kind: 'admitted', ticket: `A${v}` })];
    all.push(
      ...visitEvents(bodies, {
        site,
        device,
        visit: `${device}-v${v}`,
        firstSeq: all.length + 1,
        start: start + v * 10_000,
        stepMs: 1,
      }),
    );
  }
  return all;
}

const server = await startServer();
try {
  // 1 + 2: raw HTTP push and pull.
  const token = await enrolledDevice(server.url, 'bench', 'pusher');
  const events = dayOfEvents('pusher', 'bench', sized(1112, 12)).slice(0, sized(10_000, 100));
  let t0 = performance.now();
  for (let i = 0; i < events.length; i += 500) {
    const response = await fetch(`${server.url}/api/v1/sites/bench/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + 500) }),
    });
    if (!response.ok) throw new Error(await response.text());
  }
  const pushSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  let after = 0;
  let pulled = 0;
  for (;;) {
    const reply = (await (
      await fetch(`${server.url}/api/v1/sites/bench/events?after=${after}&limit=1000`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { events: unknown[]; cursor: number; more: boolean };
    pulled += reply.events.length;
    after = reply.cursor;
    if (!reply.more) break;
  }
  const pullSeconds = (performance.now() - t0) / 1000;

  // 3: a tablet back after a day offline, and a second tablet catching up.
  const tokenA = await enrolledDevice(server.url, 'bench-day', 'door');
  const tokenB = await enrolledDevice(server.url, 'bench-day', 'lead');
  const door = await makeTablet(
    'door',
    'bench-day',
    httpTransport(fetch, server.url, 'bench-day', tokenA),
    'A',
    500,
  );
  const lead = await makeTablet(
    'lead',
    'bench-day',
    httpTransport(fetch, server.url, 'bench-day', tokenB),
    'B',
    500,
  );
  const day = dayOfEvents('door', 'bench-day', sized(2000, 20));
  await door.db.events.bulkAdd(day);
  await door.db.meta.put({ key: 'seq', value: day.length });
  const visits = new Map<string, CheckpointEvent[]>();
  for (const e of day) visits.set(e.visit ?? '', [...(visits.get(e.visit ?? '') ?? []), e]);
  await door.db.visits.bulkPut([...visits.values()].flatMap((list) => foldVisit(list) ?? []));
  t0 = performance.now();
  while (!(await door.engine.syncOnce()));
  const doorSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  while (!(await lead.engine.syncOnce()));
  const leadSeconds = (performance.now() - t0) / 1000;
  const leadVisits = await lead.db.visits.count();
  await door.close();
  await lead.close();

  console.log('Sync against the real server process (SQLite):');
  console.table({
    'server ingest (push 10,000 events, batches of 500)': {
      seconds: pushSeconds.toFixed(2),
      'events/s': round(events.length / pushSeconds),
    },
    'pull 10,000 events (pages of 1,000)': {
      seconds: pullSeconds.toFixed(2),
      'events/s': round(pulled / pullSeconds),
    },
    'tablet back after a day offline: push 18,000 events': {
      seconds: doorSeconds.toFixed(2),
      'events/s': round(day.length / doorSeconds),
    },
    'second tablet pulls the day and builds 2,000 visits': {
      seconds: leadSeconds.toFixed(2),
      'events/s': round(day.length / leadSeconds),
      visits: leadVisits,
    },
  });
} finally {
  await server.stop();
}
