/**
 * Backups of the SQLite store that restore (issue 22). A backup is SQLite's online
 * backup (better-sqlite3 `db.backup()`): a consistent copy taken page by page while the
 * server keeps writing, so tablets push on. It is the database as stored: personal
 * fields stay sealed, and the key (PERSONAL_DATA_KEY / the key file) is never in it.
 *
 * Each backup is sealed (backup-seal.ts: an HMAC with a key derived from the personal
 * data key, in `<file>.mac`), and restored only as written: the seal must match, and the
 * schema must be exactly the one `migrate` makes (no table, column, index, trigger or view
 * more or less). Before it replaces anything, a restore lists the devices that only the
 * backup has, or that the backup has active while the live database has them revoked, and
 * asks.
 *
 * A restore is done with the server stopped (checked: it needs the file's exclusive
 * lock), refuses a copy of another server or of a newer schema, and starts a new epoch,
 * so every tablet learns that the server went back and sends again what it lacks
 * (src/sync/engine.ts). The database it replaces is kept beside it.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PersonalCipher } from '../personal/personal-crypto';
import { migrate, NEW_EPOCH_SQL, SQLITE_SCHEMA_VERSION } from '../store/sqlite';
import { sealBackup, sealProblem } from './backup-seal';

/** A refusal for the person at the console: the message says what to do. */
export class BackupError extends Error {}

export interface BackupFacts {
  server: string;
  epoch: number;
  schema: number;
  events: number;
  devices: number;
}

function factsOf(db: Database.Database, what: string): BackupFacts {
  const schema = Number(db.pragma('user_version', { simple: true }));
  const hasIdentity = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'server_identity'")
    .get();
  if (!hasIdentity)
    throw new BackupError(
      `${what} has no server identity: not a hall server's database, or one from before backups (start that server once)`,
    );
  const identity = db.prepare('SELECT id, epoch FROM server_identity').get() as {
    id: string;
    epoch: number;
  };
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    server: identity.id,
    epoch: identity.epoch,
    schema,
    events: count('events'),
    devices: count('devices'),
  };
}

function openFile(file: string, readonly: boolean): Database.Database {
  try {
    return new Database(file, { fileMustExist: true, readonly });
  } catch (e) {
    throw new BackupError(`${file}: ${(e as Error).message}`);
  }
}

/** The facts of a file, the database closed again. */
function readFacts(file: string, what: string): BackupFacts {
  const db = openFile(file, true);
  try {
    const check = String(db.pragma('quick_check', { simple: true }));
    if (check !== 'ok') throw new BackupError(`${what} is damaged: ${check}`);
    return factsOf(db, what);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${what} is not a hall server's database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Copies the live database to `target` (a new file, 0600) while the server runs, and seals it. */
export async function backupSqlite(
  live: string,
  target: string,
  cipher: PersonalCipher,
): Promise<BackupFacts & { seal: string }> {
  if (existsSync(target)) throw new BackupError(`${target} exists: name a new file`);
  const db = openFile(live, false);
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  // The umask (prepareDataDir) made it 0600 already; a file elsewhere is made so too.
  chmodSync(target, 0o600);
  // One self-contained file: the copy carries the WAL flag of the live database.
  const copy = openFile(target, false);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const facts = readFacts(target, target);
  return { ...facts, seal: sealBackup(target, cipher) };
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };
const SCHEMA_SQL =
  "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name";
const rowText = (r: SchemaRow) => `${r.type} ${r.name}${r.sql ? `: ${r.sql}` : ''}`;

/** What differs from the schema `migrate` makes at this version, one line each; empty when nothing. */
function schemaDifferences(db: Database.Database, version: number): string[] {
  const fresh = new Database(':memory:');
  try {
    migrate(fresh, version);
    const expected = new Set((fresh.prepare(SCHEMA_SQL).all() as SchemaRow[]).map(rowText));
    const found = new Set((db.prepare(SCHEMA_SQL).all() as SchemaRow[]).map(rowText));
    return [
      ...[...found].filter((r) => !expected.has(r)).map((r) => `  not made by migrate: ${r}`),
      ...[...expected].filter((r) => !found.has(r)).map((r) => `  missing: ${r}`),
    ];
  } finally {
    fresh.close();
  }
}

/**
 * Whether `file` may replace the live database: a hall server's, this server's (when a
 * live database exists), of a schema this code knows, sealed by this server's key, and of
 * exactly the schema `migrate` makes. `bytes` is the file checked for the seal and the
 * schema (the copy about to be restored), `file` only names it.
 */
export function checkBackup(
  file: string,
  live: string,
  cipher: PersonalCipher,
  bytes = file,
): BackupFacts & { sameServer: boolean } {
  const facts = readFacts(bytes, file);
  if (facts.schema > SQLITE_SCHEMA_VERSION)
    throw new BackupError(
      `${file} is at schema version ${facts.schema}, newer than this server's ${SQLITE_SCHEMA_VERSION}: restore it with the server version that made it`,
    );
  const current = existsSync(live) ? readFacts(live, `the database ${live}`) : null;
  if (current && current.server !== facts.server)
    throw new BackupError(
      `${file} is a backup of server ${facts.server}, this is server ${current.server}: refusing to put another server's data here`,
    );
  const sealed = sealProblem(file, bytes, cipher);
  if (sealed) throw new BackupError(sealed);
  const db = openFile(bytes, true);
  try {
    const differences = schemaDifferences(db, facts.schema);
    if (differences.length > 0)
      throw new BackupError(
        `${file} has a schema this server did not make: refusing it\n${differences.join('\n')}`,
      );
  } finally {
    db.close();
  }
  return { ...facts, sameServer: current !== null };
}

type DeviceRow = { id: string; site: string; revoked_at: number | null };

/**
 * The devices a restore of `file` would bring back that the live database does not let
 * in: unknown to it, or revoked in it and not in the backup. One line each.
 */
export function deviceDifferences(file: string, live: string): string[] {
  const read = (path: string) => {
    const db = openFile(path, true);
    try {
      return db
        .prepare('SELECT id, site, revoked_at FROM devices ORDER BY id')
        .all() as DeviceRow[];
    } finally {
      db.close();
    }
  };
  const current = new Map((existsSync(live) ? read(live) : []).map((d) => [d.id, d] as const));
  return read(file).flatMap((d) => {
    const now = current.get(d.id);
    if (!now) return [`  device ${d.id} (hall ${d.site}): only in the backup`];
    if (now.revoked_at !== null && d.revoked_at === null)
      return [`  device ${d.id} (hall ${d.site}): revoked here, active in the backup`];
    return [];
  });
}

/** Refuses while another process (the server) holds the database open. */
function assertStopped(live: string): void {
  const db = new Database(live, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    // Everything of the WAL into the file, so the database kept aside is whole.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    throw new BackupError(`${live} is in use: stop the server first`);
  } finally {
    db.close();
  }
}

/**
 * Puts `file` in place of the live database, brought up to this schema, in a new epoch.
 * The copy restored is the one checked (seal, schema); `confirm` is shown the devices it
 * would let in that the live database does not, and nothing is replaced unless it agrees.
 * Returns the facts and where the replaced database was kept (null when there was none).
 */
export async function restoreSqlite(
  file: string,
  live: string,
  now: number,
  cipher: PersonalCipher,
  confirm: (differences: readonly string[]) => Promise<boolean>,
): Promise<BackupFacts & { previousEpoch: number; keptAt: string | null }> {
  checkBackup(file, live, cipher);
  if (existsSync(live)) assertStopped(live);
  const next = `${live}.restoring`;
  rmSync(next, { force: true });
  copyFileSync(file, next);
  chmodSync(next, 0o600);
  try {
    const facts = checkBackup(file, live, cipher, next);
    const differences = deviceDifferences(next, live);
    if (differences.length > 0 && !(await confirm(differences)))
      throw new BackupError('restore cancelled: nothing was changed');
    const db = openFile(next, false);
    try {
      migrate(db);
      db.exec(NEW_EPOCH_SQL);
    } finally {
      db.close();
    }
    let keptAt: string | null = null;
    if (existsSync(live)) {
      keptAt = `${live}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(live, keptAt);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
    renameSync(next, live);
    const after = readFacts(live, live);
    return { ...after, previousEpoch: facts.epoch, keptAt };
  } finally {
    rmSync(next, { force: true });
  }
}
