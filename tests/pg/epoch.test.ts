/**
 * Issue 22: the epoch a PostgreSQL store announces moves with a restore, never with normal
 * operation. A spurious change costs every tablet a full re-sync, so: the same across
 * restarts, reconnects (every backend killed), checkpoints, WAL segment switches, VACUUM
 * FULL and writes; a new one after new-epoch, a re-made events table, another database.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../server/src/store/postgres';
import { ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { freshPgDatabase } from '../store/pg-databases';

const stores: PostgresStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function open(url: string): Promise<PostgresStore> {
  const store = await openPostgresStore(url, { max: 2 });
  stores.push(store);
  return store;
}

async function sql(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** Ends every other connection to the database (the pool's clients reconnect). */
const killBackends = (url: string) =>
  sql(
    url,
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );

describe('the announced PostgreSQL epoch', () => {
  it('is stable across restarts, reconnects, checkpoints, WAL switches, VACUUM FULL and writes', async () => {
    const url = await freshPgDatabase('epoch');
    let store = await open(url);
    const first = await store.identity();
    expect(first.epoch).toBeGreaterThanOrEqual(1);
    expect(first.epoch).toBeLessThanOrEqual(2_147_483_646);
    const { stored, facts } = await store.epochParts();
    expect(first.epoch).not.toBe(stored); // the facts are mixed in
    expect(Object.keys(facts).sort()).toEqual(['database', 'events', 'system', 'timeline']);
    for (const value of Object.values(facts)) expect(value).toMatch(/^\d+$/);

    await store.createSite({ id: 'hall', name: 'Hall' }, FIXED_NOW);
    const events = visitEvents([ev.opened(), ev.identity()], { device: 'tab', site: 'hall' });
    await store.insertEvents('hall', 'tab', events, FIXED_NOW, () => false);
    expect(await store.identity()).toEqual(first);

    await killBackends(url);
    expect(await store.identity()).toEqual(first);
    await sql(url, 'CHECKPOINT', 'SELECT pg_switch_wal()', 'VACUUM FULL events');
    expect(await store.identity()).toEqual(first);
    await store.close();
    stores.splice(0);
    store = await open(url); // a restart
    expect(await store.identity()).toEqual(first);
    expect(await store.epochParts()).toEqual({ stored, facts });
  });

  it('is made of facts an ordinary role reads (no superuser, no pg_monitor)', async () => {
    const url = await freshPgDatabase('epoch');
    const role = `plain_${process.pid}_${Date.now().toString(36)}`;
    await sql(url, `CREATE ROLE ${role} LOGIN`);
    const name = new URL(url).pathname.slice(1);
    await sql(
      url,
      `ALTER DATABASE "${name}" OWNER TO ${role}`,
      `GRANT ALL ON SCHEMA public TO ${role}`,
    );
    const plain = new URL(url);
    plain.username = role;
    const store = await open(plain.toString());
    const { facts } = await store.epochParts();
    for (const value of Object.values(facts)) expect(value).toMatch(/^\d+$/);
  });

  it('changes with new-epoch, with the events table made again, and in another database', async () => {
    const url = await freshPgDatabase('epoch');
    const store = await open(url);
    const first = await store.identity();
    const renewed = await store.newEpoch();
    expect(renewed.id).toBe(first.id);
    expect(renewed.epoch).not.toBe(first.epoch);
    expect(await store.identity()).toEqual(renewed);

    // What pg_restore --clean does to the table: dropped and made again, rows copied in.
    const { stored } = await store.epochParts();
    await sql(
      url,
      'ALTER TABLE events RENAME TO events_before',
      'CREATE TABLE events (LIKE events_before INCLUDING ALL)',
      'DROP TABLE events_before',
    );
    const remade = await store.identity();
    expect(remade.id).toBe(first.id);
    expect(remade.epoch).not.toBe(renewed.epoch);
    expect((await store.epochParts()).stored).toBe(stored); // the stored part did not move

    // The same stored row in another database: another epoch.
    const other = await freshPgDatabase('epoch');
    const copy = await open(other);
    const { epoch: _, ...row } = await copy.identity();
    await sql(other, `UPDATE server_identity SET id = '${first.id}', epoch = ${stored}`);
    expect(row.id).not.toBe(first.id);
    const there = await copy.identity();
    expect(there.id).toBe(first.id);
    expect(there.epoch).not.toBe(remade.epoch);
  });
});
