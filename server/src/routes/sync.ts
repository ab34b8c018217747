import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { CheckpointEvent } from '../../../src/domain/events';
import { dayKey } from '../../../src/domain/time';
import {
  type ConfigReply,
  type EnrolReply,
  enrolRequestSchema,
  MAX_PULL_EVENTS,
  MAX_PUSH_EVENTS,
  type PullReply,
  type PushReply,
} from '../../../src/protocol/api';
import { eventSchema } from '../../../src/protocol/event-schema';
import { hashSecret, newToken, normaliseCode } from '../auth';
import { HttpError } from '../errors';
import type { Store } from '../store/store';
import { parse } from '../validate';
import { authoriseDevice } from './device-auth';

const FUTURE_TOLERANCE_MS = 5 * 60_000;
const PAST_TOLERANCE_MS = 30 * 24 * 3_600_000;
/** Events recorded before enrolment carry this site; the enrolling site adopts them. */
const UNENROLLED_SITE = 'local';

const pushSchema = z.strictObject({ events: z.array(eventSchema).min(1).max(MAX_PUSH_EVENTS) });
const pullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_EVENTS).default(MAX_PULL_EVENTS),
});
const configQuery = z.object({ bookingsSince: z.coerce.number().int().min(0).default(0) });

export const syncRoutes: FastifyPluginAsync<{ store: Store; now: () => number }> = async (
  app,
  { store, now },
) => {
  app.post('/enrol', async (request): Promise<EnrolReply> => {
    const body = parse(enrolRequestSchema, request.body);
    const token = newToken();
    const site = await store.enrol(
      hashSecret(normaliseCode(body.code)),
      { id: body.deviceId, name: body.deviceName, tokenHash: hashSecret(token) },
      now(),
    );
    if (!site)
      throw new HttpError(403, 'enrolment-code-invalid', 'enrolment code unknown, used or expired');
    return { site: site.id, siteName: site.name, device: body.deviceId, token };
  });

  app.post<{ Params: { site: string } }>(
    '/sites/:site/events',
    async (request): Promise<PushReply> => {
      const device = await authoriseDevice(store, request, request.params.site);
      const { events } = parse(pushSchema, request.body);
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
      const isFlagged = (e: CheckpointEvent) =>
        e.at > receivedAt + FUTURE_TOLERANCE_MS || e.at < receivedAt - PAST_TOLERANCE_MS;
      const result = await store.insertEvents(
        device.site,
        device.id,
        events as CheckpointEvent[],
        receivedAt,
        isFlagged,
      );
      if (result.conflicts.length > 0)
        request.log.warn({ device: device.id, conflicts: result.conflicts }, 'push conflicts');
      return { ...result, serverTime: now() };
    },
  );

  app.get<{ Params: { site: string } }>(
    '/sites/:site/events',
    async (request): Promise<PullReply> => {
      const device = await authoriseDevice(store, request, request.params.site);
      const { after, limit } = parse(pullQuery, request.query);
      const page = await store.eventsAfter(device.site, after, limit);
      return { ...page, serverTime: now() };
    },
  );

  app.get<{ Params: { site: string } }>(
    '/sites/:site/config',
    async (request): Promise<ConfigReply> => {
      const device = await authoriseDevice(store, request, request.params.site);
      const { bookingsSince } = parse(configQuery, request.query);
      const yesterday = dayKey(now() - 24 * 3_600_000);
      const [policy, bookings] = await Promise.all([
        store.policy(device.site),
        store.bookings(device.site, yesterday),
      ]);
      return {
        policy,
        bookings: bookings.version > bookingsSince ? bookings.bookings : [],
        bookingsVersion: bookings.version,
        serverTime: now(),
      };
    },
  );
};
