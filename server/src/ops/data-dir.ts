/**
 * The data folder holds the database, its WAL and SHM, the admin token and (by default)
 * the personal data key: readable by the server's user only. The umask makes every file
 * SQLite creates later (WAL, SHM, a VACUUM's temporary file) 0600 too; files of an older
 * install are tightened on start.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encryptPersonalData, type PersonalCipher } from '../personal/personal-crypto';
import { loadPersonalCipher } from '../personal/personal-keys';
import { openBackend, type StoreConfig } from '../store/open-store';
import type { Store } from '../store/store';

export function prepareDataDir(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (statSync(path).isFile()) chmodSync(path, 0o600);
  }
}

/**
 * The store the server and the CLI use: personal fields encrypted whatever the backend
 * (SQLite in the data folder, or PostgreSQL with DATABASE_URL). Server instances sharing
 * one PostgreSQL database must share the keys too, so there a key file made on first
 * start (one per instance's data folder) is refused: PERSONAL_DATA_KEY or
 * PERSONAL_DATA_KEY_FILE must say which.
 */
export async function openStore(
  config: StoreConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  const { backend, cipher } = await openSealedBackend(config, env);
  return encryptPersonalData(backend, cipher);
}

/**
 * The backend as stored (personal fields sealed) and the cipher that opens them, for a
 * reader that must open each event on its own: `verify` reports a value that no longer
 * opens at its event instead of failing the whole page.
 */
export async function openSealedBackend(
  config: StoreConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ backend: Store; cipher: PersonalCipher }> {
  prepareDataDir(config.dataDir);
  if (config.databaseUrl !== null && !env.PERSONAL_DATA_KEY && !env.PERSONAL_DATA_KEY_FILE)
    throw new Error(
      'with DATABASE_URL set PERSONAL_DATA_KEY (or PERSONAL_DATA_KEY_FILE): every server instance must open what another sealed',
    );
  const cipher = loadPersonalCipher(config.dataDir, env);
  return { backend: await openBackend(config), cipher };
}
