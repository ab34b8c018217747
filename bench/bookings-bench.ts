/**
 * A site with 100,000 bookings (the security review's finding 12: one 16.7 MB config
 * reply, four pulls at once 3 s each, RSS ~1 GB, /healthz up to 2.9 s). The real server
 * process; the CLI imports 2,000 bookings a day over 50 days; then 4 tablets sync from
 * cold (config + each day of the window, gzip) at once, several rounds, while /healthz is
 * probed every 50 ms. Prints reply sizes, sync and /healthz latencies, and the RSS.
 *   npm run bench:bookings   (BOOKINGS to change the count)
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { bookingWindow, type ConfigReply } from '../src/protocol/api';
import { bookingsCsv } from '../tests/fixtures/bookings-csv';
import { manyBookings } from '../tests/fixtures/builders';
import { enrolledDevice, startServer } from '../tests/integration/server-process';
import { adminCli } from '../tests/security/attack';
import { rssMb } from './process-stats';
import { summarise } from './stats';

const BOOKINGS = Number(process.env.BOOKINGS ?? 100_000);
const DAYS = 50;
const TABLETS = 4;
const ROUNDS = 5;
const DAY = 24 * 3_600_000;

/** One GET as a tablet makes it (gzip accepted): status, wire bytes, decoded text, ms. */
function get(url: string, token: string, gzip = true) {
  const t0 = performance.now();
  return new Promise<{ status: number; wire: number; ms: number }>((resolve, reject) => {
    const req = request(
      url,
      {
        headers: {
          authorization: `Bearer ${token}`,
          'accept-encoding': gzip ? 'gzip' : 'identity',
        },
      },
      (res) => {
        let wire = 0;
        res.on('data', (c: Buffer) => {
          wire += c.length;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, wire, ms: performance.now() - t0 }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmt = (s: ReturnType<typeof summarise>) =>
  `median ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms (n ${s.n})`;

const server = await startServer();
try {
  const tokens: string[] = [];
  for (let t = 0; t < TABLETS; t++)
    tokens.push(await enrolledDevice(server.url, 'big', `tab-${t}`));
  const csv = join(server.dataDir, 'bookings.csv');
  writeFileSync(csv, bookingsCsv(manyBookings(BOOKINGS, Date.now() - 10 * DAY, DAYS)));
  const t0 = performance.now();
  const imported = await adminCli(server.dataDir, 'import-bookings', 'big', csv);
  console.log(`${imported.out.split('\n')[0]} in ${Math.round(performance.now() - t0)} ms`);
  const rssStart = rssMb(server.pid);

  const base = `${server.url}/api/v1/sites/big`;
  const token = tokens[0] ?? '';
  const config = await get(`${base}/config`, token);
  const window = bookingWindow(Date.now());
  const today = window[1] ?? '';
  const dayZipped = await get(`${base}/bookings/${today}`, token);
  const dayPlain = await get(`${base}/bookings/${today}`, token, false);
  const legacy = await get(`${base}/config?bookingsSince=0`, token, false);
  console.log(
    `config reply ${kb(config.wire)}; one day (${BOOKINGS / DAYS} bookings) ${kb(dayPlain.wire)}, gzip ${kb(dayZipped.wire)}; a cold sync of ${window.length} days ~${kb(config.wire + window.length * dayZipped.wire)}`,
  );
  console.log(`an old app's config (the window in one list): ${kb(legacy.wire)}`);

  let probing = true;
  let rssPeak = rssStart;
  const healthz: number[] = [];
  const prober = (async () => {
    while (probing) {
      const h = await get(`${server.url}/healthz`, token);
      healthz.push(h.ms);
      rssPeak = Math.max(rssPeak, rssMb(server.pid));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const coldSyncs: number[] = [];
  const warmSyncs: number[] = [];
  let errors = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      tokens.map(async (t) => {
        const start = performance.now();
        const c = await fetch(`${base}/config`, { headers: { authorization: `Bearer ${t}` } });
        const reply = (await c.json()) as ConfigReply;
        const days = await Promise.all(
          reply.bookingDays.map((d) => get(`${base}/bookings/${d.day}`, t)),
        );
        coldSyncs.push(performance.now() - start);
        errors += [c, ...days].filter((r) => r.status !== 200).length;
        const warm = await get(`${base}/config`, t);
        warmSyncs.push(warm.ms);
        if (warm.status !== 200) errors++;
      }),
    );
  }
  probing = false;
  await prober;
  console.log(`${TABLETS} tablets × ${ROUNDS} rounds, all at once:`);
  console.log(`  cold sync (config + ${window.length} days): ${fmt(summarise(coldSyncs))}`);
  console.log(`  warm sync (config, nothing changed): ${fmt(summarise(warmSyncs))}`);
  console.log(`  /healthz meanwhile: ${fmt(summarise(healthz))}`);
  console.log(`  errors (non-200): ${errors}`);
  console.log(`server RSS: ${rssStart} MB after the import, peak ${rssPeak} MB`);
} finally {
  await server.stop();
}
