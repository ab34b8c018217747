/**
 * The retention purge on the tablet: personal data of visits (and of the day's
 * records) older than the policy allows is removed from the events and the
 * projections, only where the server holds those events, in transactions that also
 * record the purge as a device event. Bookings of those days go entirely.
 */
import type { CheckpointEvent } from '../domain/events';
import { personOf } from '../domain/ledger';
import {
  hasPersonalData,
  heldByServer,
  PERSONAL_RECORD_TYPES,
  withoutPersonalData,
} from '../domain/retention';
import { dayKey, dayStart } from '../domain/time';
import { foldVisit, groupByVisit, type Visit } from '../domain/visit';
import type { CheckpointDb } from './database';
import type { EventLog } from './event-log';
import { cleanBefore, raiseCleanMark } from './retention-mark';
import { heldSeq, unsentEvents } from './sync-store';

/**
 * Visits purged per transaction. Small, because a door step recorded meanwhile waits for
 * the transaction in progress (bench/storage-bench.ts: with 500 it waited up to a second).
 */
const CHUNK = 100;

export interface PurgeResult {
  /** The first day kept. */
  before: string;
  visits: number;
  events: number;
  bookings: number;
  /** Visits past retention still holding personal data because the server lacks some of their events. */
  waiting: number;
}

export interface RetentionStatus {
  before: string;
  /** Visits past retention that still name someone. */
  due: number;
  /** Of those, how many wait for sync before they can be purged. */
  waiting: number;
}

/** Visits from the clean mark up to `before` that still name someone. */
async function expiredVisits(db: CheckpointDb, from: number, before: string): Promise<Visit[]> {
  const fromDay = Number.isFinite(from) ? dayKey(from) : '';
  return db.visits
    .where('day')
    .between(fromDay, before, true, false)
    .filter((v) => namesSomeone(v))
    .toArray();
}

/** Still names someone: not purged, or an event with a name arrived (by sync) after the purge. */
function namesSomeone(v: Visit): boolean {
  const person = personOf(v);
  return !!person && (person.name !== '' || person.idNumber !== '' || person.phone !== '');
}

/**
 * Visits with an event of this device the server has not acknowledged. Usually few: read
 * from the unsent events rather than by checking every expired visit's events.
 */
async function unheldVisits(db: CheckpointDb, device: string, held: number): Promise<Set<string>> {
  const unsent = await unsentEvents(db, device, held).toArray();
  return new Set(unsent.flatMap((e) => (e.visit ? [e.visit] : [])));
}

/** What a purge would do now, for the lead's settings screen. */
export async function retentionStatus(
  db: CheckpointDb,
  device: string,
  before: string,
): Promise<RetentionStatus> {
  const unheld = await unheldVisits(db, device, await heldSeq(db));
  const due = await expiredVisits(db, await cleanBefore(db), before);
  return { before, due: due.length, waiting: due.filter((v) => unheld.has(v.id)).length };
}

export async function purgeExpired(
  db: CheckpointDb,
  log: EventLog,
  options: { device: string; before: string; now: number },
): Promise<PurgeResult> {
  const { device, before, now } = options;
  const held = await heldSeq(db);
  const from = await cleanBefore(db);
  const unheld = await unheldVisits(db, device, held);
  const expiredVisitList = await expiredVisits(db, from, before);
  const expired = expiredVisitList.map((v) => v.id);
  const ids = expired.filter((id) => !unheld.has(id));
  // The mark may move up to `before`, but not past anything left with personal data.
  let markTo = dayStart(before);
  for (const v of expiredVisitList)
    if (unheld.has(v.id)) markTo = Math.min(markTo, dayStart(v.day));
  const total: PurgeResult = {
    before,
    visits: 0,
    events: 0,
    bookings: 0,
    waiting: expired.length - ids.length,
  };

  for (let i = 0; i === 0 || i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const done = await db.transaction(
      'rw',
      [db.events, db.visits, db.meta, db.bookings],
      async () => {
        const result = { visits: 0, events: 0, bookings: 0 };
        /** Times of what was left with personal data (not held by the server yet). */
        const left: number[] = [];
        const changed: CheckpointEvent[] = [];
        const refolded: Visit[] = [];
        const eventsOf = groupByVisit(await db.events.where('visit').anyOf(chunk).toArray());
        for (const events of eventsOf.values()) {
          // Checked again inside the transaction: sync may have stored more since.
          if (!events.every((e) => heldByServer(e, device, held))) {
            left.push(Math.min(...events.map((e) => e.at)));
            continue;
          }
          const purged = events.map((e) => (hasPersonalData(e) ? withoutPersonalData(e, now) : e));
          changed.push(...purged.filter((e, k) => e !== events[k]));
          const visit = foldVisit(purged);
          if (visit) refolded.push(visit);
          result.visits++;
        }
        if (i === 0) {
          // The day's records and bookings once, with the first chunk.
          for (const type of PERSONAL_RECORD_TYPES) {
            const records = await db.events
              .where('[type+at]')
              .between([type, from], [type, dayStart(before)], true, false)
              .filter(hasPersonalData)
              .toArray();
            for (const e of records) {
              if (heldByServer(e, device, held)) changed.push(withoutPersonalData(e, now));
              else left.push(e.at);
            }
          }
          result.bookings = await db.bookings.where('day').below(before).delete();
        }
        await db.events.bulkPut(changed);
        await db.visits.bulkPut(refolded);
        result.events = changed.length;
        if (result.events > 0 || result.bookings > 0) {
          await log.recordDevice({
            type: 'device.data-purged',
            at: now,
            actor: 'retention',
            data: {
              before,
              visits: result.visits,
              events: result.events,
              bookings: result.bookings,
            },
          });
        }
        return { ...result, left };
      },
    );
    for (const at of done.left) markTo = Math.min(markTo, dayStart(dayKey(at)));
    total.visits += done.visits;
    total.events += done.events;
    total.bookings += done.bookings;
  }
  await raiseCleanMark(db, from, markTo);
  return total;
}
