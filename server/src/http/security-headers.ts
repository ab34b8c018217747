/**
 * Security headers on every reply (helmet): the app's CSP (src/protocol/csp.ts),
 * nosniff, no referrer, no framing, HSTS when the server speaks TLS; the camera for the
 * app only; and `Cache-Control: no-store` on every API reply (they carry personal data,
 * and no browser or proxy cache should keep a copy).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API } from '../../../src/protocol/api';
import { CSP_DIRECTIVES, PERMISSIONS_POLICY } from '../../../src/protocol/csp';

export function registerSecurityHeaders(app: FastifyInstance, tls: boolean): void {
  app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CSP_DIRECTIVES).map(([name, values]) => [name, [...values]]),
      ),
    },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // The app loads nothing cross-origin; COEP would only get in a hall's way.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (isPrivateReply(routedPath(request))) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * The path as the router saw it: the matched route's pattern, or (no route matched) the
 * request's path percent-decoded as the router decodes it. Never the raw URL: `/%61pi/v1/…`
 * reaches the API routes too.
 */
export function routedPath(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern !== undefined && pattern !== '*' && pattern !== '/*') return pattern;
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The replies no cache may keep: the API's (personal data), health and metrics. */
function isPrivateReply(path: string): boolean {
  return path.startsWith(`${API}/`) || path === API || path === '/healthz' || path === '/metrics';
}
