/**
 * The stores the fault schedules run over. A batch of schedules shares one fresh database
 * (one SQLite file, or one fresh PostgreSQL database in the shared test cluster): each
 * schedule has its own site, and sites never see each other's events, so a batch costs
 * one set-up, not one per schedule. `open()` may be called again on the same database:
 * that is a server restart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../server/src/store/postgres';
import { openSqliteStore } from '../../server/src/store/sqlite';
import type { Store } from '../../server/src/store/store';

export interface BatchDatabase {
  open(): Promise<Store>;
  drop(): Promise<void>;
}

export interface StoreFactory {
  name: string;
  batch(): Promise<BatchDatabase>;
  close(): Promise<void>;
}

export const STORE_NAMES = ['sqlite', 'postgres'] as const;

export async function factoryFor(name: string, databaseUrl?: string): Promise<StoreFactory> {
  if (name === 'sqlite') return sqliteFactory();
  if (name === 'postgres') {
    if (!databaseUrl?.startsWith('postgres'))
      throw new Error('the postgres store needs a postgres:// URL (DATABASE_URL)');
    return postgresFactory(databaseUrl);
  }
  throw new Error(`unknown store "${name}": ${STORE_NAMES.join(', ')}`);
}

export function sqliteFactory(): StoreFactory {
  return {
    name: 'sqlite',
    async batch() {
      // In memory when the machine has a tmpfs (a restart still reopens the same file).
      const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
      const dir = mkdtempSync(join(base, 'faults-sqlite-'));
      const file = join(dir, 'checkpoint.sqlite');
      return {
        open: async () => openSqliteStore(file),
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    close: async () => {},
  };
}

/** One fresh database per batch inside the cluster at `url`, dropped after it. */
export function postgresFactory(url: string): StoreFactory {
  let made = 0;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async batch() {
      const name = `faults_${process.pid}_${made++}`;
      await admin(`CREATE DATABASE "${name}"`);
      const at = new URL(url);
      at.pathname = `/${name}`;
      return {
        open: () => openPostgresStore(at.toString(), { max: 4 }),
        drop: () => admin(`DROP DATABASE "${name}" WITH (FORCE)`),
      };
    },
    close: async () => {},
  };
}
