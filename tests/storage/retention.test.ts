import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { type EventLog, rebuildProjections } from '../../src/db/event-log';
import { importBookings, visitsOfDay } from '../../src/db/queries';
import { purgeExpired, retentionStatus } from '../../src/db/retention';
import { applyPulled, markHeld } from '../../src/db/sync-store';
import { summariseDay } from '../../src/domain/day-summary';
import type { CheckpointEvent } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { retentionCutoff } from '../../src/domain/retention';
import { dayKey } from '../../src/domain/time';
import { aBooking, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { openFreshLog } from '../fixtures/storage';
import { greenVisitSteps, recordGreenVisit } from '../fixtures/tablet';

const DAY = 86_400_000;
const OLD = FIXED_NOW - 40 * DAY;
const RECENT = FIXED_NOW - 2 * DAY;
const BEFORE = retentionCutoff(dayKey(FIXED_NOW), 28);
const DEVICE = 'door-1';

let db: CheckpointDb;
let log: EventLog;

beforeEach(async () => {
  ({ db, log } = await openFreshLog(DEVICE));
});
afterEach(() => db.delete());

const recordVisit = (id: string, start: number) => recordGreenVisit(log, id, start);

const purge = () => purgeExpired(db, log, { device: DEVICE, before: BEFORE, now: FIXED_NOW });
const json = async () => JSON.stringify(await db.events.toArray());
const purgeEvents = async () =>
  (await db.events.toArray()).filter((e) => e.type === 'device.data-purged');
const booking = aBooking();

describe('the retention purge on the tablet', () => {
  it('removes who an old visitor was once the server holds it; counts and verdict stay', async () => {
    await recordVisit('old', OLD);
    await recordVisit('recent', RECENT);
    const summaryBefore = summariseDay(await visitsOfDay(db, dayKey(OLD)), DEFAULT_POLICY);
    const decisionBefore = (await db.visits.get('old'))?.decision;
    await markHeld(db, 1_000);

    const result = await purge();

    expect(result).toMatchObject({ before: BEFORE, visits: 1, waiting: 0 });
    expect(result.events).toBe(2); // the booking matched and the identity confirmed
    const old = await db.visits.get('old');
    expect(old?.identity).toMatchObject({ name: '', idNumber: '', phone: '' });
    expect(old?.purgedAt).toBe(FIXED_NOW);
    expect(old?.decision).toEqual(decisionBefore);
    expect(old?.readings).toHaveLength(1);
    expect(summariseDay(await visitsOfDay(db, dayKey(OLD)), DEFAULT_POLICY)).toEqual(summaryBefore);
    // The recent visit keeps its data; the old one's is nowhere in the log.
    expect((await db.visits.get('recent'))?.identity?.name).toBe(booking.name);
    const oldEvents = JSON.stringify(await db.events.where('visit').equals('old').toArray());
    expect(oldEvents).not.toContain(booking.idNumber);
    expect(oldEvents).not.toContain(booking.phone);
    expect(oldEvents).not.toContain(booking.name);
    // Recorded, with what it did.
    const [recorded] = await purgeEvents();
    expect(recorded).toMatchObject({
      actor: 'retention',
      data: { before: BEFORE, visits: 1, events: result.events, bookings: 0 },
    });
  });

  it('never purges what the server does not hold yet, and says how much waits', async () => {
    await recordVisit('old-a', OLD);
    await recordVisit('old-b', OLD + 60_000);
    // The server holds the first visit's events only (seq 1..n of this device).
    const firstVisitEvents = await db.events.where('visit').equals('old-a').count();
    await markHeld(db, firstVisitEvents);

    expect(await retentionStatus(db, DEVICE, BEFORE)).toEqual({
      before: BEFORE,
      due: 2,
      waiting: 1,
    });
    const result = await purge();
    expect(result).toMatchObject({ visits: 1, waiting: 1 });
    expect((await db.visits.get('old-b'))?.identity?.name).toBe(booking.name);

    // Once the server has it, the next run purges it: it never skipped what was left.
    await markHeld(db, 1_000);
    expect(await purge()).toMatchObject({ visits: 1, waiting: 0 });
    expect((await db.visits.get('old-b'))?.identity?.name).toBe('');
  });

  it('keeps everything on a tablet the server has never acknowledged', async () => {
    await recordVisit('old', OLD);
    const before = await json();
    expect(await purge()).toMatchObject({ visits: 0, events: 0, waiting: 1 });
    expect(await json()).toBe(before);
    expect(await purgeEvents()).toHaveLength(0);
  });

  it('purges visits pulled from other tablets (the server sent them)', async () => {
    const pulled = visitEvents(
      greenVisitSteps()
        .flat()
        .map((b) => ({ ...b })),
      { visit: 'theirs', device: 'door-2', start: OLD },
    );
    await applyPulled(db, pulled, pulled.length);
    expect(await purge()).toMatchObject({ visits: 1, waiting: 0 });
    expect((await db.visits.get('theirs'))?.identity?.name).toBe('');
  });

  it('drops old bookings, clears names from old incidents, and does nothing twice', async () => {
    await importBookings(db, [
      aBooking({ bookingId: 'b-old', day: dayKey(OLD) }),
      aBooking({ bookingId: 'b-today', day: dayKey(FIXED_NOW) }),
    ]);
    const incident = (id: string, at: number): CheckpointEvent => ({
      id: `01JZZZZZZZZZZZZZZZZZZZZZ${id}`,
      site: 'hall',
      device: 'door-2',
      seq: Number(id),
      at,
      v: 1,
      type: 'incident.reported',
      data: {
        incident: `i${id}`,
        kind: 'staff-abnormal',
        visit: null,
        person: '李四',
        unit: '3号窗口',
        temperatures: [37.8],
        note: '李四 自述发热',
      },
    });
    await applyPulled(db, [incident('10', OLD), incident('11', RECENT)], 2);

    const result = await purge();
    expect(result).toMatchObject({ bookings: 1, events: 1 });
    expect((await db.bookings.toArray()).map((b) => b.bookingId)).toEqual(['b-today']);
    const incidents = await db.events.where('type').equals('incident.reported').toArray();
    expect(incidents.map((e) => e.type === 'incident.reported' && e.data.person)).toEqual([
      null,
      '李四',
    ]);

    const again = await purge();
    expect(again).toMatchObject({ visits: 0, events: 0, bookings: 0 });
    expect(await purgeEvents()).toHaveLength(1);
  });

  it('leaves projections that a rebuild from the events reproduces', async () => {
    await recordVisit('old', OLD);
    await markHeld(db, 1_000);
    await purge();
    const live = await db.visits.toArray();
    await rebuildProjections(db);
    expect(await db.visits.toArray()).toEqual(live);
  });

  it('reads only from where it left off, yet purges an old visit that sync brings later', async () => {
    await recordVisit('old', OLD);
    await markHeld(db, 1_000);
    expect(await purge()).toMatchObject({ visits: 1 });
    expect(await purge()).toMatchObject({ visits: 0, events: 0 });

    // Days later, another tablet's visit from before the mark arrives.
    const late = visitEvents(greenVisitSteps().flat(), {
      visit: 'late',
      device: 'door-2',
      start: OLD - 3 * DAY,
    });
    await applyPulled(db, late, late.length);
    expect(await retentionStatus(db, DEVICE, BEFORE)).toMatchObject({ due: 1, waiting: 0 });
    expect(await purge()).toMatchObject({ visits: 1 });
    expect((await db.visits.get('late'))?.identity?.name).toBe('');
  });
});
