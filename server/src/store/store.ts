/**
 * Storage behind the server, one small interface: SQLite (embedded default, one hall)
 * and PostgreSQL (a county running many halls, several server instances on one
 * database; open-store.ts picks by DATABASE_URL). Whatever the store, a cursor must never
 * skip a committed event: events of a site are numbered in commit order. The same
 * conformance suite (tests/store/conformance.ts) runs against both.
 */
import type { Booking } from '../../../src/domain/booking';
import type { ChainAnchor } from '../../../src/domain/chain';
import type { CheckpointEvent } from '../../../src/domain/events';
import type { Attempts } from '../../../src/domain/lockout';
import type { Policy } from '../../../src/domain/policy';
import type {
  BookingDay,
  DeviceReport,
  PushReply,
  ServerIdentity,
} from '../../../src/protocol/api';

export type { ServerIdentity };

export interface EpochParts {
  stored: number;
  facts: Readonly<Record<string, string>>;
}

export interface Site {
  id: string;
  name: string;
}

export interface Device {
  id: string;
  site: string;
  name: string;
  revoked: boolean;
}

/**
 * What the server knows of a tablet's syncing, for `admin -- status` and /metrics: when
 * it last called (any sync request), last pushed, and the clock offset its last pushed
 * event carried (ms, the tablet's clock minus the server's; null when it never said),
 * and what it last said of itself: its events still waiting and its app version
 * (src/protocol/api.ts DeviceReport, as of its last recorded sync).
 * No name: the device id is what the IT team looks for.
 */
export interface DeviceActivity extends DeviceReport {
  id: string;
  site: string;
  revoked: boolean;
  enrolledAt: number;
  lastSeenAt: number | null;
  lastPushAt: number | null;
  clockOffset: number | null;
}

export interface EventTextPage {
  texts: string[];
  cursor: number;
  more: boolean;
}

export interface PullPage extends EventTextPage {
  /** The highest seq up to which every event of the pulling device is held. */
  heldSeq: number;
}

export interface InsertResult extends Omit<PushReply, 'serverTime' | 'server' | 'arrivedPurged'> {}

/**
 * Enrolment refuses a known device id (no takeover): only the device's own current
 * token re-enrols it (a new token, same site), and a revoked device never comes back.
 */
export type EnrolOutcome =
  | { ok: true; site: Site }
  | { ok: false; reason: 'code-invalid' | 'device-exists' | 'device-revoked' };

export interface PurgeCounts {
  events: number;
  bookings: number;
}

export interface Store {
  createSite(site: Site, now: number): Promise<void>;
  site(id: string): Promise<Site | null>;
  addEnrolmentCode(site: string, codeHash: string, expiresAt: number, now: number): Promise<void>;
  /**
   * Uses up an enrolment code (single use) and registers the device with its token hash,
   * in one transaction. A device id the store knows is refused (the code stays unused)
   * unless `currentTokenHash` is that device's own, unrevoked token: then the device gets
   * the new token. A revoked device is always refused.
   */
  enrol(
    codeHash: string,
    device: { id: string; name: string; tokenHash: string },
    now: number,
    currentTokenHash: string | null,
  ): Promise<EnrolOutcome>;
  deviceByToken(tokenHash: string): Promise<Device | null>;
  revokeDevice(id: string, now: number): Promise<boolean>;
  /**
   * Records that the device synced at `at` (a push also sets its last push and, when its
   * last event said, its clock offset), and what it reported (a null keeps the value
   * held). Never moves a time backwards, nor a report to one older than the held.
   */
  noteDeviceSeen(
    device: string,
    seen: { at: number; pushed: boolean; clockOffset: number | null } & DeviceReport,
  ): Promise<void>;
  /** Every enrolled device with its activity, by site then id. */
  deviceActivity(): Promise<DeviceActivity[]>;
  /** Events held per site (sites without events are absent). */
  eventsHeldBySite(): Promise<{ site: string; events: number }[]>;
  /**
   * Stores a batch in one transaction, idempotent on event id and on (device, seq).
   * Retention counts an event's age from the earlier of `at` and `receivedAt`.
   */
  insertEvents(
    site: string,
    device: string,
    events: readonly CheckpointEvent[],
    receivedAt: number,
    isFlagged: (e: CheckpointEvent) => boolean,
  ): Promise<InsertResult>;
  /**
   * What a push of the device's seqs `from`..`to` must agree with (src/domain/chain.ts):
   * `before`, the held event with the highest seq below `from` (seq 0 when none), and
   * `held`, the events held in `from`..`to`, in seq order; each as its seq and its
   * `chain.hash` (null when it has none).
   */
  chainLinks(
    device: string,
    from: number,
    to: number,
  ): Promise<{ before: ChainAnchor; held: ChainAnchor[] }>;
  /** This server's identity and the epoch it announces (docs/architecture.md#sync). */
  identity(): Promise<ServerIdentity>;
  /**
   * What the announced epoch is made of, for `admin identity`: the stored epoch and
   * (PostgreSQL) the facts of the database mixed into it; SQLite announces the stored one.
   */
  epochParts(): Promise<EpochParts>;
  /** Starts a new epoch (after a restore); returns it. */
  newEpoch(): Promise<ServerIdentity>;
  /** The highest seq up to which every event of the device is held (0 for none). */
  heldSeq(device: string): Promise<number>;
  /** Events of a site after a cursor, in commit order. */
  eventsAfter(
    site: string,
    after: number,
    limit: number,
  ): Promise<{ events: CheckpointEvent[]; cursor: number; more: boolean }>;
  /**
   * A tablet's pull: the same page as each event's JSON text (as stored, or opened by the
   * sealing wrapper), so the reply is put together without parsing and encoding every
   * event again, and the device's `heldSeq`, read with it (one round trip on PostgreSQL).
   */
  pullPage(site: string, device: string, after: number, limit: number): Promise<PullPage>;
  policy(site: string): Promise<Policy | null>;
  setPolicy(site: string, policy: Policy, now: number): Promise<void>;
  /** The county's policy every hall inherits (server/src/ops/hall-policy.ts); null: none. */
  countyPolicy(): Promise<Policy | null>;
  setCountyPolicy(policy: Policy, now: number): Promise<void>;
  /**
   * Replaces the bookings of the days in the list; returns the site's new bookings
   * version, which becomes the version of every day whose list changed (the imported
   * days, and a day a booking moved away from).
   */
  putBookings(site: string, bookings: readonly Booking[]): Promise<number>;
  /** The days from `fromDay` to `toDay` (inclusive) that hold or held bookings, by day. */
  bookingDays(site: string, fromDay: string, toDay: string): Promise<BookingDay[]>;
  /** One day's bookings and its version (0 and none for a day never imported). */
  bookingsOfDay(site: string, day: string): Promise<{ bookings: Booking[]; version: number }>;
  siteIds(): Promise<string[]>;
  /**
   * Retention: removes personal data from the site's events whose earlier of device time
   * and receive time is before `before.at`
   * (in place, marked `purgedAt`: the cursor does not move, tablets purge their own
   * copies) and deletes bookings of days before `before.day`. The removed values must
   * not stay readable in the store's files (SQLite: secure_delete, WAL truncated).
   */
  purgePersonalData(
    site: string,
    before: { at: number; day: string },
    now: number,
  ): Promise<PurgeCounts>;
  /**
   * Removes what purges leave behind in the storage itself (PostgreSQL: the old row
   * versions still holding the purged values, by VACUUM; SQLite: the WAL's old pages).
   * Called once after a retention run, not per site.
   */
  reclaimPurged(): Promise<void>;
  /**
   * Claims the slot of a periodic job (the hourly retention): true for exactly one caller
   * per `everyMs` across every server instance on this store, false for the others.
   */
  claimPeriodicJob(job: string, now: number, everyMs: number): Promise<boolean>;
  /**
   * Failed attempts (enrolment) per key, e.g. `enrol-address:10.0.0.7`: kept in the
   * database so a restart or another server instance does not reset a lock-out.
   */
  attempts(key: string): Promise<Attempts>;
  setAttempts(key: string, attempts: Attempts): Promise<void>;
  close(): Promise<void>;
}
