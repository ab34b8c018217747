/**
 * What a tablet reports of itself (its app version, its events waiting) lands in an
 * admin's terminal and in Prometheus: a device token must not get text of its choosing
 * there (terminal escapes, newlines, 10 KB), nor stop its own sync by trying. And the
 * status still shows no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_TOKEN } from '../integration/scrape';
import { type ServerProcess, startServer, tempDataDir } from '../integration/server-process';
import { adminCli, call, enrolledToken, personalValues, personalVisit } from './attack';

const SITE = 'hall-e';

/** Set the window title, clear the screen, a fake row on a new line, a bell. */
const HOSTILE = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[31mEVIL',
  '1.0.0\nhall-e  tab-fake  just now  ok',
  '1.0.0\r\u001b[KEVIL',
  `1.0.${'9'.repeat(10_240)}`,
  `EVIL${'\u001b[0m'.repeat(2_000)}`,
];

const query = (app: string, waiting: string) => new URLSearchParams({ app, waiting }).toString();

describe('a hostile self-report', () => {
  let server: ServerProcess;
  let token: string;
  let values: string[];

  beforeAll(async () => {
    server = await startServer(tempDataDir(), 0, { METRICS_TOKEN });
    token = await enrolledToken(server.url, SITE, 'tab-e');
    const events = personalVisit(1, SITE, 'tab-e', Date.now() - 60_000);
    values = personalValues(events);
    // Pushes always record the report: each hostile value gets its chance.
    for (const [i, app] of HOSTILE.entries()) {
      const push = await call(
        server.url,
        'POST',
        `/sites/${SITE}/events?${query(app, i % 2 ? '-1' : `1${'0'.repeat(30)}`)}`,
        { token, body: { events } },
      );
      // Ignored, not refused: a tablet's sync never stops over what it says of itself.
      expect(push.status).toBe(200);
      const pull = await call(
        server.url,
        'GET',
        `/sites/${SITE}/events?after=0&${query(app, '3e2')}`,
        {
          token,
        },
      );
      expect(pull.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => server.stop());

  it('reaches neither admin status nor /metrics: the tablet shows as never having said', async () => {
    const status = await adminCli(server.dataDir, 'status');
    expect(status.code).toBe(0);
    const metrics = await (
      await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    for (const text of [status.out, metrics]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toContain('\u0007');
      expect(text).not.toContain('\r');
      expect(text).not.toMatch(/pwned|EVIL|tab-fake|9{100}/);
    }
    const rows = status.out.split('\n').filter((l) => l.includes(SITE));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/tab-e\s+just now\s+just now\s+—\s+—\s/);
    expect(status.out.length).toBeLessThan(1_000);
    expect(metrics).toMatch(/checkpoint_device_events_waiting\{hall="hall-e"\} 0/);
  });

  it('a valid report afterwards is kept; hostile ones after it change nothing', async () => {
    const good = await call(server.url, 'POST', `/sites/${SITE}/events?${query('1.2.3', '4')}`, {
      token,
      body: { events: personalVisit(1, SITE, 'tab-e', Date.now() - 60_000) },
    });
    expect(good.status).toBe(200);
    for (const app of HOSTILE)
      await call(server.url, 'POST', `/sites/${SITE}/events?${query(app, 'x')}`, {
        token,
        body: { events: personalVisit(1, SITE, 'tab-e', Date.now() - 60_000) },
      });
    const status = await adminCli(server.dataDir, 'status');
    expect(status.out).toMatch(/tab-e\s+just now\s+just now\s+4\s+1\.2\.3\s/);
    expect(status.out).not.toContain('\u001b');
  });

  it('admin status shows no personal data', async () => {
    const status = await adminCli(server.dataDir, 'status');
    expect(values.length).toBe(3);
    for (const value of values) expect(status.out).not.toContain(value);
  });
});
