// @vitest-environment node
/**
 * A tablet goes offline with part of its outbox pushed: `admin -- status` and /metrics
 * say how many events it still holds and which app it runs, from the real server process.
 * A tablet on an older app (a push with no report) keeps syncing and shows '—'.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingCount } from '../../src/db/sync-store';
import { httpTransport, SyncError, type Transport } from '../../src/sync/transport';
import { ev, visitEvents } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { adminCli, call } from '../security/attack';
import { families, METRICS_TOKEN, value } from './scrape';
import {
  enrolledDevice,
  type ServerProcess,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from './server-process';

const SITE = 'hall-r';
const APP = '0.4.0-rc.1+b7';

const waitingGauge = async (url: string, hall: string) =>
  value((await families(url)).get('checkpoint_device_events_waiting'), { hall })?.value;

async function statusLine(server: ServerProcess, device: string): Promise<string> {
  const { code, out } = await adminCli(server.dataDir, 'status');
  expect(code).toBe(0);
  return out.split('\n').find((l) => l.includes(device)) ?? '';
}

describe('what a tablet still holds, in admin status and /metrics', () => {
  let server: ServerProcess;
  let tablet: Tablet;
  let online = true;

  beforeAll(async () => {
    server = await startServer(tempDataDir(), 0, { ...TEST_LIMITS, METRICS_TOKEN });
    const token = await enrolledDevice(server.url, SITE, 'tab-new');
    const inner = httpTransport(fetch, server.url, SITE, token, APP);
    // The network drops after the first push of the round.
    let pushes = 0;
    const flaky: Transport = {
      ...inner,
      push: (events, waiting) =>
        online || pushes++ === 0
          ? inner.push(events, waiting)
          : Promise.reject(new SyncError('offline', 'cable pulled')),
    };
    tablet = await makeTablet('tab-new', SITE, flaky, 'A', 7);
    const old = await enrolledDevice(server.url, SITE, 'tab-old');
    const events = visitEvents([ev.opened()], {
      site: SITE,
      device: 'tab-old',
      start: Date.now() - 1000,
    });
    const push = await call(server.url, 'POST', `/sites/${SITE}/events`, {
      token: old,
      body: { events },
    });
    expect(push.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await tablet?.close();
    await server?.stop();
  });

  it('a push batch smaller than the outbox, then offline: the rest is counted and the app named', async () => {
    await tablet.recordVisit('visit-1');
    await tablet.recordVisit('visit-2');
    const outbox = await pendingCount(tablet.db, 'tab-new');
    expect(outbox).toBeGreaterThan(7);
    online = false;
    expect(await tablet.engine.syncOnce()).toBe(false);
    tablet.engine.stop();
    expect(await pendingCount(tablet.db, 'tab-new')).toBe(outbox - 7);

    const waiting = String(outbox - 7);
    expect(await statusLine(server, 'tab-new')).toMatch(
      new RegExp(
        `hall-r\\s+tab-new\\s+just now\\s+just now\\s+${waiting}\\s+0\\.4\\.0-rc\\.1\\+b7\\s`,
      ),
    );
    expect(await statusLine(server, 'tab-old')).toMatch(/just now\s+just now\s+—\s+—\s/);
    expect(await waitingGauge(server.url, SITE)).toBe(waiting);
  });

  it('back online, the tablet pushes the rest and says nothing waits', async () => {
    online = true;
    expect(await tablet.engine.syncOnce()).toBe(true);
    tablet.engine.stop();
    expect(await statusLine(server, 'tab-new')).toMatch(/just now\s+0\s+0\.4\.0-rc\.1\+b7\s+.*ok$/);
    // /metrics reads the store at most once a second (metrics.ts SNAPSHOT_MS).
    await expect.poll(() => waitingGauge(server.url, SITE), { timeout: 5_000 }).toBe('0');
  });
});
