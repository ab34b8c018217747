/**
 * What the sync engine reads and writes on the tablet. The server's cursor and the seq
 * it holds are kept in `meta` and only moved in the same transaction as the data they
 * describe, so a crash can never leave the cursor ahead of what is stored.
 */
import type { Booking } from '../domain/booking';
import type { CheckpointEvent } from '../domain/events';
import { highestTickets } from '../domain/ticket-clash';
import { foldVisit, type Visit } from '../domain/visit';
import type { CheckpointDb } from './database';
import { ticketCounterKey } from './event-log';
import { lowerCleanMark } from './retention-mark';
import { endTakeOver } from './take-over';

const HELD_SEQ = 'sync:held-seq';
const CURSOR = 'sync:cursor';
/** The server's epoch last seen (server/src/store/store.ts: a restore changes it). */
const EPOCH = 'sync:server-epoch';

async function metaValue(db: CheckpointDb, key: string): Promise<number> {
  return (await db.meta.get(key))?.value ?? 0;
}

/** The last seq of this device's events that the server acknowledged holding. */
export function heldSeq(db: CheckpointDb): Promise<number> {
  return metaValue(db, HELD_SEQ);
}

/** This device's events after `held` (those the server does not hold yet), in seq order. */
export function unsentEvents(db: CheckpointDb, device: string, held: number) {
  return db.events
    .where('[device+seq]')
    .between([device, held + 1], [device, Number.POSITIVE_INFINITY]);
}

/** This device's events the server does not hold yet, in seq order. */
export async function pendingEvents(
  db: CheckpointDb,
  device: string,
  limit: number,
): Promise<CheckpointEvent[]> {
  return unsentEvents(db, device, await metaValue(db, HELD_SEQ))
    .limit(limit)
    .toArray();
}

export async function pendingCount(db: CheckpointDb, device: string): Promise<number> {
  return unsentEvents(db, device, await metaValue(db, HELD_SEQ)).count();
}

/**
 * When the oldest record only this tablet holds was written (its own clock), or null when
 * the server holds everything: what a wiped tablet would lose goes back to then.
 */
export async function pendingSince(db: CheckpointDb, device: string): Promise<number | null> {
  const oldest = await unsentEvents(db, device, await metaValue(db, HELD_SEQ)).first();
  return oldest?.at ?? null;
}

/**
 * How many visitors the records only this tablet holds belong to: staff think in visitors,
 * not in events (a visit is a dozen of them). Records of no visit (tasks, incidents) are
 * not counted here.
 */
export async function pendingVisitors(db: CheckpointDb, device: string): Promise<number> {
  const visits = new Set<string>();
  await unsentEvents(db, device, await metaValue(db, HELD_SEQ)).each((e) => {
    if (e.visit) visits.add(e.visit);
  });
  return visits.size;
}

/** Records that the server holds every event of this device up to `heldSeq`. */
export async function markHeld(db: CheckpointDb, heldSeq: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (heldSeq > (await metaValue(db, HELD_SEQ)))
      await db.meta.put({ key: HELD_SEQ, value: heldSeq });
  });
}

/**
 * The one place `heldSeq` goes down: the server went back in time (restored from a copy)
 * when its epoch changed or it holds less of this device than acknowledged. Lowers
 * `heldSeq` to what the server holds, so the events after it are pending again (and the
 * retention purge leaves them alone until they are held again), and resets the pull
 * cursor, the restored server's cursors having gone back too. One transaction: a crash
 * never leaves the epoch recorded without the lowering it called for.
 */
export async function reconcileServer(
  db: CheckpointDb,
  device: string,
  server: { epoch: number } | undefined,
  serverHeldSeq: number | undefined,
): Promise<{ from: number; to: number; purged: number; epochChanged: boolean } | null> {
  return db.transaction('rw', [db.events, db.meta], async () => {
    const held = await metaValue(db, HELD_SEQ);
    const known = (await db.meta.get(EPOCH))?.value;
    if (server && known !== server.epoch) await db.meta.put({ key: EPOCH, value: server.epoch });
    const epochChanged = server !== undefined && known !== undefined && known !== server.epoch;
    const behind = serverHeldSeq !== undefined && serverHeldSeq < held;
    if (!epochChanged && !behind) return null;
    const to = behind ? serverHeldSeq : held;
    await db.meta.put({ key: HELD_SEQ, value: to });
    await db.meta.put({ key: CURSOR, value: 0 });
    const purged = await unsentEvents(db, device, to)
      .filter((e) => e.seq <= held && e.purgedAt !== undefined)
      .count();
    return { from: held, to, purged, epochChanged };
  });
}

export function pullCursor(db: CheckpointDb): Promise<number> {
  return metaValue(db, CURSOR);
}

/**
 * Stores pulled events this tablet lacks, refolds the visits they touch and advances
 * the cursor, all in one transaction. `complete`: the server has nothing after these, so
 * a tablet waiting to take over its door (./take-over.ts) may open it. Returns how many
 * events were new.
 */
export async function applyPulled(
  db: CheckpointDb,
  events: readonly CheckpointEvent[],
  cursor: number,
  complete = false,
): Promise<number> {
  return db.transaction('rw', [db.events, db.visits, db.meta], async () => {
    const known = new Set(
      (await db.events.bulkGet(events.map((e) => e.id))).flatMap((e) => (e ? [e.id] : [])),
    );
    const fresh = events.filter((e) => !known.has(e.id));
    if (fresh.length > 0) {
      await db.events.bulkAdd(fresh);
      await lowerCleanMark(db, Math.min(...fresh.map((e) => e.at)));
    }
    const touched = [...new Set(fresh.flatMap((e) => (e.visit ? [e.visit] : [])))];
    const visits: Visit[] = [];
    for (const id of touched) {
      const visit = foldVisit(await db.events.where('visit').equals(id).toArray());
      if (visit) visits.push(visit);
    }
    await db.visits.bulkPut(visits);
    // Tickets another tablet of this door issued (the one this tablet replaces): the
    // counter goes on after them, so no number is issued twice.
    for (const [dayLetter, n] of highestTickets(visits)) {
      const [day = '', letter = ''] = dayLetter.split(':');
      const key = ticketCounterKey(day, letter);
      if (n > (await metaValue(db, key))) await db.meta.put({ key, value: n });
    }
    if (cursor > (await metaValue(db, CURSOR))) await db.meta.put({ key: CURSOR, value: cursor });
    if (complete) await endTakeOver(db);
    return fresh.length;
  });
}

/** Each day's bookings version as last received from the server: `sync:booking-day:YYYY-MM-DD`. */
const BOOKING_DAY = 'sync:booking-day:';

/** The version of each day's bookings this tablet holds from the server, by day. */
export async function bookingDayVersions(db: CheckpointDb): Promise<Map<string, number>> {
  const rows = await db.meta.where('key').startsWith(BOOKING_DAY).toArray();
  return new Map(rows.map((r) => [r.key.slice(BOOKING_DAY.length), r.value]));
}

/**
 * Replaces one day's bookings with the server's list and records its version, in one
 * transaction; forgets the versions of days before `oldestServed` (they are no longer
 * served, and retention removes their bookings).
 */
export async function applyBookingDay(
  db: CheckpointDb,
  reply: { day: string; version: number; bookings: readonly Booking[] },
  oldestServed: string,
): Promise<void> {
  await db.transaction('rw', [db.bookings, db.meta], async () => {
    await db.bookings.where('day').equals(reply.day).delete();
    await db.bookings.bulkPut([...reply.bookings]);
    await db.meta.put({ key: BOOKING_DAY + reply.day, value: reply.version });
    await db.meta
      .where('key')
      .between(BOOKING_DAY, BOOKING_DAY + oldestServed)
      .delete();
  });
}
