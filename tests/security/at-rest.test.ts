// @vitest-environment node
/**
 * Finding 5: names, ID numbers and phones were in clear in the database file, and the
 * files were 0644 in a 0755 folder. Now personal fields are sealed (AES-256-GCM) with a
 * key kept outside the database, the folder is 0700 and every file in it 0600.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
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

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
}, 40_000);
afterAll(() => server.stop());

describe('finding 5: personal data at rest', () => {
  it('keeps no name, ID number or phone in clear after 100 visits, and serves them back whole', async () => {
    await newSite(server.url, 'hall-5');
    const token = String(
      (await enrol(server.url, await newCode(server.url, 'hall-5'), 'tab-5')).body.token,
    );
    const visits = Array.from({ length: 100 }, (_, n) =>
      personalVisit(n, 'hall-5', 'tab-5', Date.now() - 3_600_000 + n * 1_000),
    ).flat();
    for (let i = 0; i < visits.length; i += 50) {
      const reply = await call(server.url, 'POST', '/sites/hall-5/events', {
        token,
        body: { events: visits.slice(i, i + 50) },
      });
      expect(reply.body).toMatchObject({ accepted: 50 });
    }
    const booking = aBooking({ name: '预约人李四', phone: '13987654321' }, Date.now());
    await admin(server.url, 'PUT', '/sites/hall-5/bookings', bookingsCsv([booking]), 'text/csv');

    const values = [...personalValues(visits), booking.name, booking.phone, booking.idNumber];
    const bytes = filesOf(server.dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(values.filter((v) => bytes.some((b) => b.includes(Buffer.from(v, 'utf8'))))).toEqual([]);

    // The tablets still get them in clear.
    const pulled = await call(server.url, 'GET', '/sites/hall-5/events?after=0&limit=1000', {
      token,
    });
    expect(personalValues(pulled.body.events as CheckpointEvent[])).toEqual(personalValues(visits));
    const day = await call(server.url, 'GET', `/sites/hall-5/bookings/${booking.day}`, { token });
    expect(day.body.bookings).toEqual([
      expect.objectContaining({
        name: booking.name,
        phone: booking.phone,
        idNumber: booking.idNumber,
      }),
    ]);
  }, 60_000);

  it('keeps the data folder 0700 and its files 0600, the key in a file of its own', () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(server.dataDir).filter((f) =>
      statSync(join(server.dataDir, f)).isFile(),
    );
    expect(files).toEqual(expect.arrayContaining(['checkpoint.sqlite', 'personal-data.key']));
    for (const f of files) expect(statSync(join(server.dataDir, f)).mode & 0o777, f).toBe(0o600);
    const key = readFileSync(join(server.dataDir, 'personal-data.key'), 'utf8')
      .split('\n')
      .find((l) => l && !l.startsWith('#'));
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(filesOf(server.dataDir).some((b) => b.includes(Buffer.from(key ?? '')))).toBe(false);
  });
});
