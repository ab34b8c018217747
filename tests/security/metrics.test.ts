/**
 * /metrics and `admin -- status` as an attacker and a privacy reviewer see them: the
 * metrics token alone opens /metrics, and neither shows a name, an ID number or a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_TOKEN } from '../integration/scrape';
import { ADMIN, type ServerProcess, startServer, tempDataDir } from '../integration/server-process';
import { adminCli, call, enrolledToken, personalValues, personalVisit } from './attack';

const scrape = (url: string, token?: string) =>
  fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('/metrics and admin status', () => {
  let server: ServerProcess;
  let deviceToken: string;
  let values: string[];

  beforeAll(async () => {
    server = await startServer(tempDataDir(), 0, { METRICS_TOKEN });
    deviceToken = await enrolledToken(server.url, 'hall-m', 'tablet-m');
    const events = personalVisit(1, 'hall-m', 'tablet-m', Date.now() - 60_000);
    values = personalValues(events);
    const push = await call(server.url, 'POST', '/sites/hall-m/events', {
      token: deviceToken,
      body: { events },
    });
    expect(push.status).toBe(200);
  }, 60_000);
  afterAll(() => server.stop());

  it('refuses no token, a wrong one, a device token and the admin token; the metrics token reads', async () => {
    expect((await scrape(server.url)).status).toBe(401);
    expect((await scrape(server.url, 'not-the-token')).status).toBe(401);
    expect((await scrape(server.url, deviceToken)).status).toBe(401);
    expect((await scrape(server.url, ADMIN)).status).toBe(401);
    const ok = await scrape(server.url, METRICS_TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('the metrics token opens nothing else', async () => {
    const site = { token: METRICS_TOKEN, body: { id: 'hall-x', name: 'x' } };
    expect((await call(server.url, 'POST', '/admin/sites', site)).status).toBe(401);
    expect(
      (await call(server.url, 'GET', '/sites/hall-m/events', { token: METRICS_TOKEN })).status,
    ).toBe(401);
  });

  it('an unknown site in a refused URL does not become a label', async () => {
    await call(server.url, 'GET', '/sites/attacker-chosen-hall/events', { token: 'junk' });
    const text = await (await scrape(server.url, METRICS_TOKEN)).text();
    expect(text).not.toContain('attacker-chosen-hall');
    expect(text).toMatch(
      /checkpoint_sync_request_duration_seconds_count\{hall="none",route="pull",status="401"\} \d+/,
    );
  });

  it('neither /metrics nor admin status shows personal data', async () => {
    const text = await (await scrape(server.url, METRICS_TOKEN)).text();
    const status = await adminCli(server.dataDir, 'status');
    expect(status.code).toBe(0);
    expect(status.out).toContain('tablet-m');
    expect(values.length).toBe(3);
    for (const value of values) {
      expect(text).not.toContain(value);
      expect(status.out).not.toContain(value);
    }
  });

  it('without METRICS_TOKEN there is no /metrics', async () => {
    const plain = await startServer();
    try {
      expect((await scrape(plain.url)).status).toBe(404);
      expect((await scrape(plain.url, ADMIN)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  }, 60_000);
});
