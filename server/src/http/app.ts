/**
 * The hall's server: the sync API of shared/architecture.md and the built PWA, in one
 * Fastify instance. Bodies are validated by schema; every error is JSON with a code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { API, type ApiError, MAX_BODY_BYTES } from '../../../src/protocol/api';
import type { Metrics } from '../ops/metrics';
import { adminRoutes } from '../routes/admin';
import { metricsRoute } from '../routes/metrics';
import { syncRoutes } from '../routes/sync';
import type { Store } from '../store/store';
import { allowOrigins } from './cors';
import { HttpError } from './errors';
import { registerSecurityHeaders, routedPath } from './security-headers';

export interface AppOptions {
  store: Store;
  adminToken: string;
  /** The built PWA (dist/); not served when absent. */
  staticDir?: string;
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  https?: { key: Buffer; cert: Buffer } | null;
  /** Origins of tablets' apps served elsewhere that may call the sync API (CORS). */
  allowedOrigins?: readonly string[];
  /** Requests per address and minute (config.ts: ENROL_RATE_LIMIT, ADMIN_RATE_LIMIT). */
  limits?: { enrolPerMinute: number; adminPerMinute: number };
  /** /metrics behind its own token (config.ts: METRICS_TOKEN); null: no /metrics (404). */
  metrics?: { metrics: Metrics; token: string } | null;
}

export const DEFAULT_LIMITS = { enrolPerMinute: 10, adminPerMinute: 300 };

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  const now = options.now ?? Date.now;

  registerSecurityHeaders(app, !!options.https);

  // Bytes, not text: a spreadsheet's CSV may be GBK or UTF-16 (src/domain/text-encoding.ts).
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  // Per address, in memory: a burst is cut here before it costs a database read. The
  // lock-out after failed enrolments is kept in the database (enrolment-lockout.ts).
  app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(
        429,
        'too-many-requests',
        `too many requests: try again in ${seconds} s`,
        seconds,
      );
    },
  });

  // Only the routes that ask for it (a day's bookings): gzip is cheap to decode on a
  // tablet, and the push and pull paths keep their CPU for throughput.
  app.register(compress, { global: false });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send({
        error: error.code,
        message: error.message,
        ...(error.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: error.retryAfterSeconds }
          : {}),
      } satisfies ApiError);
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      return reply.status(413).send({
        error: 'too-large',
        message: `body over ${MAX_BODY_BYTES} bytes`,
      } satisfies ApiError);
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: 'bad-request', message: error.message } satisfies ApiError);
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: 'internal', message: 'internal error' } satisfies ApiError);
  });

  allowOrigins(app, options.allowedOrigins ?? []);
  app.get('/healthz', async () => ({ ok: true, time: now() }));
  const limits = options.limits ?? DEFAULT_LIMITS;
  app.register(syncRoutes, {
    prefix: API,
    store: options.store,
    now,
    enrolPerMinute: limits.enrolPerMinute,
    metrics: options.metrics?.metrics ?? null,
  });
  app.register(metricsRoute, { metrics: options.metrics ?? null });
  app.register(adminRoutes, {
    prefix: `${API}/admin`,
    store: options.store,
    adminToken: options.adminToken,
    now,
    adminPerMinute: limits.adminPerMinute,
    metrics: options.metrics?.metrics ?? null,
  });

  const staticDir = options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    // Source maps are never served, even if a build left some in dist.
    app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      allowedPath: (path) => !path.endsWith('.map'),
    });
    // The PWA's routes (/, /log, /settings, …) all answer with the app shell; a missing
    // file (a name with an extension) is a 404, not the shell.
    app.setNotFoundHandler((request, reply) => {
      const path = routedPath(request);
      const isFile = /\.[^/]*$/.test(path);
      if (request.method === 'GET' && !path.startsWith('/api/') && !isFile) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send({
        error: 'not-found',
        message: `no route ${request.method} ${request.url}`,
      } satisfies ApiError);
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({
        error: 'not-found',
        message: `no route ${request.method} ${request.url}`,
      } satisfies ApiError),
    );
  }
  return app;
}
