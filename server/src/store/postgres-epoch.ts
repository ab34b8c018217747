/**
 * The epoch a PostgreSQL store announces (issue 22): the stored epoch (server_identity,
 * which `new-epoch` moves) mixed with facts of the database that a restore or a failover
 * changes and normal operation never does. A dump restored without `new-epoch` then still
 * announces a new epoch, and every tablet pulls from the start (docs/operations.md).
 *
 * A spurious change costs every tablet a full re-sync (harmless, everything is idempotent,
 * but not free): no fact here moves with writes, checkpoints, WAL segments, VACUUM FULL,
 * restarts or reconnects (tests/pg/epoch.test.ts).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface EpochFacts {
  /** pg_database.oid: new with every CREATE DATABASE (pg_restore into a new database). */
  database: string;
  /** The events table's OID: new when the table is made again (pg_restore --clean). */
  events: string;
  /** pg_control_system()'s system_identifier: new with every initdb (another cluster). */
  system: string;
  /** The timeline WAL is written on: new with every promotion (PITR, failover). */
  timeline: string;
}

/** A fact this role may not read (or this PostgreSQL does not offer): a constant. */
export const UNREADABLE = 'unreadable';

/** Deterministic, in today's range (1 … 2147483646, newEpoch's): tablets compare equality. */
export function announcedEpoch(stored: number, facts: EpochFacts): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([stored, facts.database, facts.events, facts.system, facts.timeline]))
    .digest();
  return 1 + (digest.readUIntBE(0, 6) % 2_147_483_646);
}

/**
 * Refused for lack of a privilege, or not there (a managed service): the answer is
 * UNREADABLE, every time, so the epoch stays stable. Any other error (the connection
 * dropped) is thrown: degrading on a passing error would change the epoch.
 */
const NOT_OFFERED = new Set(['42501', '42883', '0A000']);

async function readable(db: Pick<pg.Pool, 'query'>, sql: string): Promise<string> {
  try {
    const { rows } = await db.query<{ fact: string | null }>(sql);
    return rows[0]?.fact ?? UNREADABLE;
  } catch (err) {
    if (NOT_OFFERED.has((err as { code?: string }).code ?? '')) return UNREADABLE;
    throw err;
  }
}

/** The stored identity and the facts, as the pool's connection sees them now. */
export async function readIdentity(
  db: Pick<pg.Pool, 'query'>,
): Promise<{ id: string; stored: number; facts: EpochFacts }> {
  const { rows } = await db.query<{ id: string; epoch: string; database: string; events: string }>(
    `SELECT i.id, i.epoch, d.oid::text AS database, 'events'::regclass::oid::text AS events
     FROM server_identity i JOIN pg_database d ON d.datname = current_database()`,
  );
  const row = rows[0];
  const system = await readable(
    db,
    'SELECT system_identifier::text AS fact FROM pg_control_system()',
  );
  // The timeline of the WAL being written: a promotion changes it at once, whereas
  // pg_control_checkpoint()'s timeline_id waits for the next checkpoint (minutes).
  const walFile = await readable(db, 'SELECT pg_walfile_name(pg_current_wal_lsn()) AS fact');
  const timeline =
    walFile === UNREADABLE ? walFile : String(Number.parseInt(walFile.slice(0, 8), 16));
  return {
    id: row?.id ?? '',
    stored: Number(row?.epoch ?? 0),
    facts: { database: row?.database ?? '', events: row?.events ?? '', system, timeline },
  };
}
