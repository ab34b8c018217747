/**
 * The PostgreSQL store (node-postgres pool), for a county running many halls and several
 * server instances on one database. Same behaviour as sqlite.ts for every Store method;
 * tests/store/conformance.ts runs the same suite against both.
 *
 * Commit-order cursors. A sequence value is taken in one order and committed in another:
 * writer A takes cursor 10, writer B takes 11 and commits first, a reader pulls "after 9",
 * sees 11, advances its cursor to 11 and never sees 10. Here every append to a site
 * takes that site's advisory transaction lock BEFORE it takes cursor values and holds it
 * until commit: appends to one site are serialised, and PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so the next appender's (larger) cursors
 * become visible only after the previous ones. Within a site, cursor order is commit
 * order; sites do not wait for each other. docs/postgresql.md compares the alternatives;
 * tests/pg/cursor-order.test.ts proves it (and shows the failure without the lock).
 */
import pg from 'pg';
import type { Booking } from '../../../src/domain/booking';
import { canonicalJson } from '../../../src/domain/canonical-json';
import type { CheckpointEvent } from '../../../src/domain/events';
import { type Attempts, NO_ATTEMPTS } from '../../../src/domain/lockout';
import type { Policy } from '../../../src/domain/policy';
import type { BookingDay, DeviceReport } from '../../../src/protocol/api';
import { type ActivityRow, activityOf } from './device-activity';
import { announcedEpoch, readIdentity } from './postgres-epoch';
import { LOCK, migrate } from './postgres-schema';
import type { EnrolOutcome, InsertResult, PurgeCounts, Site, Store } from './store';
import { PERSONAL_TYPES, parsedPage, purgedBody, sameEvent, textPage } from './stored-events';

export interface PostgresStoreOptions {
  /** Pool size per instance (default 10). */
  max?: number;
  /**
   * Tests only. `serialiseAppends: false` drops the site lock, to show the hazard it
   * prevents; `inAppendTransaction` runs inside each append transaction before commit
   * (a delay, or a throw to roll it back).
   */
  testing?: {
    serialiseAppends?: boolean;
    inAppendTransaction?: (site: string, ids: readonly string[]) => Promise<void>;
  };
}

/** BIGINT columns come back as numbers (every value here is far below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client losing its connection (the database restarted) must not crash the server.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await migrate(client);
  } finally {
    client.release();
  }
  return new PostgresStore(pool, options);
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * A statement of the sync path, named: each pooled connection has PostgreSQL parse and
 * plan it once, then only binds and runs it (every push and pull runs several).
 */
const named =
  (name: string, text: string) =>
  (...values: unknown[]): pg.QueryConfig => ({ name, text, values });

const SQL = {
  deviceByToken: named(
    'device-by-token',
    'SELECT id, site, name, revoked_at FROM devices WHERE token_hash = $1',
  ),
  appendLock: named('append-lock', 'SELECT pg_advisory_xact_lock($1, hashtext($2))'),
  // What a batch finds held, by id (with its body) or by (device, seq), in one query.
  held: named(
    'held',
    `SELECT id, device, seq, body FROM events WHERE id = ANY($1::text[])
     UNION ALL
     SELECT id, device, seq, NULL FROM events
     WHERE (device, seq) IN (SELECT * FROM unnest($2::text[], $3::bigint[]))`,
  ),
  // Cursors taken now, the k-th smallest to the batch's k-th event (see the header).
  append: named(
    'append',
    `WITH taken AS (SELECT nextval('events_cursor_seq') AS cursor FROM generate_series(1, $3)),
          ranked AS (SELECT cursor, row_number() OVER (ORDER BY cursor) AS n FROM taken)
     INSERT INTO events (cursor, id, site, device, seq, at, received_at, kept_from, flagged, body)
     SELECT ranked.cursor, t.id, $1, t.device, t.seq, t.at, $2, LEAST(t.at, $2), t.flagged, t.body
     FROM unnest($4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::boolean[], $9::text[])
       WITH ORDINALITY AS t (id, device, seq, at, flagged, body, n)
     JOIN ranked USING (n)`,
  ),
  // The device's held_seq moved to the last seq of the unbroken run after it.
  advanceHeld: named(
    'advance-held',
    `UPDATE devices d SET held_seq = COALESCE((
       SELECT MIN(e.seq) FROM events e
       WHERE e.device = $1 AND e.seq > d.held_seq
         AND EXISTS (SELECT 1 FROM events s WHERE s.device = $1 AND s.seq = d.held_seq + 1)
         AND NOT EXISTS (SELECT 1 FROM events n WHERE n.device = $1 AND n.seq = e.seq + 1)
     ), d.held_seq)
     WHERE d.id = $1 RETURNING held_seq`,
  ),
  chainLinks: named(
    'chain-links',
    `(SELECT seq, body::jsonb -> 'chain' ->> 'hash' AS hash, true AS before FROM events
      WHERE device = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1)
     UNION ALL
     (SELECT seq, body::jsonb -> 'chain' ->> 'hash', false FROM events
      WHERE device = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq)`,
  ),
  eventsAfter: named(
    'events-after',
    'SELECT cursor, body FROM events WHERE site = $1 AND cursor > $2 ORDER BY cursor LIMIT $3',
  ),
  heldSeq: named('held-seq', 'SELECT held_seq FROM devices WHERE id = $1'),
  // The page with the device's held_seq on every row (an empty page: one row, no event).
  pullPage: named(
    'pull-page',
    `SELECT d.held_seq, e.cursor, e.body FROM (VALUES (1)) AS one (x)
     LEFT JOIN devices d ON d.id = $4
     LEFT JOIN LATERAL (SELECT cursor, body FROM events
       WHERE site = $1 AND cursor > $2 ORDER BY cursor LIMIT $3) e ON true
     ORDER BY e.cursor`,
  ),
};

export class PostgresStore implements Store {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions = {},
  ) {}

  /** One transaction on one pooled connection; rolled back if `fn` throws. */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async one<T extends pg.QueryResultRow>(
    db: Queryable,
    sql: string | pg.QueryConfig,
    params?: unknown[],
  ): Promise<T | undefined> {
    return (await db.query<T>(sql, params)).rows[0];
  }

  async createSite(site: Site, now: number) {
    await this.pool.query('INSERT INTO sites (id, name, created_at) VALUES ($1, $2, $3)', [
      site.id,
      site.name,
      now,
    ]);
  }

  async site(id: string) {
    return (
      (await this.one<Site>(this.pool, 'SELECT id, name FROM sites WHERE id = $1', [id])) ?? null
    );
  }

  async addEnrolmentCode(site: string, codeHash: string, expiresAt: number, now: number) {
    await this.pool.query(
      'INSERT INTO enrolment_codes (code_hash, site, expires_at, created_at) VALUES ($1, $2, $3, $4)',
      [codeHash, site, expiresAt, now],
    );
  }

  async enrol(
    codeHash: string,
    device: { id: string; name: string; tokenHash: string },
    now: number,
    currentTokenHash: string | null,
  ) {
    return this.tx(async (c): Promise<EnrolOutcome> => {
      // FOR UPDATE: two tablets typing the same code at once; one gets it.
      const code = await this.one<{ site: string }>(
        c,
        `SELECT site FROM enrolment_codes
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE`,
        [codeHash, now],
      );
      if (!code) return { ok: false, reason: 'code-invalid' };
      const existing = await this.one<{
        site: string;
        token_hash: string;
        revoked_at: number | null;
      }>(c, 'SELECT site, token_hash, revoked_at FROM devices WHERE id = $1 FOR UPDATE', [
        device.id,
      ]);
      if (existing && existing.revoked_at !== null) return { ok: false, reason: 'device-revoked' };
      if (existing && (existing.token_hash !== currentTokenHash || existing.site !== code.site))
        return { ok: false, reason: 'device-exists' };
      if (existing) {
        await c.query(
          'UPDATE devices SET name = $1, token_hash = $2, enrolled_at = $3 WHERE id = $4',
          [device.name, device.tokenHash, now, device.id],
        );
      } else {
        // Another instance enrolling the same new id right now: the first insert wins.
        const inserted = await c.query(
          `INSERT INTO devices (id, site, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO NOTHING`,
          [device.id, code.site, device.name, device.tokenHash, now],
        );
        if (inserted.rowCount === 0) return { ok: false, reason: 'device-exists' };
      }
      await c.query('UPDATE enrolment_codes SET used_at = $1 WHERE code_hash = $2', [
        now,
        codeHash,
      ]);
      const site = await this.one<Site>(c, 'SELECT id, name FROM sites WHERE id = $1', [code.site]);
      return site ? { ok: true, site } : { ok: false, reason: 'code-invalid' };
    });
  }

  async deviceByToken(tokenHash: string) {
    const row = await this.one<{
      id: string;
      site: string;
      name: string;
      revoked_at: number | null;
    }>(this.pool, SQL.deviceByToken(tokenHash));
    return row
      ? { id: row.id, site: row.site, name: row.name, revoked: row.revoked_at !== null }
      : null;
  }

  async revokeDevice(id: string, now: number) {
    const result = await this.pool.query('UPDATE devices SET revoked_at = $1 WHERE id = $2', [
      now,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async noteDeviceSeen(
    device: string,
    seen: { at: number; pushed: boolean; clockOffset: number | null } & DeviceReport,
  ) {
    await this.pool.query(
      `UPDATE devices SET last_seen_at = GREATEST(COALESCE(last_seen_at, 0), $2),
         last_push_at = CASE WHEN $3 THEN GREATEST(COALESCE(last_push_at, 0), $2)
           ELSE last_push_at END,
         clock_offset = CASE WHEN $3 AND $4::BIGINT IS NOT NULL THEN $4::BIGINT
           ELSE clock_offset END,
         waiting = CASE WHEN $5::INTEGER IS NOT NULL AND $2 >= COALESCE(last_seen_at, 0)
           THEN $5::INTEGER ELSE waiting END,
         app_version = CASE WHEN $6::TEXT IS NOT NULL AND $2 >= COALESCE(last_seen_at, 0)
           THEN $6::TEXT ELSE app_version END,
         policy_version = CASE WHEN $7::TEXT IS NOT NULL AND $2 >= COALESCE(last_seen_at, 0)
           THEN $7::TEXT ELSE policy_version END
       WHERE id = $1`,
      [
        device,
        seen.at,
        seen.pushed,
        seen.clockOffset,
        seen.waiting,
        seen.appVersion,
        seen.policyVersion ?? null,
      ],
    );
  }

  async deviceActivity() {
    const { rows } = await this.pool.query<ActivityRow>(
      `SELECT id, site, revoked_at, enrolled_at, last_seen_at, last_push_at, clock_offset,
         waiting, app_version, policy_version
       FROM devices ORDER BY site, id`,
    );
    return rows.map(activityOf);
  }

  async eventsHeldBySite() {
    const { rows } = await this.pool.query<{ site: string; events: string }>(
      'SELECT site, COUNT(*) AS events FROM events GROUP BY site ORDER BY site',
    );
    return rows.map((r) => ({ site: r.site, events: Number(r.events) }));
  }

  async insertEvents(
    site: string,
    device: string,
    events: readonly CheckpointEvent[],
    receivedAt: number,
    isFlagged: (e: CheckpointEvent) => boolean,
  ): Promise<InsertResult> {
    const testing = this.options.testing;
    // One transaction: the batch is stored whole, and held_seq moves with it.
    return this.tx(async (c) => {
      // The site's append lock first, before any cursor value is taken (see the header).
      if (testing?.serialiseAppends !== false) await c.query(SQL.appendLock(LOCK.append, site));
      const result: InsertResult = {
        heldSeq: 0,
        accepted: 0,
        duplicates: 0,
        refused: [],
        flagged: [],
      };
      const held = await c.query<{ id: string; device: string; seq: number; body: string | null }>(
        SQL.held(
          events.map((e) => e.id),
          events.map((e) => e.device),
          events.map((e) => e.seq),
        ),
      );
      const bodies = new Map<string, string>();
      const seqs = new Map<string, string>();
      for (const r of held.rows) {
        if (r.body !== null) bodies.set(r.id, r.body);
        seqs.set(`${r.device}\u0000${r.seq}`, r.id);
      }
      const fresh: { e: CheckpointEvent; body: string; flagged: boolean }[] = [];
      for (const e of events) {
        const body = canonicalJson(e);
        const sameId = bodies.get(e.id);
        if (sameId !== undefined) {
          if (sameEvent(sameId, e, body)) result.duplicates++;
          else
            result.refused.push({
              id: e.id,
              seq: e.seq,
              reason: 'id-reused',
              message: 'another event with this id is held',
            });
          continue;
        }
        const seqKey = `${e.device}\u0000${e.seq}`;
        const atSeq = seqs.get(seqKey);
        if (atSeq !== undefined) {
          result.refused.push({
            id: e.id,
            seq: e.seq,
            reason: 'seq-reused',
            message: `seq ${e.seq} of this device is held as event ${atSeq}`,
          });
          continue;
        }
        const flagged = isFlagged(e);
        fresh.push({ e, body, flagged });
        bodies.set(e.id, body);
        seqs.set(seqKey, e.id);
        result.accepted++;
        if (flagged) result.flagged.push(e.id);
      }
      await this.appendRows(c, site, receivedAt, fresh);
      await testing?.inAppendTransaction?.(
        site,
        fresh.map((r) => r.e.id),
      );
      result.heldSeq = await this.advanceHeldSeq(c, device);
      return result;
    });
  }

  /** Inserts the rows with cursors taken now, in the batch's order. */
  private async appendRows(
    c: Queryable,
    site: string,
    receivedAt: number,
    rows: readonly { e: CheckpointEvent; body: string; flagged: boolean }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await c.query(
      SQL.append(
        site,
        receivedAt,
        rows.length,
        rows.map((r) => r.e.id),
        rows.map((r) => r.e.device),
        rows.map((r) => r.e.seq),
        rows.map((r) => r.e.at),
        rows.map((r) => r.flagged),
        rows.map((r) => r.body),
      ),
    );
  }

  /** The highest seq up to which every event of the device is held (no gaps). */
  private async advanceHeldSeq(c: Queryable, device: string): Promise<number> {
    return (await this.one<{ held_seq: number }>(c, SQL.advanceHeld(device)))?.held_seq ?? 0;
  }

  async chainLinks(device: string, from: number, to: number) {
    const { rows } = await this.pool.query<{ seq: number; hash: string | null; before: boolean }>(
      SQL.chainLinks(device, from, to),
    );
    const link = (r: { seq: number; hash: string | null }) => ({ seq: r.seq, hash: r.hash });
    const before = rows.find((r) => r.before);
    return {
      before: before ? link(before) : { seq: 0, hash: null },
      held: rows.filter((r) => !r.before).map(link),
    };
  }

  async eventsAfter(site: string, after: number, limit: number) {
    const { rows } = await this.pool.query<{ cursor: number; body: string }>(
      SQL.eventsAfter(site, after, limit + 1),
    );
    return parsedPage(textPage(rows, after, limit));
  }

  async pullPage(site: string, device: string, after: number, limit: number) {
    const { rows } = await this.pool.query<{
      held_seq: number | null;
      cursor: number | null;
      body: string | null;
    }>(SQL.pullPage(site, after, limit + 1, device));
    const events = rows.flatMap((r) =>
      r.cursor === null || r.body === null ? [] : [{ cursor: r.cursor, body: r.body }],
    );
    return { ...textPage(events, after, limit), heldSeq: rows[0]?.held_seq ?? 0 };
  }

  async policy(site: string) {
    const row = await this.one<{ body: string }>(
      this.pool,
      'SELECT body FROM policies WHERE site = $1',
      [site],
    );
    return row ? (JSON.parse(row.body) as Policy) : null;
  }

  async countyPolicy() {
    const row = await this.one<{ body: string }>(
      this.pool,
      'SELECT body FROM county_policy WHERE one = 1',
      [],
    );
    return row ? (JSON.parse(row.body) as Policy) : null;
  }

  async setCountyPolicy(policy: Policy, now: number) {
    await this.pool.query(
      `INSERT INTO county_policy (one, version, body, updated_at) VALUES (1, $1, $2, $3)
       ON CONFLICT (one) DO UPDATE SET version = excluded.version, body = excluded.body,
         updated_at = excluded.updated_at`,
      [policy.version, JSON.stringify(policy), now],
    );
  }

  async setPolicy(site: string, policy: Policy, now: number) {
    await this.pool.query(
      `INSERT INTO policies (site, version, body, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site) DO UPDATE SET version = excluded.version, body = excluded.body,
         updated_at = excluded.updated_at`,
      [site, policy.version, JSON.stringify(policy), now],
    );
  }

  async putBookings(site: string, bookings: readonly Booking[]) {
    return this.tx(async (c) => {
      // The version row first: two imports for one site run one after the other.
      const version =
        (
          await this.one<{ version: number }>(
            c,
            `INSERT INTO booking_versions (site, version) VALUES ($1, 1)
             ON CONFLICT (site) DO UPDATE SET version = booking_versions.version + 1
             RETURNING version`,
            [site],
          )
        )?.version ?? 0;
      // The last row of one booking id wins, as SQLite's INSERT OR REPLACE does.
      const byId = new Map(bookings.map((b) => [b.bookingId, b]));
      const ids = [...byId.keys()];
      const imported = [...new Set(bookings.map((b) => b.day))];
      // A booking imported for another day leaves the day it was on: that day changes too.
      const left = await c.query<{ day: string }>(
        'SELECT DISTINCT day FROM bookings WHERE site = $1 AND booking_id = ANY($2::text[])',
        [site, ids],
      );
      const changed = [...new Set([...imported, ...left.rows.map((r) => r.day)])];
      await c.query('DELETE FROM bookings WHERE site = $1 AND day = ANY($2::text[])', [
        site,
        imported,
      ]);
      await c.query(
        `INSERT INTO bookings (site, booking_id, day, body)
         SELECT $1, id, day, body FROM unnest($2::text[], $3::text[], $4::text[]) AS t (id, day, body)
         ON CONFLICT (site, booking_id) DO UPDATE SET day = excluded.day, body = excluded.body`,
        [
          site,
          ids,
          [...byId.values()].map((b) => b.day),
          [...byId.values()].map((b) => JSON.stringify(b)),
        ],
      );
      await c.query(
        `INSERT INTO booking_days (site, day, version) SELECT $1, day, $3 FROM unnest($2::text[]) AS t (day)
         ON CONFLICT (site, day) DO UPDATE SET version = excluded.version`,
        [site, changed, version],
      );
      return version;
    });
  }

  async bookingDays(site: string, fromDay: string, toDay: string) {
    const { rows } = await this.pool.query<BookingDay>(
      `SELECT d.day, d.version::int AS version,
         (SELECT COUNT(*) FROM bookings b WHERE b.site = d.site AND b.day = d.day)::int AS count
       FROM booking_days d WHERE d.site = $1 AND d.day BETWEEN $2 AND $3 ORDER BY d.day`,
      [site, fromDay, toDay],
    );
    return rows;
  }

  async bookingsOfDay(site: string, day: string) {
    // One statement, one snapshot: the version always matches the rows sent with it.
    const { rows } = await this.pool.query<{ version: number; body: string | null }>(
      `SELECT d.version::int AS version, b.body FROM booking_days d
       LEFT JOIN bookings b ON b.site = d.site AND b.day = d.day
       WHERE d.site = $1 AND d.day = $2 ORDER BY b.booking_id`,
      [site, day],
    );
    return {
      bookings: rows.flatMap((r) => (r.body === null ? [] : [JSON.parse(r.body) as Booking])),
      version: rows[0]?.version ?? 0,
    };
  }

  async siteIds() {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM sites ORDER BY id');
    return rows.map((r) => r.id);
  }

  async purgePersonalData(
    site: string,
    before: { at: number; day: string },
    now: number,
  ): Promise<PurgeCounts> {
    return this.tx(async (c): Promise<PurgeCounts> => {
      // One purge of a site at a time (the hourly run, an admin's request, another instance).
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.purge, site]);
      const last = (await this.one<{ cursor: number; at: number }>(
        c,
        'SELECT cursor, at FROM retention_marks WHERE site = $1',
        [site],
      )) ?? { cursor: 0, at: 0 };
      // Cursor order is commit order within a site: every event up to this one is visible.
      const top = await this.one<{ cursor: number | null }>(
        c,
        'SELECT MAX(cursor) AS cursor FROM events WHERE site = $1',
        [site],
      );
      const upTo = top?.cursor ?? 0;
      // Marked purged or not: a pushed mark is checked (event-content.ts) and purged again anyway.
      const still = `(body::jsonb ->> 'type') = ANY($4::text[])`;
      // What expired since the last pass, and what arrived since (a tablet back from days offline).
      const { rows } = await c.query<{ cursor: number; body: string }>(
        `SELECT cursor, body FROM events
         WHERE site = $1 AND kept_from >= $2 AND kept_from < $3 AND ${still}
         UNION
         SELECT cursor, body FROM events WHERE site = $1 AND cursor > $5 AND kept_from < $3 AND ${still}`,
        [site, last.at, before.at, PERSONAL_TYPES, last.cursor],
      );
      const changed: { cursor: number; body: string }[] = [];
      for (const row of rows) {
        const purged = purgedBody(row.body, now);
        if (purged !== null) changed.push({ cursor: row.cursor, body: purged });
      }
      if (changed.length > 0) {
        await c.query(
          `UPDATE events SET body = t.body
           FROM unnest($2::bigint[], $3::text[]) AS t (cursor, body)
           WHERE events.site = $1 AND events.cursor = t.cursor`,
          [site, changed.map((r) => r.cursor), changed.map((r) => r.body)],
        );
      }
      await c.query(
        `INSERT INTO retention_marks (site, cursor, at) VALUES ($1, $2, $3)
         ON CONFLICT (site) DO UPDATE SET cursor = excluded.cursor, at = excluded.at`,
        [site, upTo, Math.max(last.at, before.at)],
      );
      const dropped = await c.query('DELETE FROM bookings WHERE site = $1 AND day < $2', [
        site,
        before.day,
      ]);
      await c.query('DELETE FROM booking_days WHERE site = $1 AND day < $2', [site, before.day]);
      return { events: changed.length, bookings: dropped.rowCount ?? 0 };
    });
  }

  async reclaimPurged() {
    // An UPDATE leaves the old row version (names included) until VACUUM removes it.
    // docs/postgresql.md says what VACUUM does not reach (page free space, WAL, backups).
    await this.pool.query('VACUUM events, bookings');
  }

  async attempts(key: string): Promise<Attempts> {
    const row = await this.one<{ failures: number; lockouts: number; locked_until: number | null }>(
      this.pool,
      'SELECT failures, lockouts, locked_until FROM attempts WHERE key = $1',
      [key],
    );
    return row
      ? { failures: row.failures, lockouts: row.lockouts, lockedUntil: row.locked_until }
      : NO_ATTEMPTS;
  }

  async setAttempts(key: string, a: Attempts) {
    if (a.failures === 0 && a.lockouts === 0 && a.lockedUntil === null)
      await this.pool.query('DELETE FROM attempts WHERE key = $1', [key]);
    else
      await this.pool.query(
        `INSERT INTO attempts (key, failures, lockouts, locked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
           lockouts = excluded.lockouts, locked_until = excluded.locked_until`,
        [key, a.failures, a.lockouts, a.lockedUntil],
      );
  }

  async identity() {
    const { id, stored, facts } = await readIdentity(this.pool);
    return { id, epoch: announcedEpoch(stored, facts) };
  }

  async epochParts() {
    const { stored, facts } = await readIdentity(this.pool);
    return { stored, facts: { ...facts } };
  }

  async newEpoch() {
    await this.pool.query(
      'UPDATE server_identity SET epoch = 1 + ((epoch + floor(random() * 2147483645)::bigint) % 2147483646)',
    );
    return this.identity();
  }

  async heldSeq(device: string) {
    const row = await this.one<{ held_seq: number }>(this.pool, SQL.heldSeq(device));
    return row?.held_seq ?? 0;
  }

  async claimPeriodicJob(job: string, now: number, everyMs: number) {
    // The row lock makes a second instance's update wait, re-read the row and find it claimed.
    const { rowCount } = await this.pool.query(
      `INSERT INTO job_runs (job, last_run) VALUES ($1, $2)
       ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run
         WHERE job_runs.last_run <= $2 - $3`,
      [job, now, everyMs],
    );
    return (rowCount ?? 0) > 0;
  }

  async close() {
    await this.pool.end();
  }
}
