// @vitest-environment node
/**
 * Findings 8 and 10. The admin CLI skipped the API's validation (lifetimes 1e12 and -5
 * accepted, `abc` crashed with a stack trace, site `Evil Site/../x` created), and 16 of
 * 165 pushes failed with SQLITE_BUSY while it imported bookings.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, ev, validIdNumber, visitEvents } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import { adminCli, call, enrol, newCode, newSite, startHardenedServer } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
}, 40_000);
afterAll(() => server.stop());

const cli = (...args: string[]) => adminCli(server.dataDir, ...args);

describe('finding 10: the CLI validates like the API', () => {
  it('refuses bad lifetimes and site ids with a message, no stack trace, nothing created', async () => {
    expect((await cli('create-site', 'hall-10', 'Hall ten')).code).toBe(0);
    for (const hours of ['1e12', '-5', 'abc']) {
      const r = await cli('enrolment-code', 'hall-10', hours);
      expect(r.code, hours).toBe(2);
      expect(r.out, hours).not.toMatch(/enrolment code/);
      expect(r.err, hours).toMatch(/ttlHours|hours/);
      expect(r.err, hours).not.toMatch(/\n\s+at /);
    }
    const evil = await cli('create-site', 'Evil Site/../x', 'Evil');
    expect(evil.code).toBe(2);
    expect(evil.err).toMatch(/lower-case letters, digits and dashes/);
    expect((await cli('enrolment-code', 'Evil Site/../x')).err).toMatch(/no site/);
  }, 60_000);
});

describe('finding 8: pushes while the CLI writes', () => {
  it('answers every push while import-bookings writes 20,000 bookings', async () => {
    await newSite(server.url, 'hall-8');
    const token = String(
      (await enrol(server.url, await newCode(server.url, 'hall-8'), 'tab-8')).body.token,
    );
    const today = new Date();
    const many = Array.from({ length: 20_000 }, (_, i) => {
      const at = new Date(today.getFullYear(), today.getMonth(), today.getDate() + (i % 5), 10);
      return aBooking(
        {
          bookingId: `B${i}`,
          name: `预约人${i}`,
          idNumber: validIdNumber(`1101011990030${String(1000 + (i % 8000)).padStart(4, '0')}`),
        },
        at.getTime(),
      );
    });
    const csv = join(server.dataDir, 'many.csv');
    writeFileSync(csv, bookingsCsv(many));

    const imports = Promise.all([
      cli('import-bookings', 'hall-8', csv),
      cli('import-bookings', 'hall-8', csv),
    ]);
    const statuses: number[] = [];
    let seq = 1;
    const deadline = Date.now() + 60_000;
    let done = false;
    void imports.then(() => {
      done = true;
    });
    while ((!done || statuses.length < 165) && Date.now() < deadline) {
      const events = visitEvents([ev.opened()], {
        site: 'hall-8',
        device: 'tab-8',
        firstSeq: seq++,
        start: Date.now(),
        visit: `v-${seq}`,
      });
      const r = await call(server.url, 'POST', '/sites/hall-8/events', { token, body: { events } });
      statuses.push(r.status);
    }
    const results = await imports;
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results[0]?.out).toMatch(/20000 bookings imported/);
    expect(statuses.length).toBeGreaterThanOrEqual(165);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);
});
