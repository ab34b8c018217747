/**
 * The SQLite store (better-sqlite3, WAL, one file). One writer: commit order equals
 * insert order, so the AUTOINCREMENT cursor never lets a reader skip a committed event.
 */
import Database from 'better-sqlite3';
import type { Booking } from '../../../src/domain/booking';
import type { CheckpointEvent } from '../../../src/domain/events';
import type { Policy } from '../../../src/domain/policy';
import { PERSONAL_EVENT_TYPES, withoutPersonalData } from '../../../src/domain/retention';
import { canonicalJson } from '../../../src/protocol/canonical-json';
import type { InsertResult, PurgeCounts, Site, Store } from './store';
import { sameEvent } from './stored-events';

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
  // 3: periodic jobs claim their slot here (the CLI and a server may share the file).
  'CREATE TABLE job_runs (job TEXT PRIMARY KEY, last_run INTEGER NOT NULL);',
];

export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}

type EventRow = { cursor: number; id: string; device: string; seq: number; body: string };

class SqliteStore implements Store {
  /**
   * Per site, how far the last retention pass went: events up to `cursor` recorded before
   * `at` are done. The next pass reads only what came since or expired since (the first
   * pass after a start reads everything).
   */
  private readonly purgedUpTo = new Map<string, { cursor: number; at: number }>();

  constructor(private readonly db: Database.Database) {}

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
  ) {
    return this.db.transaction((): Site | null => {
      const code = this.db
        .prepare(
          'SELECT site FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        )
        .get(codeHash, now) as { site: string } | undefined;
      if (!code) return null;
      const existing = this.db.prepare('SELECT site FROM devices WHERE id = ?').get(device.id) as
        | { site: string }
        | undefined;
      if (existing && existing.site !== code.site) return null;
      this.db
        .prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?')
        .run(now, codeHash);
      this.db
        .prepare(
          `INSERT INTO devices (id, site, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash,
             enrolled_at = excluded.enrolled_at, revoked_at = NULL`,
        )
        .run(device.id, code.site, device.name, device.tokenHash, now);
      return this.db.prepare('SELECT id, name FROM sites WHERE id = ?').get(code.site) as Site;
    })();
  }

  async deviceByToken(tokenHash: string) {
    const row = this.db
      .prepare('SELECT id, site, name, revoked_at FROM devices WHERE token_hash = ?')
      .get(tokenHash) as
      | { id: string; site: string; name: string; revoked_at: number | null }
      | undefined;
    return row
      ? { id: row.id, site: row.site, name: row.name, revoked: row.revoked_at !== null }
      : null;
  }

  async revokeDevice(id: string, now: number) {
    return (
      this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(now, id).changes > 0
    );
  }

  async insertEvents(
    site: string,
    device: string,
    events: readonly CheckpointEvent[],
    receivedAt: number,
    isFlagged: (e: CheckpointEvent) => boolean,
  ): Promise<InsertResult> {
    const byId = this.db.prepare('SELECT body FROM events WHERE id = ?');
    const bySeq = this.db.prepare('SELECT id FROM events WHERE device = ? AND seq = ?');
    const insert = this.db.prepare(
      `INSERT INTO events (id, site, device, seq, at, received_at, flagged, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One transaction: the batch is stored whole, and held_seq moves with it.
    return this.db.transaction((): InsertResult => {
      const result: InsertResult = {
        heldSeq: 0,
        accepted: 0,
        duplicates: 0,
        conflicts: [],
        flagged: [],
      };
      for (const e of events) {
        const body = canonicalJson(e);
        const sameId = byId.get(e.id) as { body: string } | undefined;
        if (sameId) {
          if (sameEvent(sameId.body, e, body)) result.duplicates++;
          else result.conflicts.push({ id: e.id, reason: 'id-reused' });
          continue;
        }
        if (bySeq.get(e.device, e.seq)) {
          result.conflicts.push({ id: e.id, reason: 'seq-reused' });
          continue;
        }
        const flagged = isFlagged(e);
        insert.run(e.id, site, e.device, e.seq, e.at, receivedAt, flagged ? 1 : 0, body);
        result.accepted++;
        if (flagged) result.flagged.push(e.id);
      }
      result.heldSeq = this.advanceHeldSeq(device);
      return result;
    })();
  }

  /** The highest seq up to which every event of the device is held (no gaps). */
  private advanceHeldSeq(device: string): number {
    const row = this.db.prepare('SELECT held_seq FROM devices WHERE id = ?').get(device) as
      | { held_seq: number }
      | undefined;
    let held = row?.held_seq ?? 0;
    const next = this.db.prepare('SELECT 1 FROM events WHERE device = ? AND seq = ?');
    while (next.get(device, held + 1)) held++;
    this.db.prepare('UPDATE devices SET held_seq = ? WHERE id = ?').run(held, device);
    return held;
  }

  async eventsAfter(site: string, after: number, limit: number) {
    const rows = this.db
      .prepare(
        'SELECT cursor, id, device, seq, body FROM events WHERE site = ? AND cursor > ? ORDER BY cursor LIMIT ?',
      )
      .all(site, after, limit + 1) as EventRow[];
    const page = rows.slice(0, limit);
    return {
      events: page.map((r) => JSON.parse(r.body) as CheckpointEvent),
      cursor: page.at(-1)?.cursor ?? after,
      more: rows.length > limit,
    };
  }

  async policy(site: string) {
    const row = this.db.prepare('SELECT body FROM policies WHERE site = ?').get(site) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as Policy) : null;
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
    return this.db.transaction(() => {
      const days = [...new Set(bookings.map((b) => b.day))];
      const remove = this.db.prepare('DELETE FROM bookings WHERE site = ? AND day = ?');
      for (const day of days) remove.run(site, day);
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO bookings (site, booking_id, day, body) VALUES (?, ?, ?, ?)',
      );
      for (const b of bookings) insert.run(site, b.bookingId, b.day, JSON.stringify(b));
      const row = this.db
        .prepare(
          `INSERT INTO booking_versions (site, version) VALUES (?, 1)
           ON CONFLICT (site) DO UPDATE SET version = version + 1 RETURNING version`,
        )
        .get(site) as { version: number };
      return row.version;
    })();
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
    const types = PERSONAL_EVENT_TYPES.map(() => '?').join(', ');
    const still = `json_extract(body, '$.purgedAt') IS NULL AND json_extract(body, '$.type') IN (${types})`;
    // What expired since the last pass, and what arrived since (a tablet back from days offline).
    const candidates = this.db.prepare(
      `SELECT cursor, body FROM events WHERE site = ? AND at >= ? AND at < ? AND ${still}
       UNION
       SELECT cursor, body FROM events WHERE site = ? AND cursor > ? AND at < ? AND ${still}`,
    );
    const lastCursor = this.db.prepare('SELECT MAX(cursor) AS cursor FROM events WHERE site = ?');
    const update = this.db.prepare('UPDATE events SET body = ? WHERE cursor = ?');
    const dropBookings = this.db.prepare('DELETE FROM bookings WHERE site = ? AND day < ?');
    return this.db.transaction((): PurgeCounts => {
      const last = this.purgedUpTo.get(site) ?? { cursor: 0, at: 0 };
      const upTo = (lastCursor.get(site) as { cursor: number | null }).cursor ?? 0;
      const rows = candidates.all(
        site,
        last.at,
        before.at,
        ...PERSONAL_EVENT_TYPES,
        site,
        last.cursor,
        before.at,
        ...PERSONAL_EVENT_TYPES,
      ) as { cursor: number; body: string }[];
      let events = 0;
      for (const row of rows) {
        const e = JSON.parse(row.body) as CheckpointEvent;
        const purged = withoutPersonalData(e, now);
        if (purged === e) continue;
        update.run(canonicalJson(purged), row.cursor);
        events++;
      }
      this.purgedUpTo.set(site, { cursor: upTo, at: Math.max(last.at, before.at) });
      return { events, bookings: dropBookings.run(site, before.day).changes };
    })();
  }

  async bookings(site: string, fromDay: string) {
    const rows = this.db
      .prepare('SELECT body FROM bookings WHERE site = ? AND day >= ? ORDER BY day, booking_id')
      .all(site, fromDay) as { body: string }[];
    const version = this.db
      .prepare('SELECT version FROM booking_versions WHERE site = ?')
      .get(site) as { version: number } | undefined;
    return {
      bookings: rows.map((r) => JSON.parse(r.body) as Booking),
      version: version?.version ?? 0,
    };
  }

  async reclaimPurged() {
    // The purged pages' previous contents sit in the WAL until a checkpoint.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
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
