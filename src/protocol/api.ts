/**
 * The sync API between tablets and the hall's server (shared/architecture.md), shared by
 * the client sync engine and the server. Re-sending any request is always safe.
 */
import { z } from 'zod';
import type { Booking } from '../domain/booking';
import type { CheckpointEvent } from '../domain/events';
import type { Policy } from '../domain/policy';

export const API = '/api/v1';
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_EVENTS = 1000;
export const MAX_BODY_BYTES = 1_048_576;

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(4).max(64),
  deviceId: z.string().min(1).max(64),
  deviceName: z.string().min(1).max(64),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export interface EnrolReply {
  site: string;
  siteName: string;
  device: string;
  token: string;
}

export interface PushReply {
  /** Every event of this device up to this seq is held by the server. */
  heldSeq: number;
  accepted: number;
  duplicates: number;
  /** Events refused because their id or (device, seq) is already held with other content. */
  conflicts: { id: string; reason: 'id-reused' | 'seq-reused' }[];
  /** Events whose device clock was far from the server's: stored, with the server's time. */
  flagged: string[];
  serverTime: number;
}

export interface PullReply {
  events: CheckpointEvent[];
  /** Pass as `after` next time; only advance it once the events are stored. */
  cursor: number;
  more: boolean;
  serverTime: number;
}

export interface ConfigReply {
  policy: Policy | null;
  bookings: Booking[];
  bookingsVersion: number;
  serverTime: number;
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
  | 'internal';

export interface ApiError {
  error: ApiErrorCode;
  message: string;
}
