/**
 * The retention purge on the tablet: personal data of visits (and of the day's
 * records) older than the policy allows is removed from the events and the
 * projections, only where the server holds those events, in transactions that also
 * record the purge as a device event. Bookings of those days go entirely.
 */
import type { CheckpointEvent } from '../domain/events';
import { personOf } from '../domain/ledger';
import { hasPersonalData, heldByServer, withoutPersonalData } from '../domain/retention';
import { dayStart } from '../domain/time';
import { foldVisit, type Visit } from '../domain/visit';
import type { CheckpointDb } from './database';
import type { EventLog } from './event-log';
import { heldSeq } from './sync-store';

/** Event types without a visit that may name someone (incidents, tasks, tracings). */
const RECORDS_WITH_PEOPLE = ['incident.reported', 'disinfection.done', 'lead.traced'] as const;

/** Visits purged per transaction: a day's worth stays one transaction, a backlog is split. */
const CHUNK = 500;

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

function expiredVisits(db: CheckpointDb, before: string): Promise<Visit[]> {
  return db.visits
    .where('day')
    .below(before)
    .filter((v) => namesSomeone(v))
    .toArray();
}

/** Still names someone: not purged, or an event with a name arrived (by sync) after the purge. */
function namesSomeone(v: Visit): boolean {
  const person = personOf(v);
  return !!person && (person.name !== '' || person.idNumber !== '' || person.phone !== '');
}

async function isHeld(db: CheckpointDb, visit: string, device: string, held: number) {
  const events = await db.events.where('visit').equals(visit).toArray();
  return { events, held: events.every((e) => heldByServer(e, device, held)) };
}

/** What a purge would do now, for the lead's settings screen. */
export async function retentionStatus(
  db: CheckpointDb,
  device: string,
  before: string,
): Promise<RetentionStatus> {
  const held = await heldSeq(db);
  let waiting = 0;
  const due = await expiredVisits(db, before);
  for (const v of due) if (!(await isHeld(db, v.id, device, held)).held) waiting++;
  return { before, due: due.length, waiting };
}

export async function purgeExpired(
  db: CheckpointDb,
  log: EventLog,
  options: { device: string; before: string; now: number },
): Promise<PurgeResult> {
  const { device, before, now } = options;
  const held = await heldSeq(db);
  const ids = (await expiredVisits(db, before)).map((v) => v.id);
  const total: PurgeResult = { before, visits: 0, events: 0, bookings: 0, waiting: 0 };

  for (let i = 0; i === 0 || i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const done = await db.transaction(
      'rw',
      [db.events, db.visits, db.meta, db.bookings],
      async () => {
        const result = { visits: 0, events: 0, bookings: 0, waiting: 0 };
        const changed: CheckpointEvent[] = [];
        for (const id of chunk) {
          const { events, held: allHeld } = await isHeld(db, id, device, held);
          if (!allHeld) {
            result.waiting++;
            continue;
          }
          const purged = events.map((e) => (hasPersonalData(e) ? withoutPersonalData(e, now) : e));
          changed.push(...purged.filter((e, k) => e !== events[k]));
          const visit = foldVisit(purged);
          if (visit) await db.visits.put(visit);
          result.visits++;
        }
        if (i === 0) {
          // The day's records and bookings once, with the first chunk.
          for (const type of RECORDS_WITH_PEOPLE) {
            const records = await db.events
              .where('[type+at]')
              .between([type, -Infinity], [type, dayStart(before)], true, false)
              .filter((e) => hasPersonalData(e) && heldByServer(e, device, held))
              .toArray();
            changed.push(...records.map((e) => withoutPersonalData(e, now)));
          }
          result.bookings = await db.bookings.where('day').below(before).delete();
        }
        await db.events.bulkPut(changed);
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
        return result;
      },
    );
    total.visits += done.visits;
    total.events += done.events;
    total.bookings += done.bookings;
    total.waiting += done.waiting;
  }
  return total;
}
