import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { eventContentRefusal } from '../../../src/domain/event-content';
import type { CheckpointEvent } from '../../../src/domain/events';
import {
  type BookingDayReply,
  bookingDayParams,
  bookingDayTag,
  bookingWindow,
  type ConfigReply,
  deviceReportOf,
  type EnrolReply,
  enrolRequestSchema,
  type LegacyConfigReply,
  MAX_PULL_EVENTS,
  MAX_PUSH_EVENTS,
  type PullReply,
  type PushReply,
  type RefusedEvent,
} from '../../../src/protocol/api';
import { pulledEventSchema } from '../../../src/protocol/event-schema';
import { enrolmentCodeHash, hashSecret, newToken } from '../http/auth';
import { bookingDayCache } from '../http/booking-day-cache';
import {
  assertEnrolmentOpen,
  enrolmentCounters,
  recordEnrolmentFailure,
  recordEnrolmentSuccess,
} from '../http/enrolment-lockout';
import { HttpError } from '../http/errors';
import { parse } from '../http/validate';
import { policyInForce } from '../ops/hall-policy';
import type { Metrics, SyncRoute } from '../ops/metrics';
import type { Device, EventTextPage, Store } from '../store/store';
import { chainRefusals } from './chain-refusals';
import { authoriseDevice, bearer } from './device-auth';

const FUTURE_TOLERANCE_MS = 5 * 60_000;
const PAST_TOLERANCE_MS = 30 * 24 * 3_600_000;
/** Events recorded before enrolment carry this site; the enrolling site adopts them. */
const UNENROLLED_SITE = 'local';

/**
 * An event as written, or as the tablet's retention left it (`purgedAt`, no personal
 * fields): a tablet re-sends those only to a server restored from a copy older than
 * them, and the chain still verifies (the hash leaves the personal fields out).
 */
const pushedEvent = z.unknown().transform((e, ctx) => {
  const parsed = pulledEventSchema(e).safeParse(e);
  if (parsed.success) return parsed.data as CheckpointEvent;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
  return z.NEVER;
});
const pushSchema = z.strictObject({
  events: z.array(pushedEvent).min(1).max(MAX_PUSH_EVENTS),
});
const pullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_EVENTS).default(MAX_PULL_EVENTS),
});
/** `bookingsSince`: asked only by a tablet on the app before bookings by day. */
const configQuery = z.object({ bookingsSince: z.coerce.number().int().min(0).optional() });

const ENROL_REFUSALS = {
  'code-invalid': new HttpError(
    403,
    'enrolment-code-invalid',
    'enrolment code unknown, used or expired',
  ),
  'device-exists': new HttpError(
    409,
    'device-exists',
    'a device with this id is enrolled: only its own token may enrol it again',
  ),
  'device-revoked': new HttpError(
    409,
    'device-revoked',
    'this device was revoked: it cannot be enrolled again under the same id',
  ),
} as const;

/**
 * The pushed events whose content fails the domain's rules, each with its reason. The
 * tablet validates with the same function before recording, so this catches other
 * clients, bugs and attacks, never a visit typed at the door.
 */
function contentRefusals(events: readonly CheckpointEvent[], now: number): RefusedEvent[] {
  return events.flatMap((e) => {
    const refusal = eventContentRefusal(e, now);
    return refusal
      ? [
          {
            id: e.id,
            seq: e.seq,
            reason: refusal.problem,
            message: `${refusal.field}: ${refusal.problem}`,
          },
        ]
      : [];
  });
}

/** The device routes as /metrics names them (by Fastify's route pattern). */
const ROUTES: Record<string, SyncRoute> = {
  'POST /sites/:site/events': 'push',
  'GET /sites/:site/events': 'pull',
  'GET /sites/:site/config': 'config',
  'GET /sites/:site/bookings/:day': 'bookings',
};

/**
 * A tablet's last contact is written at most once a minute per device (pushes always):
 * a pull every few seconds must not cost a write each. "Last seen" is minute-exact, and
 * so is what a tablet that only pulls reports of itself (deviceReportOf).
 */
const SEEN_EVERY_MS = 60_000;

/** The clock offset the push's latest event carried (ms, rounded), or null. */
function pushedClockOffset(events: readonly CheckpointEvent[]): number | null {
  const latest = events.reduce<CheckpointEvent | null>(
    (a, e) => (e.clockOffset !== undefined && (!a || e.seq > a.seq) ? e : a),
    null,
  );
  return latest?.clockOffset === undefined ? null : Math.round(latest.clockOffset);
}

/**
 * A PullReply as JSON, put together around the events' texts (each already JSON: see
 * Store.pullPage) instead of parsing and encoding every event per pull.
 */
export function pullReplyText(
  page: EventTextPage,
  rest: Omit<PullReply, 'events' | 'cursor' | 'more'>,
): string {
  const head = JSON.stringify({ cursor: page.cursor, more: page.more, ...rest });
  return `{"events":[${page.texts.join(',')}],${head.slice(1)}`;
}

export const syncRoutes: FastifyPluginAsync<{
  store: Store;
  now: () => number;
  /** Enrolment requests per address and minute, before the lock-out's own count. */
  enrolPerMinute: number;
  metrics: Metrics | null;
}> = async (app, { store, now, enrolPerMinute, metrics }) => {
  // Re-read every IDENTITY_TTL_MS, not per request: a failover (the pool reconnecting to
  // a promoted standby) or new-epoch changes the epoch under a running instance.
  const IDENTITY_TTL_MS = 10_000;
  let identity: { value: ReturnType<Store['identity']>; at: number } | null = null;
  const server = () => {
    const at = performance.now();
    if (identity && at - identity.at < IDENTITY_TTL_MS) return identity.value;
    const value = store.identity();
    identity = { value, at };
    value.catch(() => {
      if (identity?.value === value) identity = null; // the next request asks again
    });
    return value;
  };
  app.post(
    '/enrol',
    { config: { rateLimit: { max: enrolPerMinute, timeWindow: 60_000 } } },
    async (request): Promise<EnrolReply> => {
      const counters = enrolmentCounters(request.ip);
      await assertEnrolmentOpen(store, counters, now());
      const body = parse(enrolRequestSchema, request.body);
      const token = newToken();
      // A tablet re-enrolling proves it is the device by its current token.
      const current = bearer(request);
      const outcome = await store.enrol(
        enrolmentCodeHash(body.code),
        { id: body.deviceId, name: body.deviceName, tokenHash: hashSecret(token) },
        now(),
        current ? hashSecret(current) : null,
      );
      if (!outcome.ok) {
        for (const scope of await recordEnrolmentFailure(store, counters, now())) {
          metrics?.enrolmentLockout(scope);
          if (scope === 'server')
            request.log.warn(
              'enrolment: many failures in a row from several addresses (guessing?)',
            );
        }
        request.log.warn({ device: body.deviceId, reason: outcome.reason }, 'enrolment refused');
        throw ENROL_REFUSALS[outcome.reason];
      }
      await recordEnrolmentSuccess(store, counters);
      return { site: outcome.site.id, siteName: outcome.site.name, device: body.deviceId, token };
    },
  );

  // Device routes: the token is checked before the body is read (onRequest runs before
  // parsing), so an unknown caller never makes the server parse a megabyte of JSON.
  app.register(async (routes) => {
    const dayReplies = bookingDayCache(store);
    const devices = new WeakMap<FastifyRequest, Device>();
    const seenAt = new Map<string, number>();
    routes.addHook('onRequest', async (request) => {
      const { site } = request.params as { site: string };
      const device = await authoriseDevice(store, request, site);
      devices.set(request, device);
      const at = now();
      if (at - (seenAt.get(device.id) ?? 0) >= SEEN_EVERY_MS) {
        seenAt.set(device.id, at);
        await store.noteDeviceSeen(device.id, {
          at,
          pushed: false,
          clockOffset: null,
          ...deviceReportOf(request.query),
        });
      }
    });
    if (metrics)
      routes.addHook('onResponse', async (request, reply) => {
        const pattern = (request.routeOptions.url ?? '').replace(/^.*?(?=\/sites\/)/, '');
        const route = ROUTES[`${request.method} ${pattern}`];
        if (route)
          metrics.syncRequest(
            route,
            devices.get(request)?.site ?? null,
            reply.statusCode,
            reply.elapsedTime / 1000,
          );
      });
    const deviceOf = (request: FastifyRequest): Device => {
      const device = devices.get(request);
      if (!device) throw new HttpError(401, 'unauthorised', 'missing or unknown device token');
      return device;
    };

    routes.post('/sites/:site/events', async (request): Promise<PushReply> => {
      const device = deviceOf(request);
      const { events } = parse(pushSchema, request.body) as { events: CheckpointEvent[] };
      const foreign = events.find(
        (e) => e.device !== device.id || (e.site !== device.site && e.site !== UNENROLLED_SITE),
      );
      if (foreign)
        throw new HttpError(
          400,
          'bad-request',
          `event ${foreign.id} is not this device's on this site`,
        );
      const receivedAt = now();
      const refusedContent = contentRefusals(events, receivedAt);
      const contentIds = new Set(refusedContent.map((r) => r.id));
      // Against the held chain, without what is refused already: a chain with a refused
      // event in it has a gap there.
      refusedContent.push(
        ...(await chainRefusals(
          store,
          device.id,
          events.filter((e) => !contentIds.has(e.id)),
        )),
      );
      const refusedIds = new Set(refusedContent.map((r) => r.id));
      const isFlagged = (e: CheckpointEvent) =>
        e.at > receivedAt + FUTURE_TOLERANCE_MS || e.at < receivedAt - PAST_TOLERANCE_MS;
      const result = await store.insertEvents(
        device.site,
        device.id,
        events.filter((e) => !refusedIds.has(e.id)),
        receivedAt,
        isFlagged,
      );
      const refused = [...refusedContent, ...result.refused].sort((a, b) => a.seq - b.seq);
      if (refused.length > 0)
        request.log.warn({ device: device.id, refused }, 'push: events refused');
      const arrivedPurged = events.filter(
        (e) => e.purgedAt !== undefined && !refusedIds.has(e.id),
      ).length;
      if (arrivedPurged > 0)
        request.log.warn(
          { device: device.id, arrivedPurged },
          'push: events arrived already purged of personal data (server restored from an older copy)',
        );
      await store.noteDeviceSeen(device.id, {
        at: receivedAt,
        pushed: true,
        clockOffset: pushedClockOffset(events),
        ...deviceReportOf(request.query),
      });
      // Never acknowledge past an event this push refused: the tablet must keep it.
      const firstRefused = refused[0]?.seq ?? Number.POSITIVE_INFINITY;
      return {
        ...result,
        heldSeq: Math.min(result.heldSeq, firstRefused - 1),
        refused,
        ...(arrivedPurged > 0 ? { arrivedPurged } : {}),
        server: await server(),
        serverTime: now(),
      };
    });

    routes.get('/sites/:site/events', async (request, reply) => {
      const device = deviceOf(request);
      const { after, limit } = parse(pullQuery, request.query);
      const { heldSeq, ...page } = await store.pullPage(device.site, device.id, after, limit);
      return reply
        .type('application/json; charset=utf-8')
        .send(pullReplyText(page, { heldSeq, server: await server(), serverTime: now() }));
    });

    routes.get('/sites/:site/config', async (request): Promise<ConfigReply | LegacyConfigReply> => {
      const device = deviceOf(request);
      const { bookingsSince } = parse(configQuery, request.query);
      const window = bookingWindow(now());
      const from = window[0] ?? '';
      const to = window.at(-1) ?? '';
      const [policy, bookingDays] = await Promise.all([
        policyInForce(store, device.site),
        store.bookingDays(device.site, from, to),
      ]);
      const reply: ConfigReply = { policy, bookingDays, serverTime: now() };
      if (bookingsSince === undefined) return reply;
      // A tablet still on the app before bookings by day: the window in one list.
      const version = Math.max(0, ...bookingDays.map((d) => d.version));
      const days =
        version > bookingsSince
          ? await Promise.all(bookingDays.map((d) => dayReplies.get(device.site, d.day, d.version)))
          : [];
      return {
        ...reply,
        bookings: days.flatMap((d) => (JSON.parse(d.json) as BookingDayReply).bookings),
        bookingsVersion: version,
      } satisfies LegacyConfigReply;
    });

    routes.get(
      '/sites/:site/bookings/:day',
      { compress: { encodings: ['gzip'] } },
      async (request, reply) => {
        const device = deviceOf(request);
        const { day } = parse(bookingDayParams, request.params);
        const window = bookingWindow(now());
        if (!window.includes(day))
          throw new HttpError(
            404,
            'not-found',
            `bookings are served for ${window[0]} to ${window.at(-1)} only`,
          );
        const [listed] = await store.bookingDays(device.site, day, day);
        const version = listed?.version ?? 0;
        if (request.headers['if-none-match'] === bookingDayTag(version))
          return reply.header('etag', bookingDayTag(version)).status(304).send();
        const cached = await dayReplies.get(device.site, day, version);
        return reply
          .header('etag', bookingDayTag(cached.version))
          .type('application/json; charset=utf-8')
          .send(cached.json);
      },
    );
  });
};
