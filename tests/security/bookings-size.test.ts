// @vitest-environment node
/**
 * Finding 12: after 100,000 bookings the tablets' config reply was 16.7 MB, unpaginated
 * (four pulls at once took 3 s each, RSS ~1 GB, /healthz up to 2.9 s). The attack as it
 * was made: the CLI imports 100,000 bookings, then tablets ask for their config. Now the
 * config lists days, each day comes on its own (gzip), and only the window is served.
 * Times are measured by `npm run bench:bookings`, not asserted here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey } from '../../src/domain/time';
import { bookingWindow, type ConfigReply } from '../../src/protocol/api';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { manyBookings } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import { adminCli, enrol, newCode, newSite, startHardenedServer } from './attack';

const SITE = 'hall-12';
const DAY = 24 * 3_600_000;
let server: ServerProcess;
let token: string;

beforeAll(async () => {
  server = await startHardenedServer();
  await newSite(server.url, SITE);
  token = String((await enrol(server.url, await newCode(server.url, SITE), 'tab-12')).body.token);
  // 100,000 bookings, 2,000 a day from 10 days ago to 39 days ahead.
  const csv = join(server.dataDir, 'bookings-100k.csv');
  writeFileSync(csv, bookingsCsv(manyBookings(100_000, Date.now() - 10 * DAY, 50)));
  const imported = await adminCli(server.dataDir, 'import-bookings', SITE, csv);
  expect(imported.out).toMatch(/^100000 bookings imported/);
}, 180_000);
afterAll(() => server.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/v1/sites/${SITE}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: response.status, headers: response.headers, bytes: await response.bytes() };
}

describe('finding 12: bookings served by day', () => {
  it('keeps the config reply to a list of the window’s days, whatever the site holds', async () => {
    const config = await get('/config');
    expect(config.status).toBe(200);
    expect(config.bytes.length).toBeLessThan(2_048);
    const reply = JSON.parse(Buffer.from(config.bytes).toString('utf8')) as ConfigReply;
    expect(reply.bookingDays.map((d) => d.day)).toEqual(bookingWindow(Date.now()));
    expect(reply.bookingDays.every((d) => d.count === 2_000)).toBe(true);
  });

  it('sends one day at a time, gzip-compressed, and no day outside the window', async () => {
    const [today, , , , , , , , last] = bookingWindow(Date.now());
    const plain = await get(`/bookings/${today}`, { 'accept-encoding': 'identity' });
    expect(JSON.parse(Buffer.from(plain.bytes).toString('utf8')).bookings).toHaveLength(2_000);
    expect(plain.bytes.length).toBeLessThan(600_000);
    expect((await get(`/bookings/${last}`)).status).toBe(200);
    for (const far of [Date.now() - 5 * DAY, Date.now() + 20 * DAY]) {
      const day = dayKey(far);
      expect((await get(`/bookings/${day}`)).status, day).toBe(404);
    }
    // Node's fetch decodes what it hands over: read the wire bytes through node:http.
    const raw = await rawGzipLength(`/bookings/${today}`);
    expect(raw.decoded).toBe(plain.bytes.length);
    expect(raw.wire).toBeLessThan(plain.bytes.length / 4);
  });

  it('serves four tablets’ whole syncs at once, every reply complete', async () => {
    const days = bookingWindow(Date.now());
    const replies = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const config = await get('/config');
        const each = await Promise.all(days.map((d) => get(`/bookings/${d}`)));
        return [config.status, ...each.map((r) => r.status)];
      }),
    );
    expect(replies.flat().every((s) => s === 200)).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

/** The body's length on the wire with gzip, and decoded, read through node:http. */
async function rawGzipLength(path: string): Promise<{ wire: number; decoded: number }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/v1/sites/${SITE}${path}`,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          expect(res.headers['content-encoding']).toBe('gzip');
          resolve({ wire: wire.length, decoded: gunzipSync(wire).length });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
