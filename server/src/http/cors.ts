/**
 * Cross-origin access to the sync API for tablets whose app comes from another address
 * than the server (a PWA served by the county, a server on the hall's LAN). Only the
 * origins configured in ALLOWED_ORIGINS get the CORS headers; the admin API never does.
 * Without them the browser blocks the reply and the tablet names the failure 'cors'.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../../src/protocol/api';

/** ALLOWED_ORIGINS: comma-separated origins (scheme://host[:port]); refuses anything else. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((raw) => {
    const text = raw.trim().replace(/\/+$/, '');
    let origin: string;
    try {
      origin = new URL(text).origin;
    } catch {
      origin = '';
    }
    if (origin !== text || !/^https?:/.test(origin))
      throw new Error(
        `ALLOWED_ORIGINS: "${raw.trim()}" is not an origin like https://hall.example:8443`,
      );
    return origin;
  });
}

export function allowOrigins(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const path = request.url;
    if (!origin || !allowed.has(origin)) return;
    if (!path.startsWith(`${API}/`) || path.startsWith(`${API}/admin`)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type, accept');
      reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
}
