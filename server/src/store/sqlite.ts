/**
 * The SQLite store (better-sqlite3, WAL, one file). One writer: commit order equals
 * insert order, so the AUTOINCREMENT cursor never lets a reader skip a committed event.
 *
 * The admin CLI writes the same file from another process. Every write transaction is
 * IMMEDIATE (it takes the write lock before reading, so it waits in busy_timeout instead
 * of failing with SQLITE_BUSY when it would upgrade a read), and a write that still
 * meets SQLITE_BUSY is retried.
 */
import Database from 'better-sqlite3';
import type { Booking } from '../../../src/domain/booking';
import { canonicalJson } from '../../../src/domain/canonical-json';
import type { ChainAnchor } from '../../../src/domain/chain';
import type { CheckpointEvent } from '../../../src/domain/events';
import { type Attempts, NO_ATTEMPTS } from '../../../src/domain/lockout';
import type { Policy } from '../../../src/domain/policy';
import type { BookingDay, DeviceReport } from '../../../src/protocol/api';
import { type ActivityRow, activityOf } from './device-activity';
import type { EnrolOutcome, InsertResult, PurgeCounts, ServerIdentity, Site, Store } from './store';
import { PERSONAL_TYPES, parsedPage, purgedBody, sameEvent, textPage } from './stored-events';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE enrolment_codes (
     code_hash TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites(id),
     expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, used_at INTEGER);
   CREATE TABLE devices (
     id TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE, held_seq INTEGER NOT NULL DEFAULT 0,
     enrolled_at INTEGER NOT NULL, revoked_at INTEGER);
   CREATE TABLE events (
     cursor INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
     site TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
     received_at INTEGER NOT NULL, flagged INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL,
     UNIQUE (device, seq));
   CREATE INDEX events_site_cursor ON events (site, cursor);
   CREATE TABLE policies (
     site TEXT PRIMARY KEY REFERENCES sites(id), version TEXT NOT NULL, body TEXT NOT NULL,
     updated_at INTEGER NOT NULL);
   CREATE TABLE bookings (
     site TEXT NOT NULL, booking_id TEXT NOT NULL, day TEXT NOT NULL, body TEXT NOT NULL,
     PRIMARY KEY (site, booking_id));
   CREATE INDEX bookings_site_day ON bookings (site, day);
   CREATE TABLE booking_versions (site TEXT PRIMARY KEY, version INTEGER NOT NULL);`,
  // 2: retention reads events by time.
  'CREATE INDEX events_site_at ON events (site, at);',
  // 3: retention counts from the earlier of device and receive time (a clock set ahead
  // must not keep a name longer); failed attempts survive restarts.
  `ALTER TABLE events ADD COLUMN kept_from INTEGER NOT NULL DEFAULT 0;
   UPDATE events SET kept_from = MIN(at, received_at);
   CREATE INDEX events_site_kept_from ON events (site, kept_from);
   DROP INDEX events_site_at;
   CREATE TABLE attempts (
     key TEXT PRIMARY KEY, failures INTEGER NOT NULL, lockouts INTEGER NOT NULL,
     locked_until INTEGER);`,
  // 4: periodic jobs claim their slot here (the CLI and a server may share the file).
  'CREATE TABLE job_runs (job TEXT PRIMARY KEY, last_run INTEGER NOT NULL);',
  // 5: bookings are served by day, each day with the version of its last change.
  `CREATE TABLE booking_days (
     site TEXT NOT NULL, day TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (site, day));
   INSERT INTO booking_days (site, day, version)
     SELECT b.site, b.day, COALESCE(v.version, 1) FROM bookings b
     LEFT JOIN booking_versions v ON v.site = b.site GROUP BY b.site, b.day;`,
  // 6: the server's identity and epoch (a restore starts a new epoch): sync replies carry them.
  `CREATE TABLE server_identity (
     one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL, epoch INTEGER NOT NULL);
   INSERT INTO server_identity (one, id, epoch)
     VALUES (1, lower(hex(randomblob(16))), 1 + abs(random() % 2147483646));`,
  // 7: each tablet's last sync, for `admin -- status` and /metrics (store.ts DeviceActivity).
  `ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
   ALTER TABLE devices ADD COLUMN last_push_at INTEGER;
   ALTER TABLE devices ADD COLUMN clock_offset INTEGER;`,
  // 8: what each tablet says of itself with its syncs (protocol/api.ts DeviceReport).
  `ALTER TABLE devices ADD COLUMN waiting INTEGER;
   ALTER TABLE devices ADD COLUMN app_version TEXT;`,
  // 9: the county's policy every hall inherits, and the policy version each tablet runs
  // (issue 33, src/domain/county-policy.ts).
  `CREATE TABLE county_policy (
     one INTEGER PRIMARY KEY CHECK (one = 1), version TEXT NOT NULL, body TEXT NOT NULL,
     updated_at INTEGER NOT NULL);
   ALTER TABLE devices ADD COLUMN policy_version TEXT;`,
];

/** The schema version this code writes (SQLite's user_version); a newer file is refused. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** A new epoch, never the one it replaces (random: two restores of one copy differ too). */
export const NEW_EPOCH_SQL = `UPDATE server_identity
  SET epoch = 1 + ((epoch + abs(random() % 2147483645)) % 2147483646)`;

/** How long a write waits for the CLI's (or another process's) lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;
/** VACUUM after a purge when this share of the file is free pages (secure_delete zeroed them). */
const VACUUM_FREE_SHARE = 0.25;

export function openSqliteStore(file: string): Store {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed on disk, not left in free pages.
  db.pragma('secure_delete = ON');
  migrate(db);
  return new SqliteStore(db);
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs a write transaction (IMMEDIATE), retrying a few times on SQLITE_BUSY. */
export function writeTransaction<T>(db: Database.Database, work: () => T): T {
  const run = db.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return run.immediate();
    } catch (e) {
      if (!isBusy(e) || attempt >= 5) throw e;
    }
  }
}

/** Brings the database to schema version `to` (default: this code's). */
export function migrate(db: Database.Database, to = SQLITE_SCHEMA_VERSION): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SQLITE_SCHEMA_VERSION)
    throw new Error(
      `the database is at schema version ${current}, newer than this server's ${SQLITE_SCHEMA_VERSION}: run the newer server`,
    );
  MIGRATIONS.slice(current, Math.max(current, to)).forEach((sql, i) => {
    writeTransaction(db, () => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    });
  });
}

class SqliteStore implements Store {
  /**
   * Per site, how far the last retention pass went: events up to `cursor` recorded before
   * `at` are done. The next pass reads only what came since or expired since (the first
   * pass after a start reads everything).
   */
  private readonly purgedUpTo = new Map<string, { cursor: number; at: number }>();

  /** The sync path's statements, prepared once (preparing costs more than running them). */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async createSite(site: Site, now: number) {
    this.db
      .prepare('INSERT INTO sites (id, name, created_at) VALUES (?, ?, ?)')
      .run(site.id, site.name, now);
  }

  async site(id: string) {
    const row = this.db.prepare('SELECT id, name FROM sites WHERE id = ?').get(id) as
      | Site
      | undefined;
    return row ?? null;
  }

  async addEnrolmentCode(site: string, codeHash: string, expiresAt: number, now: number) {
    this.db
      .prepare(
        'INSERT INTO enrolment_codes (code_hash, site, expires_at, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(codeHash, site, expiresAt, now);
  }

  async enrol(
    codeHash: string,
    device: { id: string; name: string; tokenHash: string },
    now: number,
    currentTokenHash: string | null,
  ) {
    return writeTransaction(this.db, (): EnrolOutcome => {
      const code = this.db
        .prepare(
          'SELECT site FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        )
        .get(codeHash, now) as { site: string } | undefined;
      if (!code) return { ok: false, reason: 'code-invalid' };
      const existing = this.db
        .prepare('SELECT site, token_hash, revoked_at FROM devices WHERE id = ?')
        .get(device.id) as
        | { site: string; token_hash: string; revoked_at: number | null }
        | undefined;
      if (existing?.revoked_at != null) return { ok: false, reason: 'device-revoked' };
      if (existing && (existing.token_hash !== currentTokenHash || existing.site !== code.site))
        return { ok: false, reason: 'device-exists' };
      this.db
        .prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?')
        .run(now, codeHash);
      if (existing)
        this.db
          .prepare('UPDATE devices SET name = ?, token_hash = ?, enrolled_at = ? WHERE id = ?')
          .run(device.name, device.tokenHash, now, device.id);
      else
        this.db
          .prepare(
            'INSERT INTO devices (id, site, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(device.id, code.site, device.name, device.tokenHash, now);
      const site = this.db
        .prepare('SELECT id, name FROM sites WHERE id = ?')
        .get(code.site) as Site;
      return { ok: true, site };
    });
  }

  async deviceByToken(tokenHash: string) {
    const row = this.sql('SELECT id, site, name, revoked_at FROM devices WHERE token_hash = ?').get(
      tokenHash,
    ) as { id: string; site: string; name: string; revoked_at: number | null } | undefined;
    return row
      ? { id: row.id, site: row.site, name: row.name, revoked: row.revoked_at !== null }
      : null;
  }

  async revokeDevice(id: string, now: number) {
    return (
      this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(now, id).changes > 0
    );
  }

  async noteDeviceSeen(
    device: string,
    seen: { at: number; pushed: boolean; clockOffset: number | null } & DeviceReport,
  ) {
    this.db
      .prepare(
        `UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, 0), @at),
           last_push_at = CASE WHEN @pushed THEN max(coalesce(last_push_at, 0), @at)
             ELSE last_push_at END,
           clock_offset = CASE WHEN @pushed AND @offset IS NOT NULL THEN @offset
             ELSE clock_offset END,
           waiting = CASE WHEN @waiting IS NOT NULL AND @at >= coalesce(last_seen_at, 0)
             THEN @waiting ELSE waiting END,
           app_version = CASE WHEN @app IS NOT NULL AND @at >= coalesce(last_seen_at, 0)
             THEN @app ELSE app_version END,
           policy_version = CASE WHEN @policy IS NOT NULL AND @at >= coalesce(last_seen_at, 0)
             THEN @policy ELSE policy_version END
         WHERE id = @device`,
      )
      .run({
        device,
        at: seen.at,
        pushed: seen.pushed ? 1 : 0,
        offset: seen.clockOffset,
        waiting: seen.waiting,
        app: seen.appVersion,
        policy: seen.policyVersion ?? null,
      });
  }

  async deviceActivity() {
    const rows = this.db
      .prepare(
        `SELECT id, site, revoked_at, enrolled_at, last_seen_at, last_push_at, clock_offset,
           waiting, app_version, policy_version
         FROM devices ORDER BY site, id`,
      )
      .all() as ActivityRow[];
    return rows.map(activityOf);
  }

  async eventsHeldBySite() {
    return this.db
      .prepare('SELECT site, COUNT(*) AS events FROM events GROUP BY site ORDER BY site')
      .all() as { site: string; events: number }[];
  }

  async insertEvents(
    site: string,
    device: string,
    events: readonly CheckpointEvent[],
    receivedAt: number,
    isFlagged: (e: CheckpointEvent) => boolean,
  ): Promise<InsertResult> {
    const byId = this.sql('SELECT body FROM events WHERE id = ?');
    const bySeq = this.sql('SELECT id FROM events WHERE device = ? AND seq = ?');
    const insert = this.sql(
      `INSERT INTO events (id, site, device, seq, at, received_at, kept_from, flagged, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One transaction: the batch is stored whole, and held_seq moves with it.
    return writeTransaction(this.db, (): InsertResult => {
      const result: InsertResult = {
        heldSeq: 0,
        accepted: 0,
        duplicates: 0,
        refused: [],
        flagged: [],
      };
      for (const e of events) {
        const body = canonicalJson(e);
        const sameId = byId.get(e.id) as { body: string } | undefined;
        if (sameId) {
          if (sameEvent(sameId.body, e, body)) result.duplicates++;
          else
            result.refused.push({
              id: e.id,
              seq: e.seq,
              reason: 'id-reused',
              message: 'another event with this id is held',
            });
          continue;
        }
        const atSeq = bySeq.get(e.device, e.seq) as { id: string } | undefined;
        if (atSeq) {
          result.refused.push({
            id: e.id,
            seq: e.seq,
            reason: 'seq-reused',
            message: `seq ${e.seq} of this device is held as event ${atSeq.id}`,
          });
          continue;
        }
        const flagged = isFlagged(e);
        const keptFrom = Math.min(e.at, receivedAt);
        insert.run(e.id, site, e.device, e.seq, e.at, receivedAt, keptFrom, flagged ? 1 : 0, body);
        result.accepted++;
        if (flagged) result.flagged.push(e.id);
      }
      result.heldSeq = this.advanceHeldSeq(device);
      return result;
    });
  }

  /** The highest seq up to which every event of the device is held (no gaps). */
  private advanceHeldSeq(device: string): number {
    const row = this.sql('SELECT held_seq FROM devices WHERE id = ?').get(device) as
      | { held_seq: number }
      | undefined;
    let held = row?.held_seq ?? 0;
    const next = this.sql('SELECT 1 FROM events WHERE device = ? AND seq = ?');
    while (next.get(device, held + 1)) held++;
    this.sql('UPDATE devices SET held_seq = ? WHERE id = ?').run(held, device);
    return held;
  }

  async identity() {
    return this.db.prepare('SELECT id, epoch FROM server_identity').get() as ServerIdentity;
  }

  async epochParts() {
    return { stored: (await this.identity()).epoch, facts: {} };
  }

  async newEpoch() {
    writeTransaction(this.db, () => this.db.exec(NEW_EPOCH_SQL));
    return this.identity();
  }

  async heldSeq(device: string) {
    const row = this.sql('SELECT held_seq FROM devices WHERE id = ?').get(device) as
      | { held_seq: number }
      | undefined;
    return row?.held_seq ?? 0;
  }

  async chainLinks(device: string, from: number, to: number) {
    const link = "SELECT seq, json_extract(body, '$.chain.hash') AS hash FROM events";
    const before = this.sql(`${link} WHERE device = ? AND seq < ? ORDER BY seq DESC LIMIT 1`).get(
      device,
      from,
    ) as ChainAnchor | undefined;
    const held = this.sql(`${link} WHERE device = ? AND seq BETWEEN ? AND ? ORDER BY seq`).all(
      device,
      from,
      to,
    ) as ChainAnchor[];
    return { before: before ?? { seq: 0, hash: null }, held };
  }

  async eventsAfter(site: string, after: number, limit: number) {
    return parsedPage(this.textsAfter(site, after, limit));
  }

  async pullPage(site: string, device: string, after: number, limit: number) {
    return { ...this.textsAfter(site, after, limit), heldSeq: await this.heldSeq(device) };
  }

  private textsAfter(site: string, after: number, limit: number) {
    const rows = this.sql(
      'SELECT cursor, body FROM events WHERE site = ? AND cursor > ? ORDER BY cursor LIMIT ?',
    ).all(site, after, limit + 1) as { cursor: number; body: string }[];
    return textPage(rows, after, limit);
  }

  async policy(site: string) {
    const row = this.db.prepare('SELECT body FROM policies WHERE site = ?').get(site) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as Policy) : null;
  }

  async countyPolicy() {
    const row = this.db.prepare('SELECT body FROM county_policy WHERE one = 1').get() as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as Policy) : null;
  }

  async setCountyPolicy(policy: Policy, now: number) {
    this.db
      .prepare(
        `INSERT INTO county_policy (one, version, body, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (one) DO UPDATE SET version = excluded.version, body = excluded.body,
           updated_at = excluded.updated_at`,
      )
      .run(policy.version, JSON.stringify(policy), now);
  }

  async setPolicy(site: string, policy: Policy, now: number) {
    this.db
      .prepare(
        `INSERT INTO policies (site, version, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (site) DO UPDATE SET version = excluded.version, body = excluded.body,
           updated_at = excluded.updated_at`,
      )
      .run(site, policy.version, JSON.stringify(policy), now);
  }

  async putBookings(site: string, bookings: readonly Booking[]) {
    return writeTransaction(this.db, () => {
      const version = (
        this.db
          .prepare(
            `INSERT INTO booking_versions (site, version) VALUES (?, 1)
             ON CONFLICT (site) DO UPDATE SET version = version + 1 RETURNING version`,
          )
          .get(site) as { version: number }
      ).version;
      const days = new Set(bookings.map((b) => b.day));
      // A booking imported for another day leaves the day it was on: that day changes too.
      const dayOf = this.db.prepare('SELECT day FROM bookings WHERE site = ? AND booking_id = ?');
      for (const b of bookings) {
        const was = dayOf.get(site, b.bookingId) as { day: string } | undefined;
        if (was) days.add(was.day);
      }
      const remove = this.db.prepare('DELETE FROM bookings WHERE site = ? AND day = ?');
      for (const day of bookings.map((b) => b.day)) remove.run(site, day);
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO bookings (site, booking_id, day, body) VALUES (?, ?, ?, ?)',
      );
      for (const b of bookings) insert.run(site, b.bookingId, b.day, JSON.stringify(b));
      const mark = this.db.prepare(
        `INSERT INTO booking_days (site, day, version) VALUES (?, ?, ?)
         ON CONFLICT (site, day) DO UPDATE SET version = excluded.version`,
      );
      for (const day of days) mark.run(site, day, version);
      return version;
    });
  }

  async siteIds() {
    return (this.db.prepare('SELECT id FROM sites ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    );
  }

  async purgePersonalData(
    site: string,
    before: { at: number; day: string },
    now: number,
  ): Promise<PurgeCounts> {
    const types = PERSONAL_TYPES.map(() => '?').join(', ');
    // Marked purged or not: a pushed mark is checked (event-content.ts) and purged again anyway.
    const still = `json_extract(body, '$.type') IN (${types})`;
    // What expired since the last pass, and what arrived since (a tablet back from days offline).
    const candidates = this.db.prepare(
      `SELECT cursor, body FROM events WHERE site = ? AND kept_from >= ? AND kept_from < ? AND ${still}
       UNION
       SELECT cursor, body FROM events WHERE site = ? AND cursor > ? AND kept_from < ? AND ${still}`,
    );
    const lastCursor = this.db.prepare('SELECT MAX(cursor) AS cursor FROM events WHERE site = ?');
    const update = this.db.prepare('UPDATE events SET body = ? WHERE cursor = ?');
    const dropBookings = this.db.prepare('DELETE FROM bookings WHERE site = ? AND day < ?');
    const dropDays = this.db.prepare('DELETE FROM booking_days WHERE site = ? AND day < ?');
    const counts = writeTransaction(this.db, (): PurgeCounts => {
      const last = this.purgedUpTo.get(site) ?? { cursor: 0, at: 0 };
      const upTo = (lastCursor.get(site) as { cursor: number | null }).cursor ?? 0;
      const rows = candidates.all(
        site,
        last.at,
        before.at,
        ...PERSONAL_TYPES,
        site,
        last.cursor,
        before.at,
        ...PERSONAL_TYPES,
      ) as { cursor: number; body: string }[];
      let events = 0;
      for (const row of rows) {
        const purged = purgedBody(row.body, now);
        if (purged === null) continue;
        update.run(purged, row.cursor);
        events++;
      }
      this.purgedUpTo.set(site, { cursor: upTo, at: Math.max(last.at, before.at) });
      dropDays.run(site, before.day);
      return { events, bookings: dropBookings.run(site, before.day).changes };
    });
    if (counts.events > 0 || counts.bookings > 0) this.leaveNothingOnDisk();
    return counts;
  }

  /**
   * After a purge, the old values must not stay readable anywhere in the files:
   * secure_delete zeroed them in the database pages, the WAL still holds the pages as they
   * were until a checkpoint copies them back and TRUNCATE empties it. When much of the file
   * is free pages, VACUUM rewrites it smaller (and checkpoints once more: VACUUM goes
   * through the WAL too).
   */
  private leaveNothingOnDisk(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = Number(this.db.pragma('page_count', { simple: true }));
    const free = Number(this.db.pragma('freelist_count', { simple: true }));
    if (pages > 0 && free / pages >= VACUUM_FREE_SHARE) {
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }

  async bookingDays(site: string, fromDay: string, toDay: string) {
    return this.db
      .prepare(
        `SELECT d.day, d.version,
           (SELECT COUNT(*) FROM bookings b WHERE b.site = d.site AND b.day = d.day) AS count
         FROM booking_days d WHERE d.site = ? AND d.day BETWEEN ? AND ? ORDER BY d.day`,
      )
      .all(site, fromDay, toDay) as BookingDay[];
  }

  async bookingsOfDay(site: string, day: string) {
    // One statement, one snapshot: the version always matches the rows sent with it.
    const rows = this.db
      .prepare(
        `SELECT d.version, b.body FROM booking_days d
         LEFT JOIN bookings b ON b.site = d.site AND b.day = d.day
         WHERE d.site = ? AND d.day = ? ORDER BY b.booking_id`,
      )
      .all(site, day) as { version: number; body: string | null }[];
    return {
      bookings: rows.flatMap((r) => (r.body === null ? [] : [JSON.parse(r.body) as Booking])),
      version: rows[0]?.version ?? 0,
    };
  }

  async attempts(key: string): Promise<Attempts> {
    const row = this.db
      .prepare('SELECT failures, lockouts, locked_until FROM attempts WHERE key = ?')
      .get(key) as { failures: number; lockouts: number; locked_until: number | null } | undefined;
    return row
      ? { failures: row.failures, lockouts: row.lockouts, lockedUntil: row.locked_until }
      : NO_ATTEMPTS;
  }

  async setAttempts(key: string, a: Attempts) {
    writeTransaction(this.db, () => {
      if (a.failures === 0 && a.lockouts === 0 && a.lockedUntil === null)
        this.db.prepare('DELETE FROM attempts WHERE key = ?').run(key);
      else
        this.db
          .prepare(
            `INSERT INTO attempts (key, failures, lockouts, locked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
               lockouts = excluded.lockouts, locked_until = excluded.locked_until`,
          )
          .run(key, a.failures, a.lockouts, a.lockedUntil);
    });
  }

  async reclaimPurged() {
    // Nothing left: purgePersonalData already checkpoints the WAL (and vacuums when due).
  }

  async claimPeriodicJob(job: string, now: number, everyMs: number) {
    return (
      this.db
        .prepare(
          `INSERT INTO job_runs (job, last_run) VALUES (?, ?)
           ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run
             WHERE job_runs.last_run <= ?`,
        )
        .run(job, now, now - everyMs).changes > 0
    );
  }

  async close() {
    this.db.close();
  }
}
