// @vitest-environment node
/**
 * Findings 6 and 9: no security headers (no CSP, nosniff, referrer policy,
 * frame-ancestors, Permissions-Policy; personal data replies cacheable), and the source
 * maps of 179 files served publicly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../integration/server-process';
import { startServer, tempDataDir } from '../integration/server-process';
import { call, enrol, newCode, newSite } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  // A dist with a source map left in it, as the build used to make.
  const dataDir = tempDataDir();
  const dist = join(dataDir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(
    join(dist, 'assets', 'index.js'),
    'console.log(1)\n//# sourceMappingURL=index.js.map',
  );
  writeFileSync(join(dist, 'assets', 'index.js.map'), '{"sources":["src/secret.ts"]}');
  server = await startServer(dataDir, 0, { STATIC_DIR: dist });
}, 40_000);
afterAll(() => server.stop());

describe('finding 6: security headers', () => {
  it('sends the CSP, nosniff, no referrer, no framing and the camera for self only', async () => {
    const page = await fetch(`${server.url}/settings`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(self\)/);
    // The thermometer (Web Bluetooth) for the app's own origin, never for another.
    expect(page.headers.get('permissions-policy')).toMatch(/(^|, )bluetooth=\(self\)(,|$)/);
    expect(page.headers.get('strict-transport-security')).toBeNull(); // no TLS here
  });

  it('marks every API reply no-store, personal data and errors alike', async () => {
    await newSite(server.url, 'hall-6');
    const enrolled = await enrol(server.url, await newCode(server.url, 'hall-6'), 'tab-6');
    const token = String(enrolled.body.token);
    const replies = [
      enrolled,
      await call(server.url, 'GET', '/sites/hall-6/events?after=0', { token }),
      await call(server.url, 'GET', '/sites/hall-6/config', { token }),
      await call(server.url, 'GET', '/sites/hall-6/events', { token: 'wrong' }),
    ];
    for (const r of replies) expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('finding 9: source maps', () => {
  it('never serves a source map, even one left in dist, nor the app shell in its place', async () => {
    const map = await fetch(`${server.url}/assets/index.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret');
  });

  it('builds without source maps', async () => {
    const config = (await import('../../vite.config')).default as {
      build?: { sourcemap?: unknown };
    };
    expect(config.build?.sourcemap).toBe(false);
  });
});
