/**
 * The upgrade test's version B: this code with one more SQLite migration, put into the
 * bundle by an esbuild plugin at build time. A stand-in for a real next version: what the
 * upgrade must survive is a schema step between the installed release and the new one.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { SQLITE_SCHEMA_VERSION } from '../../server/src/store/sqlite';

const END_OF_MIGRATIONS = '];\n\n/** The schema version this code writes';
const EXTRA = '  `CREATE TABLE release_upgrade_check (note TEXT);`,\n';

const extraMigration: Plugin = {
  name: 'extra-sqlite-migration',
  setup(build) {
    build.onLoad({ filter: /server[/\\]src[/\\]store[/\\]sqlite\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(END_OF_MIGRATIONS))
        throw new Error(
          'sqlite.ts: the end of MIGRATIONS moved; update tests/release/version-b.ts',
        );
      return {
        contents: text.replace(END_OF_MIGRATIONS, `${EXTRA}${END_OF_MIGRATIONS}`),
        loader: 'ts',
      };
    });
  },
};

/** Build options of version B, after version `a`: its patch number one higher. */
export function versionB(a: string) {
  const [major, minor, patch] = a.split(/[.-]/).map(Number);
  return {
    version: `${major}.${minor}.${(patch ?? 0) + 1}`,
    plugins: [extraMigration],
    sqliteSchema: SQLITE_SCHEMA_VERSION + 1,
  };
}
