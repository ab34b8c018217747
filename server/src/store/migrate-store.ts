/**
 * Moving a hall from its SQLite file to the county's PostgreSQL database
 * (`npm run admin -- migrate-store [file]`). Copies rows as they are, beneath the Store
 * interface, because what must survive is below it: device token hashes (tablets stay
 * enrolled) and cursor values (tablets keep pulling from where they were; PostgreSQL
 * cursors are unique per site, so a hall's values cannot clash with other halls').
 * One transaction: the target holds the whole hall or nothing.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from './postgres';
import { LOCK } from './postgres-schema';
import { openSqliteStore } from './sqlite';

export interface MigrationCounts {
  sites: number;
  devices: number;
  enrolmentCodes: number;
  events: number;
  policies: number;
  bookings: number;
}

type Row = Record<string, unknown>;
const CHUNK = 5_000;

/** Inserts rows through one unnest per chunk: column name → PostgreSQL array type. */
async function copy(
  client: pg.Client,
  table: string,
  columns: Record<string, string>,
  rows: readonly Row[],
): Promise<void> {
  const names = Object.keys(columns);
  const list = names.join(', ');
  const arrays = names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await client.query(
      `INSERT INTO ${table} (${list}) SELECT * FROM unnest(${arrays}) AS t (${list})`,
      names.map((n) => chunk.map((r) => r[n] ?? null)),
    );
  }
}

export async function migrateSqliteToPostgres(
  sqliteFile: string,
  databaseUrl: string,
): Promise<MigrationCounts> {
  if (!existsSync(sqliteFile)) throw new Error(`no SQLite file at ${sqliteFile}`);
  // Both schemas current first (migrations run on open: an older hall file gets its new
  // columns), then the copy on connections of our own.
  await openSqliteStore(sqliteFile).close();
  await (await openPostgresStore(databaseUrl)).close();
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const all = (sql: string) => source.prepare(sql).all() as Row[];
    const sites = all('SELECT id, name, created_at FROM sites ORDER BY id');
    await client.query('BEGIN');
    const ids = sites.map((s) => String(s.id));
    const clash = await client.query<{ id: string }>(
      'SELECT id FROM sites WHERE id = ANY($1::text[])',
      [ids],
    );
    if (clash.rows.length > 0)
      throw new Error(
        `the target already holds ${clash.rows.map((r) => r.id).join(', ')}: nothing copied`,
      );
    // No tablet may append to these halls while their events arrive (and take cursors).
    for (const id of ids)
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.append, id]);
    await copy(client, 'sites', { id: 'text', name: 'text', created_at: 'bigint' }, sites);
    const devices = all(
      'SELECT id, site, name, token_hash, held_seq, enrolled_at, revoked_at FROM devices',
    );
    await copy(
      client,
      'devices',
      {
        id: 'text',
        site: 'text',
        name: 'text',
        token_hash: 'text',
        held_seq: 'bigint',
        enrolled_at: 'bigint',
        revoked_at: 'bigint',
      },
      devices,
    );
    const codes = all(
      'SELECT code_hash, site, expires_at, created_at, used_at FROM enrolment_codes',
    );
    await copy(
      client,
      'enrolment_codes',
      {
        code_hash: 'text',
        site: 'text',
        expires_at: 'bigint',
        created_at: 'bigint',
        used_at: 'bigint',
      },
      codes,
    );
    // Events in cursor order, their cursor values kept.
    let events = 0;
    let maxCursor = 0;
    const read = source.prepare(
      `SELECT cursor, id, site, device, seq, at, received_at, kept_from, flagged, body FROM events
       WHERE cursor > ? ORDER BY cursor LIMIT ${CHUNK}`,
    );
    for (;;) {
      const chunk = read.all(maxCursor) as Row[];
      if (chunk.length === 0) break;
      await copy(
        client,
        'events',
        {
          cursor: 'bigint',
          id: 'text',
          site: 'text',
          device: 'text',
          seq: 'bigint',
          at: 'bigint',
          received_at: 'bigint',
          kept_from: 'bigint',
          flagged: 'boolean',
          body: 'text',
        },
        chunk.map((r) => ({ ...r, flagged: r.flagged === 1 })),
      );
      events += chunk.length;
      maxCursor = Number(chunk.at(-1)?.cursor);
    }
    // New cursors of these halls must come after the copied ones.
    await client.query(
      `SELECT setval('events_cursor_seq',
         GREATEST((SELECT last_value FROM events_cursor_seq), $1::bigint))`,
      [maxCursor],
    );
    const policies = all('SELECT site, version, body, updated_at FROM policies');
    await copy(
      client,
      'policies',
      { site: 'text', version: 'text', body: 'text', updated_at: 'bigint' },
      policies,
    );
    const bookings = all('SELECT site, booking_id, day, body FROM bookings');
    await copy(
      client,
      'bookings',
      { site: 'text', booking_id: 'text', day: 'text', body: 'text' },
      bookings,
    );
    await copy(
      client,
      'booking_versions',
      { site: 'text', version: 'integer' },
      all('SELECT site, version FROM booking_versions'),
    );
    await copy(
      client,
      'booking_days',
      { site: 'text', day: 'text', version: 'integer' },
      all('SELECT site, day, version FROM booking_days'),
    );
    // Lock-outs in force stay in force.
    await client.query(
      `INSERT INTO attempts (key, failures, lockouts, locked_until)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[])
       ON CONFLICT (key) DO NOTHING`,
      ((rows) => [
        rows.map((r) => r.key),
        rows.map((r) => r.failures),
        rows.map((r) => r.lockouts),
        rows.map((r) => r.locked_until),
      ])(all('SELECT key, failures, lockouts, locked_until FROM attempts')),
    );
    await client.query('COMMIT');
    return {
      sites: sites.length,
      devices: devices.length,
      enrolmentCodes: codes.length,
      events,
      policies: policies.length,
      bookings: bookings.length,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    source.close();
    await client.end();
  }
}
