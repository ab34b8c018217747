/**
 * Backups of the SQLite store that restore (issue 22). A backup is SQLite's online
 * backup (better-sqlite3 `db.backup()`): a consistent copy taken page by page while the
 * server keeps writing, so tablets push on. It is the database as stored: personal
 * fields stay sealed, and the key (PERSONAL_DATA_KEY / the key file) is never in it.
 *
 * A restore is done with the server stopped (checked: it needs the file's exclusive
 * lock), refuses a copy of another server or of a newer schema, and starts a new epoch,
 * so every tablet learns that the server went back and sends again what it lacks
 * (src/sync/engine.ts). The database it replaces is kept beside it.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, NEW_EPOCH_SQL, SQLITE_SCHEMA_VERSION } from '../store/sqlite';

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

/** Copies the live database to `target` (a new file, 0600) while the server runs. */
export async function backupSqlite(live: string, target: string): Promise<BackupFacts> {
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
  return readFacts(target, target);
}

/**
 * Whether `file` may replace the live database: a hall server's, this server's (when a
 * live database exists) and of a schema this code knows.
 */
export function checkBackup(file: string, live: string): BackupFacts & { sameServer: boolean } {
  const facts = readFacts(file, file);
  if (facts.schema > SQLITE_SCHEMA_VERSION)
    throw new BackupError(
      `${file} is at schema version ${facts.schema}, newer than this server's ${SQLITE_SCHEMA_VERSION}: restore it with the server version that made it`,
    );
  if (!existsSync(live)) return { ...facts, sameServer: false };
  const current = readFacts(live, `the database ${live}`);
  if (current.server !== facts.server)
    throw new BackupError(
      `${file} is a backup of server ${facts.server}, this is server ${current.server}: refusing to put another server's data here`,
    );
  return { ...facts, sameServer: true };
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
 * Returns the facts and where the replaced database was kept (null when there was none).
 */
export function restoreSqlite(
  file: string,
  live: string,
  now: number,
): BackupFacts & { previousEpoch: number; keptAt: string | null } {
  const facts = checkBackup(file, live);
  if (existsSync(live)) assertStopped(live);
  const next = `${live}.restoring`;
  rmSync(next, { force: true });
  copyFileSync(file, next);
  chmodSync(next, 0o600);
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
}
