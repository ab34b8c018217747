/**
 * The sync API between tablets and the hall's server (shared/architecture.md), shared by
 * the client sync engine and the server. Re-sending any request is always safe.
 */
import { z } from 'zod';
// Before any schema parses: the CSP forbids eval.
import './zod-jitless';
import type { Booking } from '../domain/booking';
import type { ChainBreakReason } from '../domain/chain';
import { DEVICE_ID_RULE, isDeviceId } from '../domain/device-id';
import { type ContentProblem, textProblem } from '../domain/event-content';
import type { CheckpointEvent } from '../domain/events';
import type { Policy } from '../domain/policy';
import { dayKey, nextDay, previousDay } from '../domain/time';

export const API = '/api/v1';
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_EVENTS = 1000;
export const MAX_BODY_BYTES = 1_048_576;

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(4).max(64),
  deviceId: z.string().refine(isDeviceId, DEVICE_ID_RULE),
  deviceName: z
    .string()
    .min(1)
    .max(64)
    .refine(
      (name) => textProblem(name) === null,
      'device name: no control or direction characters',
    ),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export interface EnrolReply {
  site: string;
  siteName: string;
  device: string;
  token: string;
}

/**
 * Why the server refused one event of a push: its id or (device, seq) is already held
 * with other content, its content fails the domain's rules (src/domain/event-content),
 * or it does not continue the device's hash chain as held (src/domain/chain.ts:
 * `chain-gap`, `chain-fork`, `chain-edited`, `chain-personal`).
 */
export type RefusalReason =
  | 'id-reused'
  | 'seq-reused'
  | ContentProblem
  | `chain-${ChainBreakReason}`;

export interface RefusedEvent {
  id: string;
  seq: number;
  reason: RefusalReason;
  /** Words for the administrator: which field, what is held. */
  message: string;
}

/**
 * Who the server is and which of its lives (server/src/store/store.ts): `epoch` changes
 * when the server is restored from a backup. A tablet that sees it change, or the
 * server's `heldSeq` for it fall behind what it believed held, sends again from there
 * and pulls from the start (src/sync/engine.ts).
 */
export interface ServerIdentity {
  id: string;
  epoch: number;
}

export interface PushReply {
  /**
   * Every event of this device up to this seq is held by the server, stored from this
   * device's pushes; it never reaches a refused event of the same push.
   */
  heldSeq: number;
  accepted: number;
  duplicates: number;
  /** Events not stored, each with its reason: the tablet keeps them and shows them. */
  refused: RefusedEvent[];
  /** Events whose device clock was far from the server's: stored, with the server's time. */
  flagged: string[];
  /**
   * Events of this push that arrived already purged by the tablet's retention (a server
   * restored from a copy older than them): stored without their personal fields.
   */
  arrivedPurged?: number;
  /** Absent from a server before issue 22. */
  server?: ServerIdentity;
  serverTime: number;
}

export interface PullReply {
  events: CheckpointEvent[];
  /** Pass as `after` next time; only advance it once the events are stored. */
  cursor: number;
  more: boolean;
  /** Up to which seq the server holds this device's events (absent before issue 22). */
  heldSeq?: number;
  server?: ServerIdentity;
  serverTime: number;
}

/**
 * What an enrolled tablet says of itself with each push and pull, for `admin -- status`
 * and /metrics: its app version and how many of its events still wait to be pushed
 * (after the push's batch; for a pull, now). Null: not said (a tablet before this).
 *
 * In the query string, not in headers or the body: a server before this ignores unknown
 * query parameters on every route, but a push body is a strict schema (a field there is a
 * 400 from it), and a header missing from an older server's CORS allow list fails a
 * cross-origin tablet's preflight. A value that fails the checks is ignored, never a
 * 400: sync must not stop over a self-report. The version's pattern keeps control
 * characters (terminal escapes, newlines) out of the admin's terminal.
 */
export interface DeviceReport {
  waiting: number | null;
  appVersion: string | null;
  /** The policy version the tablet runs (issue 33); absent: not said. */
  policyVersion?: string;
}

/** More than a hall writes in a month: a higher figure is a bug or an attack. */
export const MAX_REPORTED_WAITING = 1_000_000;
export const APP_VERSION_PATTERN = /^[0-9A-Za-z.+-]{1,32}$/;
const waitingParam = z
  .string()
  .regex(/^\d{1,7}$/)
  .transform(Number)
  .pipe(z.number().max(MAX_REPORTED_WAITING));
const appParam = z.string().regex(APP_VERSION_PATTERN);
/** A policy version as an event carries it, without control characters (the terminal). */
const policyParam = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u);

/** The query parameters a tablet adds to its push and pull (already URL-encoded). */
export function deviceReportParams(
  waiting: number,
  appVersion: string | undefined,
  policyVersion?: string,
): string {
  const params = new URLSearchParams({ waiting: String(Math.min(waiting, MAX_REPORTED_WAITING)) });
  if (appVersion !== undefined) params.set('app', appVersion);
  if (policyVersion !== undefined) params.set('policy', policyVersion);
  return params.toString();
}

/** The report in a request's parsed query; what fails its check is null. */
export function deviceReportOf(query: unknown): DeviceReport {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const waiting = waitingParam.safeParse(q.waiting);
  const app = appParam.safeParse(q.app);
  const policy = policyParam.safeParse(q.policy);
  return {
    waiting: waiting.success ? waiting.data : null,
    appVersion: app.success ? app.data : null,
    ...(policy.success ? { policyVersion: policy.data } : {}),
  };
}

/**
 * Bookings travel by day. The config reply lists the days of the window with each day's
 * version; the tablet fetches a day only when its version differs from the one it holds.
 * A whole-site version would not do: a day entering the window at midnight changes no
 * version, so a tablet asking "anything newer?" would never get it.
 */
export interface BookingDay {
  day: string;
  /** Raised whenever the day's list changes (an import, a booking moved to another day). */
  version: number;
  count: number;
}

/**
 * The days served: yesterday (a tablet whose clock or time zone lags still finds its
 * day) through a week ahead (a tablet that goes offline keeps working on the bookings
 * it has for the days to come).
 */
export const BOOKING_DAYS_BEHIND = 1;
export const BOOKING_DAYS_AHEAD = 7;

/** The days, oldest first, whose bookings a tablet gets at time `now`. */
export function bookingWindow(now: number): string[] {
  let day = dayKey(now);
  for (let i = 0; i < BOOKING_DAYS_BEHIND; i++) day = previousDay(day);
  const days = [day];
  for (let i = 0; i < BOOKING_DAYS_BEHIND + BOOKING_DAYS_AHEAD; i++) {
    day = nextDay(day);
    days.push(day);
  }
  return days;
}

export const bookingDayParams = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
});

/** The ETag of a day's bookings at a version (If-None-Match with it gets a 304). */
export const bookingDayTag = (version: number): string => `"v${version}"`;

export interface ConfigReply {
  policy: Policy | null;
  /** The window's days that hold (or held) bookings, oldest first. */
  bookingDays: BookingDay[];
  serverTime: number;
}

/**
 * The reply a tablet still running the app before bookings by day gets (it asks with
 * `?bookingsSince=`): the window's bookings in one list, until its app updates.
 */
export interface LegacyConfigReply extends ConfigReply {
  bookings: Booking[];
  bookingsVersion: number;
}

export interface BookingDayReply {
  day: string;
  version: number;
  bookings: Booking[];
}

/** Error replies are JSON with a code the client can act on, and words for people. */
export type ApiErrorCode =
  | 'bad-request'
  | 'too-large'
  | 'unauthorised'
  | 'forbidden'
  | 'unknown-site'
  | 'not-found'
  | 'enrolment-code-invalid'
  /** Enrolment with the id of a device the server knows (only its own token may re-enrol it). */
  | 'device-exists'
  /** A revoked device never comes back: the tablet needs a new identity. */
  | 'device-revoked'
  /** Too many requests or failed enrolments from here: `retryAfterSeconds` says when. */
  | 'too-many-requests'
  | 'internal';

export interface ApiError {
  error: ApiErrorCode;
  message: string;
  retryAfterSeconds?: number;
}
