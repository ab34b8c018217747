// @vitest-environment node
/**
 * The hall's TLS (issue 22) as an attacker on the hall's LAN meets it: the CA key never
 * leaves its 0600 file, and the plain-HTTP port answers with the CA page only, whatever
 * the path, method or Host header.
 */
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallTlsPaths } from '../../server/src/tls/tls-files';
import { httpsGet, initHallTls, replyOf } from '../fixtures/hall-tls';
import { type ServerProcess, startServer, tempDataDir } from '../integration/server-process';
import { adminCli } from './attack';

let server: ServerProcess;
let paths: ReturnType<typeof hallTlsPaths>;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await initHallTls(dataDir);
  paths = hallTlsPaths(dataDir);
  server = await startServer(dataDir, 0, { CA_PAGE_PORT: '0' });
}, 40_000);
afterAll(() => server.stop());

/** A raw request: fetch would not send a forged Host header. */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}) {
  const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
  return replyOf(request(`${url}${path}`, { method, headers }), body);
}

describe('the CA key', () => {
  it('is 0600 in a 0700 folder of its own, apart from the server key', () => {
    expect(statSync(paths.caKey).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(paths.caKey)).mode & 0o777).toBe(0o700);
    expect(dirname(paths.caKey)).not.toBe(dirname(paths.serverKey));
    expect(statSync(paths.serverKey).mode & 0o777).toBe(0o600);
  });

  it('is never served, on either port, under any name', async () => {
    const caKey = readFileSync(paths.caKey, 'utf8');
    const serverKey = readFileSync(paths.serverKey, 'utf8');
    const keyBody = (pem: string) => pem.split('\n')[1] ?? pem;
    const names = [
      '/ca.key',
      '/tls-ca/ca.key',
      '/tls/server.key',
      '/hall-ca.key',
      '/../tls-ca/ca.key',
      '/hall-ca.crt/../tls-ca/ca.key',
      '/%2e%2e/tls-ca/ca.key',
    ];
    const ca = readFileSync(paths.caCert);
    for (const name of names) {
      const plain = await raw(server.caPageUrl ?? '', 'GET', name);
      const secure = await httpsGet(`${server.url}${name}`, ca);
      for (const reply of [plain, secure]) {
        expect(reply.body, name).not.toContain(keyBody(caKey));
        expect(reply.body, name).not.toContain(keyBody(serverKey));
        expect(reply.body, name).not.toContain('PRIVATE KEY');
      }
      expect(plain.status, name).toBe(404);
    }
  });
});

describe('the plain-HTTP port', () => {
  it('serves no API route, no app, no health check', async () => {
    const url = server.caPageUrl ?? '';
    const attempts: [string, string][] = [
      ['POST', '/api/v1/enrol'],
      ['GET', '/api/v1/sites/hall-1/events?after=0'],
      ['POST', '/api/v1/sites/hall-1/events'],
      ['GET', '/api/v1/sites/hall-1/config'],
      ['POST', '/api/v1/admin/sites'],
      ['GET', '/healthz'],
      ['GET', '/settings'],
      ['GET', '/index.html'],
      ['POST', '/'],
      ['PUT', '/hall-ca.crt'],
    ];
    for (const [method, path] of attempts) {
      const reply = await raw(url, method, path, {
        authorization: 'Bearer test-admin-token-of-24-characters',
      });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body, `${method} ${path}`).toBe('not found');
    }
  });

  it('never redirects, nor names the host a forged Host header gives', async () => {
    const url = server.caPageUrl ?? '';
    for (const path of ['/', '/hall-ca.crt', '/api/v1/enrol', '/x']) {
      const reply = await raw(url, 'GET', path, {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
      });
      expect([200, 404], path).toContain(reply.status); // never a 3xx
      expect(reply.headers.location, path).toBeUndefined();
      expect(reply.body, path).not.toContain('evil.example');
    }
    const page = await raw(url, 'GET', '/', { host: 'evil.example' });
    expect(page.body).toContain('href="http://127.0.0.1:');
  });
});

describe('the CLI', () => {
  it('says what is wrong with a tls command, without a stack trace', async () => {
    const r = await adminCli(tempDataDir(), 'tls', 'init', '--name', '东门大厅', '--ip', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--ip nope: not an address/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 30_000);
});
