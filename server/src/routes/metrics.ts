/**
 * GET /metrics for the county's Prometheus, behind METRICS_TOKEN: neither the admin
 * token (a scraper's config file must not hold the power to revoke tablets) nor a
 * device token (a tablet sees its own hall only; this shows every hall).
 */
import type { FastifyPluginAsync } from 'fastify';
import { sameSecret } from '../http/auth';
import { HttpError } from '../http/errors';
import type { Metrics } from '../ops/metrics';
import { bearer } from './device-auth';

/** Scrapes per address and minute: a scraper every 15 s needs 4; guessing needs far more. */
const SCRAPES_PER_MINUTE = 60;

/** Without METRICS_TOKEN the route still exists, to answer 404 (not the app shell). */
export const metricsRoute: FastifyPluginAsync<{
  metrics: { metrics: Metrics; token: string } | null;
}> = async (app, { metrics: enabled }) => {
  app.get(
    '/metrics',
    { config: { rateLimit: { max: SCRAPES_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      if (!enabled) throw new HttpError(404, 'not-found', 'metrics are off (METRICS_TOKEN unset)');
      const { metrics, token } = enabled;
      if (!sameSecret(bearer(request), token))
        throw new HttpError(401, 'unauthorised', 'missing or wrong metrics token');
      return reply.type(metrics.contentType).send(await metrics.text());
    },
  );
};
