// @vitest-environment node
/**
 * Issue 35, finding 6: `/%61pi/v1/…` reached the pull API without `Cache-Control:
 * no-store`; with METRICS_TOKEN unset `/metrics` answered 200 with the app shell; the
 * admin token was compared with `!==` and could be of any length; admin-API purges were
 * not counted in `checkpoint_retention_purged_events_total`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { families, METRICS_TOKEN, value } from '../integration/scrape';
import { admin, type ServerProcess, startServer, tempDataDir } from '../integration/server-process';
import * as attack from './attack';

const { call, personalVisit, runCommand } = attack;
const DAY = 86_400_000;

/** A data folder whose dist has an app shell, as a hall's install has. */
function withAppShell(): { dataDir: string; dist: string } {
  const dataDir = tempDataDir();
  const dist = join(dataDir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  return { dataDir, dist };
}

describe('headers after routing, and /metrics off', () => {
  let server: ServerProcess;
  let token: string;
  beforeAll(async () => {
    const { dataDir, dist } = withAppShell();
    server = await startServer(dataDir, 0, { STATIC_DIR: dist });
    token = await attack.enrolledToken(server.url, 'hall-e', 'tab-e');
  }, 40_000);
  afterAll(() => server.stop());

  it('marks every API reply no-store, whatever the spelling of its path', async () => {
    for (const path of [
      '/%61pi/v1/sites/hall-e/events?after=0',
      '/api/%761/sites/hall-e/events?after=0',
      '/api/v1/%73ites/hall-e/config',
      '/%61pi/v1/sites/hall-e/nothing-here',
    ]) {
      const reply = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(reply.headers.get('cache-control'), path).toBe('no-store');
      expect(reply.headers.get('content-type'), path).toMatch(/json/);
    }
  });

  it('answers /metrics 404 when METRICS_TOKEN is unset, not the app shell', async () => {
    for (const path of ['/metrics', '/%6detrics']) {
      const reply = await fetch(`${server.url}${path}`);
      expect(reply.status, path).toBe(404);
      expect(await reply.text(), path).not.toContain('<title>app</title>');
    }
  });
});

describe('the admin token', () => {
  it('must have 24 characters or more: the server says so and does not start', async () => {
    const r = await runCommand(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      ADMIN_TOKEN: 'short-admin-token',
      DATA_DIR: tempDataDir(),
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ADMIN_TOKEN must be at least 24 characters/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('is compared in constant time (hashes compared with timingSafeEqual)', async () => {
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync('server/src/routes/device-auth.ts', 'utf8'),
    );
    expect(source).toMatch(/sameSecret\(bearer\(request\), adminToken\)/);
    expect(source).not.toMatch(/!== adminToken/);
  });
});

describe('the purge counter', () => {
  it('counts a purge asked through the admin API', async () => {
    const server = await startServer(tempDataDir(), 0, { METRICS_TOKEN });
    try {
      const token = await attack.enrolledToken(server.url, 'hall-c', 'tab-c');
      const events = personalVisit(0, 'hall-c', 'tab-c', Date.now() - 40 * DAY);
      await call(server.url, 'POST', '/sites/hall-c/events', { token, body: { events } });
      const before = Number(
        value((await families(server.url)).get('checkpoint_retention_purged_events_total'), {})
          ?.value ?? 0,
      );
      const purge = await admin(server.url, 'POST', '/sites/hall-c/retention', {});
      expect(purge.body).toMatchObject({ events: 1 });
      const after = Number(
        value((await families(server.url)).get('checkpoint_retention_purged_events_total'), {})
          ?.value,
      );
      expect(after - before).toBe(1);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
