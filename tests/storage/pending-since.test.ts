import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { EventLog } from '../../src/db/event-log';
import {
  applyPulled,
  markHeld,
  pendingCount,
  pendingSince,
  pendingVisitors,
} from '../../src/db/sync-store';
import { FIXED_NOW, MINUTE, visitEvents } from '../fixtures/builders';
import { openFreshLog } from '../fixtures/storage';
import { recordGreenVisit } from '../fixtures/tablet';

const DEVICE = 'door-1';
let db: CheckpointDb;
let log: EventLog;
beforeEach(async () => {
  ({ db, log } = await openFreshLog(DEVICE));
});
afterEach(() => db.delete());

const recordVisit = (id: string, start: number) => recordGreenVisit(log, id, start);

describe('what only this tablet holds', () => {
  it('counts the records the server lacks and says since when, as the server takes them', async () => {
    expect(await pendingSince(db, DEVICE)).toBeNull();
    await recordVisit('v1', FIXED_NOW - 30 * MINUTE);
    await recordVisit('v2', FIXED_NOW - 5 * MINUTE);
    const all = await pendingCount(db, DEVICE);
    expect(await pendingSince(db, DEVICE)).toBe(FIXED_NOW - 30 * MINUTE);
    // The chip says visitors: two, however many events each took.
    expect(all).toBeGreaterThan(2);
    expect(await pendingVisitors(db, DEVICE)).toBe(2);

    // The server took v1's events: what a wipe would lose now starts at v2.
    const v1 = (await db.events.where('visit').equals('v1').toArray()).map((e) => e.seq);
    await markHeld(db, Math.max(...v1));
    expect(await pendingSince(db, DEVICE)).toBe(FIXED_NOW - 5 * MINUTE);
    expect(await pendingCount(db, DEVICE)).toBe(all - v1.length);
    expect(await pendingVisitors(db, DEVICE)).toBe(1);

    // Another tablet's events pulled from the server are not "only here".
    await applyPulled(
      db,
      visitEvents([], { visit: 'x1', device: 'door-2', start: FIXED_NOW - 60 * MINUTE }),
      10,
    );
    expect(await pendingSince(db, DEVICE)).toBe(FIXED_NOW - 5 * MINUTE);

    await markHeld(db, 10_000);
    expect(await pendingSince(db, DEVICE)).toBeNull();
    expect(await pendingCount(db, DEVICE)).toBe(0);
  });
});
