/**
 * Starts the hall's server: sync API + the built PWA on one port. Stops gracefully on
 * SIGTERM/SIGINT: in-flight requests (and their SQLite transactions) finish first.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { readConfig } from './config';
import { openStore } from './data-dir';
import { startRetention } from './retention';

const config = readConfig();
const store = openStore(config.dataDir);

/** The admin token: ADMIN_TOKEN, or one made at first start and kept in the data folder. */
function adminToken(): string {
  if (config.adminToken) return config.adminToken;
  const file = join(config.dataDir, 'admin-token');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const app = buildApp({
  store,
  adminToken: adminToken(),
  staticDir: config.staticDir,
  https: config.https,
  allowedOrigins: config.allowedOrigins,
  limits: config.limits,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

const stopRetention = startRetention(store, app.log);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  stopRetention();
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info({ dataDir: config.dataDir, https: !!config.https }, 'checkpoint server ready');
