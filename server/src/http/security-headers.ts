/**
 * Security headers on every reply (helmet): the app's CSP (src/protocol/csp.ts),
 * nosniff, no referrer, no framing, HSTS when the server speaks TLS; the camera for the
 * app only; and `Cache-Control: no-store` on every API reply (they carry personal data,
 * and no browser or proxy cache should keep a copy).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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
    if (request.url.startsWith(`${API}/`) || request.url === '/healthz')
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
