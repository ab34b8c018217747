// @vitest-environment node
/**
 * Ten halls' tablets pushing at once through two server instances on one PostgreSQL
 * database, with the county bench's own harness (bench/county: the real server processes
 * as the bench starts them, its enrolment and its load of tablets): every event is held,
 * none is refused, no request fails, in seconds.
 *
 * This is what hung `npm run bench:county` at 10 halls (issue 22): enrolling 40 tablets
 * from one address ran into the per-address enrolment limit (10 a minute per instance),
 * the refused tablets kept no token, and their pushes failed every second for ever.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/county/load';
import { enrolHall, type Instance, startInstance } from '../../bench/county/servers';
import { freePort } from '../../scripts/pg-cluster';
import { dayKey, dayStart } from '../../src/domain/time';
import { freshPgDatabase } from '../store/pg-databases';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HALLS = 10;
const TABLETS = 4;
const VISITS = 15; // per tablet: 135 events each, 5,400 in all

describe('a county on PostgreSQL behind two instances', () => {
  it(`${HALLS} halls × ${TABLETS} tablets pushing at once all finish`, async () => {
    const url = await freshPgDatabase('county');
    const instances: Instance[] = [];
    cleanups.push(async () => {
      for (const i of instances) await i.stop();
    });
    for (let i = 0; i < 2; i++)
      instances.push(await startInstance(await freePort(), { DATABASE_URL: url }));

    const tablets = [];
    for (let h = 0; h < HALLS; h++) {
      const site = `hall-${h}`;
      const enrolled = await enrolHall(instances[h % 2]?.url ?? '', site, TABLETS);
      for (const [t, { device, token }] of enrolled.entries())
        tablets.push({ site, device, token, url: instances[(h + t) % 2]?.url ?? '' });
    }
    expect(tablets).toHaveLength(HALLS * TABLETS);

    const load = await runLoad({
      tablets,
      visitsPerTablet: VISITS,
      rate: 20_000,
      syncMs: 200,
      dayStart: dayStart(dayKey(Date.now() - 24 * 3_600_000)),
      stallMs: 15_000,
    });
    expect(load.errors).toBe(0);
    expect(load.pushed).toBe(HALLS * TABLETS * VISITS * 9);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; held_seq: string; n: string }>(
        `SELECT d.id, d.held_seq, (SELECT count(*) FROM events e WHERE e.device = d.id) AS n
         FROM devices d ORDER BY d.id`,
      );
      expect(rows).toHaveLength(HALLS * TABLETS);
      for (const r of rows) {
        expect(Number(r.held_seq)).toBe(VISITS * 9);
        expect(Number(r.n)).toBe(VISITS * 9);
      }
    } finally {
      await client.end();
    }
  }, 60_000);
});
