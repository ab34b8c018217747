// @vitest-environment node
/**
 * A tablet whose app comes from another address than the server: the server answers the
 * origins it is configured for (ALLOWED_ORIGINS) and no other; the tablet names a CORS
 * or TLS failure as such instead of blaming the network.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/http/app';
import { parseAllowedOrigins } from '../../server/src/http/cors';
import { openSqliteStore } from '../../server/src/store/sqlite';
import { diagnoseFailure } from '../../src/sync/fetch-failure';

const store = openSqliteStore(':memory:');
const app = buildApp({
  store,
  adminToken: 'admin',
  allowedOrigins: parseAllowedOrigins('https://tablets.hall.example, http://192.168.1.20:8080'),
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('ALLOWED_ORIGINS on the server', () => {
  it('answers a configured origin’s preflight and requests, with the CORS headers', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/enrol',
      headers: {
        origin: 'https://tablets.hall.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://tablets.hall.example');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    const enrol = await app.inject({
      method: 'POST',
      url: '/api/v1/enrol',
      headers: { origin: 'http://192.168.1.20:8080' },
      payload: { code: 'nope', device: 'd1', name: 'door-1' },
    });
    expect(enrol.headers['access-control-allow-origin']).toBe('http://192.168.1.20:8080');
  });

  it('gives no CORS header to any other origin, nor to the admin API', async () => {
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/enrol',
      headers: { origin: 'https://evil.example' },
      payload: {},
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const adminCall = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/admin/sites',
      headers: { origin: 'https://tablets.hall.example' },
    });
    expect(adminCall.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a setting that is not a list of origins, saying which entry', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins('https://a.example/')).toEqual(['https://a.example']);
    expect(() => parseAllowedOrigins('https://a.example, hall.local')).toThrow(/"hall.local"/);
    expect(() => parseAllowedOrigins('https://a.example/path')).toThrow(/not an origin/);
  });
});

describe('naming a failed request', () => {
  const page = { origin: 'https://tablets.hall.example', online: true };
  const reachable = async () => new Response(null);
  const unreachable = async (): Promise<Response> => {
    throw new TypeError('Failed to fetch');
  };

  it('says CORS when the server answers an opaque request but not this origin', async () => {
    expect(await diagnoseFailure(reachable, 'https://server.example/api/v1/enrol', page)).toBe(
      'cors',
    );
  });

  it('says TLS for an https server that answers nothing, or an http server from an https page', async () => {
    expect(await diagnoseFailure(unreachable, 'https://server.example/api/v1/enrol', page)).toBe(
      'tls',
    );
    expect(await diagnoseFailure(reachable, 'http://192.168.1.9:8080/api/v1/enrol', page)).toBe(
      'tls',
    );
  });

  it('says offline when the device is offline, or its own server does not answer', async () => {
    expect(
      await diagnoseFailure(reachable, 'https://server.example/x', { ...page, online: false }),
    ).toBe('offline');
    expect(await diagnoseFailure(unreachable, `${page.origin}/api/v1/enrol`, page)).toBe('offline');
    expect(
      await diagnoseFailure(unreachable, 'http://server.example/x', {
        origin: 'http://tablets.example',
        online: true,
      }),
    ).toBe('offline');
  });
});
