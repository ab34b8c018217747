/**
 * The hall's server: the sync API of shared/architecture.md and the built PWA, in one
 * Fastify instance. Bodies are validated by schema; every error is JSON with a code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { API, type ApiError, MAX_BODY_BYTES } from '../../src/protocol/api';
import { allowOrigins } from './cors';
import { HttpError } from './errors';
import { adminRoutes } from './routes/admin';
import { syncRoutes } from './routes/sync';
import type { Store } from './store/store';

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
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  const now = options.now ?? Date.now;

  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof HttpError) {
      return reply
        .status(error.status)
        .send({ error: error.code, message: error.message } satisfies ApiError);
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
  app.register(syncRoutes, { prefix: API, store: options.store, now });
  app.register(adminRoutes, {
    prefix: `${API}/admin`,
    store: options.store,
    adminToken: options.adminToken,
    now,
  });

  const staticDir = options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    app.register(fastifyStatic, { root: staticDir, wildcard: false });
    // The PWA's routes (/, /log, /settings, …) all answer with the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
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
