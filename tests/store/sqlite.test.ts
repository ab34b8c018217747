// @vitest-environment node
/** The store conformance suite on SQLite (a file, so the test can read every row too). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/src/store/sqlite';
import { aBooking, FIXED_NOW } from '../fixtures/builders';
import { storeConformance } from './conformance';

storeConformance('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'checkpoint.sqlite');
  const store = openSqliteStore(file);
  return {
    store,
    async liveText() {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[];
        return tables
          .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()))
          .join('\n');
      } finally {
        db.close();
      }
    },
    async rewriteBody(id, edit) {
      const db = new Database(file);
      try {
        const { body } = db.prepare('SELECT body FROM events WHERE id = ?').get(id) as {
          body: string;
        };
        db.prepare('UPDATE events SET body = ? WHERE id = ?').run(edit(body), id);
      } finally {
        db.close();
      }
    },
  };
});

describe('SQLite schema upgrade', () => {
  it('a hall file from before bookings by day serves its imported days after the upgrade', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'checkpoint.sqlite');
    const before = openSqliteStore(file);
    await before.createSite({ id: 'hall-1', name: 'Hall' }, FIXED_NOW);
    const today = aBooking({ bookingId: 'B1' });
    const tomorrow = aBooking({ bookingId: 'B2' }, FIXED_NOW + 24 * 3_600_000);
    await before.putBookings('hall-1', [today, tomorrow]);
    await before.putBookings('hall-1', [today]);
    await before.close();
    // Back to schema 4, as the file was when only a site-wide version existed.
    const raw = new Database(file);
    raw.exec(
      `DROP TABLE booking_days; DROP TABLE server_identity;
       ALTER TABLE devices DROP COLUMN last_seen_at;
       ALTER TABLE devices DROP COLUMN last_push_at;
       ALTER TABLE devices DROP COLUMN clock_offset;
       ALTER TABLE devices DROP COLUMN waiting;
       ALTER TABLE devices DROP COLUMN app_version;
       DROP TABLE county_policy; ALTER TABLE devices DROP COLUMN policy_version;`,
    );
    raw.pragma('user_version = 4');
    raw.close();

    const after = openSqliteStore(file);
    expect(await after.bookingDays('hall-1', '2000-01-01', '2100-01-01')).toEqual([
      { day: today.day, version: 2, count: 1 },
      { day: tomorrow.day, version: 2, count: 1 },
    ]);
    expect(await after.bookingsOfDay('hall-1', tomorrow.day)).toEqual({
      bookings: [tomorrow],
      version: 2,
    });
    await after.close();
  });
});
