/**
 * GET /metrics for the county's Prometheus, behind METRICS_TOKEN: neither the admin
 * token (a scraper's config file must not hold the power to revoke tablets) nor a
 * device token (a tablet sees its own hall only; this shows every hall).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http/errors';
import type { Metrics } from '../ops/metrics';
import { bearer } from './device-auth';

/** Scrapes per address and minute: a scraper every 15 s needs 4; guessing needs far more. */
const SCRAPES_PER_MINUTE = 60;

const digest = (s: string) => createHash('sha256').update(s).digest();

export const metricsRoute: FastifyPluginAsync<{ metrics: Metrics; token: string }> = async (
  app,
  { metrics, token },
) => {
  const expected = digest(token);
  app.get(
    '/metrics',
    { config: { rateLimit: { max: SCRAPES_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      const given = bearer(request);
      if (!given || !timingSafeEqual(digest(given), expected))
        throw new HttpError(401, 'unauthorised', 'missing or wrong metrics token');
      return reply.type(metrics.contentType).send(await metrics.text());
    },
  );
};
