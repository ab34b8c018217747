/**
 * The PostgreSQL store's schema, as numbered migrations run on start (the same tables as
 * sqlite.ts, in PostgreSQL's types). Several instances may start at once: migrations run
 * in one transaction under an advisory lock, so exactly one applies each step.
 */
import type { PoolClient } from 'pg';

/** Advisory lock namespaces (first key of the two-key form), one per purpose. */
export const LOCK = { migrate: 16_000, append: 16_001, purge: 16_002 } as const;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE enrolment_codes (
     code_hash TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites(id),
     expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL, used_at BIGINT);
   CREATE TABLE devices (
     id TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE, held_seq BIGINT NOT NULL DEFAULT 0,
     enrolled_at BIGINT NOT NULL, revoked_at BIGINT);
   -- The cursor: taken from this sequence only while holding the site's append lock
   -- (postgres.ts explains why), so within a site cursor order is commit order. A
   -- cursor is unique within its site: a hall moved from SQLite keeps its cursors.
   CREATE SEQUENCE events_cursor_seq;
   CREATE TABLE events (
     site TEXT NOT NULL, cursor BIGINT NOT NULL, id TEXT NOT NULL UNIQUE,
     device TEXT NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL,
     received_at BIGINT NOT NULL, flagged BOOLEAN NOT NULL DEFAULT false, body TEXT NOT NULL,
     -- Retention counts from the earlier of device and receive time (sqlite.ts, the same).
     kept_from BIGINT NOT NULL,
     PRIMARY KEY (site, cursor), UNIQUE (device, seq));
   CREATE INDEX events_site_kept_from ON events (site, kept_from);
   CREATE TABLE policies (
     site TEXT PRIMARY KEY REFERENCES sites(id), version TEXT NOT NULL, body TEXT NOT NULL,
     updated_at BIGINT NOT NULL);
   CREATE TABLE bookings (
     site TEXT NOT NULL, booking_id TEXT NOT NULL, day TEXT NOT NULL, body TEXT NOT NULL,
     PRIMARY KEY (site, booking_id));
   CREATE INDEX bookings_site_day ON bookings (site, day);
   CREATE TABLE booking_versions (site TEXT PRIMARY KEY, version INTEGER NOT NULL);
   -- How far retention went per site (kept here, not in a process: several instances).
   CREATE TABLE retention_marks (
     site TEXT PRIMARY KEY, cursor BIGINT NOT NULL, at BIGINT NOT NULL);
   -- The last run of each periodic job across all instances (claimPeriodicJob).
   CREATE TABLE job_runs (job TEXT PRIMARY KEY, last_run BIGINT NOT NULL);
   -- Failed attempts (enrolment lock-out), shared by every instance.
   CREATE TABLE attempts (
     key TEXT PRIMARY KEY, failures INTEGER NOT NULL, lockouts INTEGER NOT NULL,
     locked_until BIGINT);`,
  // 2: bookings are served by day, each day with the version of its last change.
  `CREATE TABLE booking_days (
     site TEXT NOT NULL, day TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (site, day));
   INSERT INTO booking_days (site, day, version)
     SELECT b.site, b.day, COALESCE(MAX(v.version), 1) FROM bookings b
     LEFT JOIN booking_versions v ON v.site = b.site GROUP BY b.site, b.day;`,
  // 3: the server's identity and epoch (sqlite.ts, the same; a restore starts a new epoch).
  `CREATE TABLE server_identity (
     one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL, epoch BIGINT NOT NULL);
   INSERT INTO server_identity (one, id, epoch)
     VALUES (1, md5(random()::text || clock_timestamp()::text), 1 + floor(random() * 2147483646));`,
  // 4: each tablet's last sync (sqlite.ts, the same).
  `ALTER TABLE devices ADD COLUMN last_seen_at BIGINT;
   ALTER TABLE devices ADD COLUMN last_push_at BIGINT;
   ALTER TABLE devices ADD COLUMN clock_offset BIGINT;`,
  // 5: what each tablet says of itself with its syncs (sqlite.ts, the same).
  `ALTER TABLE devices ADD COLUMN waiting INTEGER;
   ALTER TABLE devices ADD COLUMN app_version TEXT;`,
  // 6: the county's policy and each tablet's policy version (sqlite.ts, the same).
  `CREATE TABLE county_policy (
     one INTEGER PRIMARY KEY CHECK (one = 1), version TEXT NOT NULL, body TEXT NOT NULL,
     updated_at BIGINT NOT NULL);
   ALTER TABLE devices ADD COLUMN policy_version TEXT;`,
];

/** The schema version this code writes (the schema_version table); a newer one is refused. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

export async function migrate(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK.migrate]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length)
      throw new Error(
        `the database is at schema version ${current}, newer than this server's ${MIGRATIONS.length}: run the newer server`,
      );
    for (const sql of MIGRATIONS.slice(current)) await client.query(sql);
    if (rows.length === 0) {
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [MIGRATIONS.length]);
    } else if (current < MIGRATIONS.length) {
      await client.query('UPDATE schema_version SET version = $1', [MIGRATIONS.length]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
