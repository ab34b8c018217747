/**
 * Which store backend the server and the admin CLI use: PostgreSQL when DATABASE_URL is
 * a postgres:// URL, otherwise the SQLite file in DATA_DIR (the default: `npm start` with
 * no configuration keeps one file beside the server). data-dir.ts wraps it (personal
 * fields sealed at rest).
 */
import { join } from 'node:path';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Store } from './store';

export type StoreConfig = { databaseUrl: string | null; dataDir: string };

export function isPostgresUrl(url: string | null | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'checkpoint.sqlite');
}

export async function openBackend(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl !== null) {
    if (!isPostgresUrl(config.databaseUrl))
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return openPostgresStore(config.databaseUrl);
  }
  return openSqliteStore(sqliteFile(config.dataDir));
}

/** Where the store lives, for logs (no password). */
export function describeStore(config: StoreConfig): string {
  if (config.databaseUrl === null) return `sqlite:${sqliteFile(config.dataDir)}`;
  const u = new URL(config.databaseUrl);
  return `postgres://${u.host}${u.pathname}`;
}
