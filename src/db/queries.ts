/** Read-side queries: the UI reads visits and bookings only through these. */
import type { Booking } from '../domain/booking';
import { type DayHead, dayHeads } from '../domain/chain-heads';
import {
  type CheckpointEvent,
  HALL_TYPES,
  inLogOrder,
  isRecordEvent,
  isVisitEvent,
  PRIVACY_TYPES,
  type PrivacyEvent,
  RECORD_TYPES,
  type RecordEvent,
  type VisitEvent,
} from '../domain/events';
import { isSupplyEvent, SUPPLY_TYPES, type SupplyEvent } from '../domain/supply-events';
import { dayStart, nextDay, previousDay } from '../domain/time';
import type { Visit } from '../domain/visit';
import type { CheckpointDb } from './database';

/** What the guide's rules read: a day's visits and the tasks and incidents around it. */
export interface DayState {
  day: string;
  visits: Visit[];
  records: RecordEvent[];
}

/** A day's visits, newest first. */
export function visitsOfDay(db: CheckpointDb, day: string): Promise<Visit[]> {
  return db.visits
    .where('[day+openedAt]')
    .between([day, -Infinity], [day, Infinity])
    .reverse()
    .toArray();
}

/** Visits opened from `from` to `to` (YYYY-MM-DD, both included). */
export function visitsOfDays(db: CheckpointDb, from: string, to: string): Promise<Visit[]> {
  return db.visits.where('[day+openedAt]').between([from, -Infinity], [to, Infinity]).toArray();
}

export function visitById(db: CheckpointDb, id: string): Promise<Visit | undefined> {
  return db.visits.get(id);
}

export function bookingsOfDay(db: CheckpointDb, day: string): Promise<Booking[]> {
  return db.bookings.where('day').equals(day).toArray();
}

/** What the door's booking list shows for `day`: the bookings, and which are used already. */
export interface DoorList {
  bookings: Booking[];
  used: Set<string>;
}

export async function doorListOf(db: CheckpointDb, day: string): Promise<DoorList> {
  const [bookings, used] = await Promise.all([bookingsOfDay(db, day), usedBookingIds(db, day)]);
  return { bookings, used };
}

/** The bookings this tablet holds for days other than `day` (a visitor who came on the wrong day). */
export function bookingsNotOnDay(db: CheckpointDb, day: string): Promise<Booking[]> {
  return db.bookings.where('day').notEqual(day).toArray();
}

/** How many bookings this tablet holds for each of `days`, in that order. */
export function bookingCounts(db: CheckpointDb, days: readonly string[]) {
  return Promise.all(
    days.map(async (day) => ({ day, count: await db.bookings.where('day').equals(day).count() })),
  );
}

/** Booking ids already used by a visit today (so the start list can hide them). */
export async function usedBookingIds(db: CheckpointDb, day: string): Promise<Set<string>> {
  const visits = await db.visits.where('day').equals(day).toArray();
  const ids = visits.flatMap((v) =>
    v.appointment?.kind === 'booked' ? [v.appointment.booking.bookingId] : [],
  );
  return new Set(ids);
}

/** Replaces the bookings of the days present in the import, in one transaction. */
export async function importBookings(
  db: CheckpointDb,
  bookings: readonly Booking[],
): Promise<void> {
  const days = [...new Set(bookings.map((b) => b.day))];
  await db.transaction('rw', db.bookings, async () => {
    await db.bookings.where('day').anyOf(days).delete();
    await db.bookings.bulkPut([...bookings]);
  });
}

/** The events of one visit, in the order they were written on their devices. */
export async function eventsOfVisit(db: CheckpointDb, visit: string): Promise<VisitEvent[]> {
  return (await db.events.where('visit').equals(visit).toArray()).filter(isVisitEvent);
}

/** Visits of a day still open (no verdict, not abandoned): the drafts to resume. */
export function openVisitsOfDay(db: CheckpointDb, day: string): Promise<Visit[]> {
  return db.visits
    .where('status')
    .equals('open')
    .filter((v) => v.day === day)
    .toArray();
}

/**
 * Tasks and incidents from the start of the day before: an incident reported just before
 * midnight is still open in the morning. The staff list, who is off duty and whether
 * service is suspended span every day: those few types are read from the start. Only
 * record types are read, through [type+at].
 */
export async function dayRecords(db: CheckpointDb, day: string): Promise<RecordEvent[]> {
  const dayBefore = dayStart(previousDay(day));
  const hall: readonly string[] = HALL_TYPES;
  const lists = await Promise.all(
    RECORD_TYPES.map((type) =>
      db.events
        .where('[type+at]')
        .between(
          [type, hall.includes(type) ? Number.NEGATIVE_INFINITY : dayBefore],
          [type, Number.POSITIVE_INFINITY],
        )
        .toArray(),
    ),
  );
  return lists.flat().filter(isRecordEvent);
}

/** Events of the given types recorded on `day` itself (local midnight to midnight), by [type+at]. */
async function eventsOfTypesOnDay(
  db: CheckpointDb,
  types: readonly string[],
  day: string,
): Promise<CheckpointEvent[]> {
  const [from, to] = [dayStart(day), dayStart(nextDay(day))];
  const lists = await Promise.all(
    types.map((type) =>
      db.events.where('[type+at]').between([type, from], [type, to], true, false).toArray(),
    ),
  );
  return lists.flat();
}

/** What was done with personal data on a day (exports, tracings, full views, purges), in time order. */
export async function privacyRecords(db: CheckpointDb, day: string): Promise<PrivacyEvent[]> {
  return inLogOrder(
    (await eventsOfTypesOnDay(db, PRIVACY_TYPES, day)).filter((e): e is PrivacyEvent =>
      (PRIVACY_TYPES as readonly string[]).includes(e.type),
    ),
  );
}

/** Tasks and incidents recorded on `day` itself (local midnight to midnight): the report's. */
export async function recordsOfDay(db: CheckpointDb, day: string): Promise<RecordEvent[]> {
  return (await eventsOfTypesOnDay(db, RECORD_TYPES, day)).filter(isRecordEvent);
}

export async function dayState(db: CheckpointDb, day: string): Promise<DayState> {
  const [visits, records] = await Promise.all([visitsOfDay(db, day), dayRecords(db, day)]);
  return { day, visits, records };
}

/** Every supply event (deliveries, issues, counts): the stock is their fold. */
export async function supplyEvents(db: CheckpointDb): Promise<SupplyEvent[]> {
  const lists = await Promise.all(
    SUPPLY_TYPES.map((type) =>
      db.events
        .where('[type+at]')
        .between([type, Number.NEGATIVE_INFINITY], [type, Number.POSITIVE_INFINITY])
        .toArray(),
    ),
  );
  return lists.flat().filter(isSupplyEvent);
}

/**
 * Per device, the day's events (local midnight to midnight, by `at`) and the chain hash
 * of its last: what the report and the exports print, and `npm run admin -- verify
 * <hall> <day>` prints from the server's copy (src/domain/chain.ts dayHeads).
 */
export async function dayChainHeads(db: CheckpointDb, day: string): Promise<DayHead[]> {
  const events = await db.events
    .where('at')
    .between(dayStart(day), dayStart(nextDay(day)), true, false)
    .toArray();
  return dayHeads(events);
}
