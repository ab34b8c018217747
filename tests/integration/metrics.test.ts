/**
 * The IT team's morning question against the real server: /metrics parsed as Prometheus
 * parses it, and `admin -- status` for a tablet that stopped syncing three hours ago.
 */

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, visitEvents } from '../fixtures/builders';
import { adminCli, call } from '../security/attack';
import { families, METRICS_TOKEN, value } from './scrape';
import {
  enrolledDevice,
  type ServerProcess,
  startServer,
  TEST_LIMITS,
  tempDataDir,
} from './server-process';

describe('metrics and status of a county', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer(tempDataDir(), 0, { ...TEST_LIMITS, METRICS_TOKEN });
    for (const [site, device] of [
      ['hall-a', 'tab-a1'],
      ['hall-a', 'tab-a2'],
      ['hall-b', 'tab-b1'],
    ] as const) {
      const token = await enrolledDevice(server.url, site, device);
      const events = visitEvents([ev.opened()], {
        site,
        device,
        start: Date.now() - 1000,
        firstSeq: 1,
      }).map((e) => ({ ...e, clockOffset: 4_000 }));
      expect(
        (await call(server.url, 'POST', `/sites/${site}/events`, { token, body: { events } }))
          .status,
      ).toBe(200);
      expect((await call(server.url, 'GET', `/sites/${site}/events`, { token })).status).toBe(200);
    }
    // tab-a2 went quiet three hours ago.
    const db = new Database(join(server.dataDir, 'checkpoint.sqlite'));
    const past = Date.now() - 3 * 3_600_000;
    db.prepare('UPDATE devices SET last_seen_at = ?, last_push_at = ? WHERE id = ?').run(
      past,
      past,
      'tab-a2',
    );
    db.close();
  }, 60_000);
  afterAll(() => server.stop());

  it('/metrics parses: events held, pushes and pulls by status, stale tablets per hall', async () => {
    const f = await families(server.url);
    expect(value(f.get('checkpoint_events_held'), { hall: 'hall-a' })?.value).toBe('2');
    expect(value(f.get('checkpoint_events_held'), { hall: 'hall-b' })?.value).toBe('1');
    expect(f.get('checkpoint_sync_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(value(f.get('checkpoint_device_stale'), { hall: 'hall-a' })?.value).toBe('1');
    expect(value(f.get('checkpoint_device_stale'), { hall: 'hall-b' })?.value).toBe('0');
    expect(
      Number(value(f.get('checkpoint_device_last_seen_age_seconds'), { device: 'tab-a2' })?.value),
    ).toBeGreaterThan(3 * 3600 - 60);
    expect(
      value(f.get('checkpoint_device_clock_offset_seconds'), { device: 'tab-b1' })?.value,
    ).toBe('4');
    // Tablets that never reported what waits add nothing; the hall's series is there.
    expect(value(f.get('checkpoint_device_events_waiting'), { hall: 'hall-a' })?.value).toBe('0');
    expect(f.has('checkpoint_retention_runs_total')).toBe(true);
    expect(f.has('checkpoint_enrolment_lockouts_total')).toBe(true);
  });

  it('admin status flags the tablet that stopped syncing, and only it', async () => {
    const { code, out } = await adminCli(server.dataDir, 'status');
    expect(code).toBe(0);
    const line = (device: string) => out.split('\n').find((l) => l.includes(device)) ?? '';
    expect(line('tab-a2')).toMatch(
      /hall-a\s+tab-a2\s+3 h 0 min ago\s+3 h 0 min ago\s+—\s+—\s+—\s+\+4 s\s+STALE \(> 2 h\)/,
    );
    expect(line('tab-a1')).toMatch(/just now.*\+4 s\s+ok$/);
    expect(line('tab-b1')).toMatch(/ok$/);
    expect(out).toContain('1 of 3 tablets stale (no sync for more than 2 h)');
  });
});
