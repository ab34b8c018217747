/**
 * The stores the fault schedules run over. A batch of schedules shares one fresh database
 * (one temp SQLite file, or one fresh PostgreSQL database): each schedule has its own site,
 * and sites never see each other's events, so a batch costs one set-up, not one per schedule.
 * `open()` may be called again on the same database: that is a server restart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
