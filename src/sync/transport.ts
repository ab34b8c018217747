/**
 * The HTTP side of sync. Failures come back as codes the engine and the UI act on,
 * never as thrown strings; pulled events are checked against the wire schema.
 */
import type { CheckpointEvent } from '../domain/events';
import {
  API,
  type ApiError,
  type BookingDayReply,
  bookingDayTag,
  type ConfigReply,
  deviceReportParams,
  type EnrolReply,
  type EnrolRequest,
  type PullReply,
  type PushReply,
} from '../protocol/api';
import { bookingDayReplySchema, bookingDaysSchema } from '../protocol/booking-schema';
import { pulledEventSchema } from '../protocol/event-schema';
import { policySchema } from '../protocol/policy-schema';
import { diagnoseFailure, type FetchLike } from './fetch-failure';

export type SyncErrorCode =
  | 'offline'
  /** The server answers, but not to this origin (ALLOWED_ORIGINS on the server). */
  | 'cors'
  /** No secure connection: an untrusted certificate, or an http server from an https page. */
  | 'tls'
  /** The page's own CSP (connect-src) blocked the request: the app is served elsewhere. */
  | 'csp'
  | 'unauthorised'
  | 'forbidden'
  | 'unknown-site'
  | 'rejected'
  | 'server'
  | 'bad-reply'
  | 'enrolment-code-invalid'
  | 'device-exists'
  | 'device-revoked'
  | 'too-many-requests';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** `waiting`: this tablet's events still to push, for the server's status (api.ts DeviceReport). */
export interface Transport {
  /** `waiting` counts what stays once this batch is held. */
  push(events: readonly CheckpointEvent[], waiting: number): Promise<PushReply>;
  pull(after: number, limit: number, waiting: number): Promise<PullReply>;
  config(): Promise<ConfigReply>;
  /** A day's bookings; null when the server still has the version held (304). */
  bookingDay(day: string, heldVersion: number | undefined): Promise<BookingDayReply | null>;
}

export type { FetchLike };

function codeFor(status: number, body: Partial<ApiError>): SyncErrorCode {
  if (status === 401) return 'unauthorised';
  if (body.error === 'enrolment-code-invalid') return 'enrolment-code-invalid';
  if (body.error === 'device-exists' || body.error === 'device-revoked') return body.error;
  if (status === 429) return 'too-many-requests';
  if (status === 403) return 'forbidden';
  if (status === 404 && body.error === 'unknown-site') return 'unknown-site';
  if (status >= 500) return 'server';
  return 'rejected';
}

async function send(fetcher: FetchLike, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetcher(url, init);
  } catch (e) {
    throw new SyncError(await diagnoseFailure(fetcher, url), String(e));
  }
}

async function request<T>(fetcher: FetchLike, url: string, init: RequestInit): Promise<T> {
  return read<T>(await send(fetcher, url, init));
}

async function read<T>(response: Response): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (e) {
    throw new SyncError(response.ok ? 'bad-reply' : codeFor(response.status, {}), String(e));
  }
  if (!response.ok) {
    const error = (body ?? {}) as Partial<ApiError>;
    throw new SyncError(
      codeFor(response.status, error),
      error.message ?? `HTTP ${response.status}`,
    );
  }
  return body as T;
}

function json(method: string, token: string | null, body?: unknown): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    cache: 'no-store',
  };
}

/** The server's address: the one set at enrolment, or this page's own origin. */
export function apiBase(server: string): string {
  const origin = server.trim() || (typeof location !== 'undefined' ? location.origin : '');
  return `${origin.replace(/\/+$/, '')}${API}`;
}

/**
 * Enrols this tablet. A tablet already enrolled sends its current token: the server
 * re-enrols a known device id only for the token that device holds (no takeover).
 */
export function enrol(
  fetcher: FetchLike,
  server: string,
  body: EnrolRequest,
  currentToken: string | null = null,
): Promise<EnrolReply> {
  return request<EnrolReply>(fetcher, `${apiBase(server)}/enrol`, json('POST', currentToken, body));
}

export function httpTransport(
  fetcher: FetchLike,
  server: string,
  site: string,
  token: string,
  /** APP_VERSION (services/version.ts): the app injects it, so tests run without Vite's define. */
  appVersion?: string,
  /** The policy version in force on this tablet, for `admin status` (issue 33). */
  policyVersion?: string,
): Transport {
  const base = `${apiBase(server)}/sites/${encodeURIComponent(site)}`;
  return {
    push: (events, waiting) =>
      request<PushReply>(
        fetcher,
        `${base}/events?${deviceReportParams(waiting, appVersion, policyVersion)}`,
        json('POST', token, { events }),
      ),
    async pull(after, limit, waiting) {
      const reply = await request<PullReply>(
        fetcher,
        `${base}/events?after=${after}&limit=${limit}&${deviceReportParams(waiting, appVersion, policyVersion)}`,
        json('GET', token),
      );
      const events: CheckpointEvent[] = [];
      for (const e of reply.events ?? []) {
        const parsed = pulledEventSchema(e).safeParse(e);
        if (!parsed.success)
          throw new SyncError(
            'bad-reply',
            `pulled event fails the schema: ${parsed.error.message}`,
          );
        events.push(parsed.data as CheckpointEvent);
      }
      if (!Number.isInteger(reply.cursor)) throw new SyncError('bad-reply', 'no cursor');
      return { ...reply, events };
    },
    async config() {
      const reply = await request<ConfigReply>(fetcher, `${base}/config`, json('GET', token));
      const policy = reply.policy ? policySchema.safeParse(reply.policy) : null;
      if (policy && !policy.success) throw new SyncError('bad-reply', 'policy fails the schema');
      const days = bookingDaysSchema.safeParse(reply.bookingDays);
      if (!days.success) throw new SyncError('bad-reply', 'booking days fail the schema');
      return { ...reply, policy: policy?.data ?? null, bookingDays: days.data };
    },
    async bookingDay(day, heldVersion) {
      const init = json('GET', token);
      if (heldVersion !== undefined)
        init.headers = { ...init.headers, 'if-none-match': bookingDayTag(heldVersion) };
      const response = await send(fetcher, `${base}/bookings/${day}`, init);
      if (response.status === 304) return null;
      const reply = bookingDayReplySchema.safeParse(await read<unknown>(response));
      if (!reply.success)
        throw new SyncError(
          'bad-reply',
          `bookings of ${day} fail the schema: ${reply.error.message}`,
        );
      return reply.data;
    },
  };
}
