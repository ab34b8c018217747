// @vitest-environment node
/** The store conformance suite on SQLite (a file, so the test can read every row too). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../server/src/store/sqlite';
import { storeConformance } from './conformance';

storeConformance('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'store-')), 'checkpoint.sqlite');
  const store = openSqliteStore(file);
  return {
    store,
    async liveText() {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[];
        return tables
          .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()))
          .join('\n');
      } finally {
        db.close();
      }
    },
  };
});
