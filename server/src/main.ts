/**
 * Starts the hall's server: sync API + the built PWA on one port. Stops gracefully on
 * SIGTERM/SIGINT: in-flight requests (and their transactions) finish first. The store is
 * the SQLite file in DATA_DIR, or PostgreSQL when DATABASE_URL is set (open-store.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { readConfig } from './config';
import { buildApp } from './http/app';
import { openStore } from './ops/data-dir';
import { createMetrics } from './ops/metrics';
import { startRetention } from './ops/retention';
import { describeStore } from './store/open-store';
import { buildCaPage } from './tls/ca-page';
import { watchExpiry } from './tls/expiry';
import { hallUrls } from './tls/hall-urls';

/** A setting that is wrong stops the start with its message, not a stack trace. */
function configOrExit(): ReturnType<typeof readConfig> {
  try {
    return readConfig();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}

const config = configOrExit();
const store = await openStore(config);

/**
 * The admin token: ADMIN_TOKEN, or one made at first start and kept in the data folder.
 * On PostgreSQL several instances answer the same admin calls: they need ADMIN_TOKEN.
 */
function adminToken(): string {
  if (config.adminToken) return config.adminToken;
  if (config.databaseUrl !== null) {
    console.error('set ADMIN_TOKEN with DATABASE_URL: every server instance must share it');
    process.exit(2);
  }
  const file = join(config.dataDir, 'admin-token');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const admin = adminToken();
if (config.metricsToken !== null && config.metricsToken === admin) {
  console.error('METRICS_TOKEN must differ from the admin token: a scraper may not administer');
  process.exit(2);
}
const metrics = config.metricsToken ? createMetrics(store, Date.now, config.staleAfterHours) : null;

const app = buildApp({
  store,
  adminToken: admin,
  metrics: metrics && config.metricsToken ? { metrics, token: config.metricsToken } : null,
  staticDir: config.staticDir,
  https: config.https,
  allowedOrigins: config.allowedOrigins,
  limits: config.limits,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

const boundPort = (server: { address(): unknown }) => (server.address() as AddressInfo).port;

// The plain-HTTP port hands out the hall CA's certificate, and nothing else (ca-page.ts).
const caPage: FastifyInstance | null =
  config.https && config.caCert && config.caPagePort !== null
    ? buildCaPage({
        caCertPem: config.caCert,
        pageOrigin: () => urls().caPageOrigin,
        appUrl: () => urls().appUrl,
      })
    : null;
const urls = (): ReturnType<typeof hallUrls> =>
  hallUrls(config.https?.cert ?? '', {
    https: boundPort(app.server),
    caPage: caPage ? boundPort(caPage.server) : 0,
  });
const stopRetention = startRetention(store, app.log, Date.now, undefined, (run) =>
  metrics?.retentionRun(run.outcome, run.outcome === 'ran' ? run.events : 0),
);
const stopExpiryWatch = config.https ? watchExpiry(config.https.cert, app.log) : () => {};

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  stopRetention();
  stopExpiryWatch();
  await caPage?.close();
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port: config.port, host: config.host });

if (caPage) {
  await caPage.listen({ port: config.caPagePort ?? 0, host: config.host });
  app.log.info(
    { caPage: urls().caPageOrigin, caPagePort: boundPort(caPage.server) },
    'CA page ready (plain HTTP: the hall CA certificate only)',
  );
}
app.log.info({ store: describeStore(config), https: !!config.https }, 'checkpoint server ready');
