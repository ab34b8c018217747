/**
 * The data folder holds the database, its WAL and SHM, the admin token and (by default)
 * the personal data key: readable by the server's user only. The umask makes every file
 * SQLite creates later (WAL, SHM, a VACUUM's temporary file) 0600 too; files of an older
 * install are tightened on start.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encryptPersonalData } from './personal-crypto';
import { loadPersonalCipher } from './personal-keys';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/store';

export function prepareDataDir(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (statSync(path).isFile()) chmodSync(path, 0o600);
  }
}

/** The store the server and the CLI use: personal fields encrypted whatever the backend. */
export function openStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): Store {
  prepareDataDir(dataDir);
  const cipher = loadPersonalCipher(dataDir, env);
  return encryptPersonalData(openSqliteStore(join(dataDir, 'checkpoint.sqlite')), cipher);
}
