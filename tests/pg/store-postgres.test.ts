/** The store conformance suite on PostgreSQL: a fresh database per test. */
const DAY = 24 * 3_600_000;

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/src/store/postgres';
import { dayKey } from '../../src/domain/time';
import { aBooking, ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { storeConformance } from '../store/conformance';
import { freshPgDatabase } from '../store/pg-databases';

async function pgLiveText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const parts: string[] = [];
    for (const { table_name } of rows) {
      const all = await client.query(`SELECT * FROM "${table_name}"`);
      parts.push(JSON.stringify(all.rows));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

storeConformance('PostgreSQL', async () => {
  const url = await freshPgDatabase('conf');
  const store = await openPostgresStore(url);
  return {
    store,
    liveText: () => pgLiveText(url),
    async rewriteBody(id, edit) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ body: string }>(
          'SELECT body FROM events WHERE id = $1',
          [id],
        );
        await client.query('UPDATE events SET body = $1 WHERE id = $2', [
          edit(rows[0]?.body ?? ''),
          id,
        ]);
      } finally {
        await client.end();
      }
    },
  };
});

/** How many row versions in the table's pages (dead ones included, pageinspect) hold `text`. */
async function rowVersionsHolding(url: string, table: string, text: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM generate_series(0,
         pg_relation_size($1::regclass) / current_setting('block_size')::int - 1) AS page,
       LATERAL heap_page_items(get_raw_page($1::text, page::int))
       WHERE position(convert_to($2::text, 'UTF8') IN t_data) > 0`,
      [table, text],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL: what a purge leaves in the pages', () => {
  it('the old row versions holding purged values are gone once reclaimed (VACUUM)', async () => {
    const url = await freshPgDatabase('vac');
    const store = await openPostgresStore(url);
    try {
      const who = aBooking({ name: '钱旧名', phone: '13900000077' }, FIXED_NOW - 40 * DAY);
      await store.createSite({ id: 'hall-1', name: 'Hall' }, FIXED_NOW);
      const events = visitEvents([ev.opened(), ev.booked(who), ev.identity(who)], {
        site: 'hall-1',
        device: 'tablet-1',
        start: FIXED_NOW - 40 * DAY,
      });
      await store.insertEvents('hall-1', 'tablet-1', events, FIXED_NOW, () => false);
      const cutoff = FIXED_NOW - 28 * DAY;
      expect(
        await store.purgePersonalData('hall-1', { at: cutoff, day: dayKey(cutoff) }, FIXED_NOW),
      ).toEqual({ events: 2, bookings: 0 });
      // Purged, not yet reclaimed: the live rows are clean, the dead versions are not.
      expect(await pgLiveText(url)).not.toContain(who.phone);
      expect(await rowVersionsHolding(url, 'events', who.phone)).toBe(2);
      await store.reclaimPurged();
      expect(await rowVersionsHolding(url, 'events', who.phone)).toBe(0);
      expect(await rowVersionsHolding(url, 'events', '"purgedAt"')).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL: several instances on one database', () => {
  it('the hourly retention slot goes to one instance of three', async () => {
    const url = await freshPgDatabase('jobs');
    const stores = await Promise.all([0, 1, 2].map(() => openPostgresStore(url)));
    try {
      const hour = 3_600_000;
      const claims = await Promise.all(
        stores.map((s) => s.claimPeriodicJob('retention', FIXED_NOW, hour)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const later = await Promise.all(
        stores.map((s, i) => s.claimPeriodicJob('retention', FIXED_NOW + hour + i, hour)),
      );
      expect(later.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe('PostgreSQL: a schema newer than the server', () => {
  it('is refused with the reason (an older release started on an upgraded database)', async () => {
    const url = await freshPgDatabase('newer');
    await (await openPostgresStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE schema_version SET version = 99');
    await client.end();
    await expect(openPostgresStore(url)).rejects.toThrow(
      /schema version 99, newer than this server's \d+/,
    );
  });
});
