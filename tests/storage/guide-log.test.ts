import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckpointDb } from '../../src/db/database';
import type { EventLog } from '../../src/db/event-log';
import { dayRecords, dayState } from '../../src/db/queries';
import { StorageError } from '../../src/db/storage-error';
import { applyPulled } from '../../src/db/sync-store';
import { foldTasks } from '../../src/domain/disinfection';
import type { EventDraft } from '../../src/domain/events';
import { foldIncidents } from '../../src/domain/incidents';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { queueState } from '../../src/domain/queue';
import { planQueueCommand, type QueueCommand } from '../../src/domain/queue-commands';
import { dayKey } from '../../src/domain/time';
import { admittedVisitEvents, ev, FIXED_NOW, MINUTE, visitEvents } from '../fixtures/builders';
import { policyWith } from '../fixtures/queue-day';
import { openFreshLog } from '../fixtures/storage';

const day = dayKey(FIXED_NOW);
const policy = policyWith({ waitingPlaces: 2, windows: [1, 2] });
let db: CheckpointDb;
let log: EventLog;

beforeEach(async () => {
  ({ db, log } = await openFreshLog('guide-1'));
});
afterEach(() => db.delete());

/** Admissions as they arrive from the door tablet by sync. */
async function admit(count: number) {
  const events = Array.from({ length: count }, (_, i) =>
    admittedVisitEvents(`v${i + 1}`, `A00${i + 1}`, FIXED_NOW + i * MINUTE, {
      device: 'door-1',
      firstSeq: 2 * i + 1,
    }),
  ).flat();
  await applyPulled(db, events, events.length);
}

const queue = (command: QueueCommand, at = FIXED_NOW + 30 * MINUTE) =>
  log.command(day, (s) => {
    const { drafts, answer } = planQueueCommand(s.visits, policy, command, at);
    return { drafts, result: answer };
  });

const mine = () => db.events.where('device').equals('guide-1').toArray();

describe('EventLog.command', () => {
  it('records a call with the next gap-free seq and refolds the visit, in one transaction', async () => {
    await admit(3);
    const { result, before, after } = await queue({ kind: 'call-next', window: 2 });
    expect(result).toMatchObject({ ok: true, ticket: 'A001', window: 2 });
    expect(queueState(before.visits, policy).occupancy).toMatchObject({ inside: 2, outside: 1 });
    expect(queueState(after.visits, policy).waiting.map((w) => w.place.area)).toEqual([
      'inside',
      'inside',
    ]);
    expect((await db.visits.get('v1'))?.calls).toMatchObject([{ window: 2, device: 'guide-1' }]);
    expect((await mine()).map((e) => [e.seq, e.type, e.visit])).toEqual([
      [1, 'queue.called', 'v1'],
    ]);
    expect(await db.meta.get('seq')).toMatchObject({ key: 'seq', value: 1 });
  });

  it('returns the day after as a fresh read would show it', async () => {
    await admit(3);
    await queue({ kind: 'call-next', window: 1 });
    const { after } = await log.command(day, (s) => ({
      drafts: [
        ...planQueueCommand(s.visits, policy, { kind: 'served', visit: 'v1' }, FIXED_NOW + 1)
          .drafts,
        {
          type: 'disinfection.requested',
          at: FIXED_NOW + 1,
          data: { task: 't', spot: 'isolation-area', cause: null },
        },
      ],
      result: null,
    }));
    const fresh = await dayState(db, day);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(after.visits)).toEqual(byId(fresh.visits));
    expect(byId(after.records)).toEqual(byId(fresh.records));
    expect(after.visits.find((v) => v.id === 'v1')?.queueEnd?.kind).toBe('served');
  });

  it('two taps on "call next" at once: one call, one clear answer', async () => {
    await admit(3);
    const [first, second] = await Promise.all([
      queue({ kind: 'call-next', window: 1 }),
      queue({ kind: 'call-next', window: 1 }),
    ]);
    expect(first.result).toMatchObject({ ok: true, ticket: 'A001' });
    expect(second.result).toEqual({ ok: false, reason: 'window-busy', window: 1, ticket: 'A001' });
    expect(await mine()).toHaveLength(1);
  });

  it('a refused command writes nothing', async () => {
    await admit(1);
    const { result } = await queue({ kind: 'call-next', window: 9 });
    expect(result).toEqual({ ok: false, reason: 'unknown-window', window: 9 });
    expect(await mine()).toEqual([]);
    expect(await db.meta.get('seq')).toBeUndefined();
  });

  it('leaves nothing behind when the projection write fails', async () => {
    await admit(1);
    vi.spyOn(db.visits, 'put').mockRejectedValueOnce(new Error('disk said no'));
    await expect(queue({ kind: 'call-next', window: 1 })).rejects.toBeInstanceOf(StorageError);
    expect(await mine()).toEqual([]);
    expect((await db.visits.get('v1'))?.calls).toEqual([]);
  });

  it('stores events of no visit without a visit key, found again by type and day', async () => {
    const drafts: EventDraft[] = [
      {
        type: 'incident.reported',
        at: FIXED_NOW,
        data: {
          incident: 'i1',
          kind: 'staff-abnormal',
          visit: null,
          person: '赵六',
          unit: null,
          temperatures: [37.9],
          note: null,
        },
      },
      { type: 'incident.step', at: FIXED_NOW + 1, data: { incident: 'i1', step: 'stopped-work' } },
    ];
    const { after } = await log.command(day, () => ({ drafts, result: null }));
    const stored = await mine();
    expect(stored.map((e) => e.seq)).toEqual([1, 2]);
    expect(stored.every((e) => !('visit' in e))).toBe(true);
    expect(foldIncidents(after.records)[0]?.steps).toEqual({ 'stopped-work': FIXED_NOW + 1 });
    expect(await db.visits.count()).toBe(0);
    // A week later the record is no longer "today's".
    expect(await dayRecords(db, dayKey(FIXED_NOW + 7 * 24 * 60 * MINUTE))).toEqual([]);
  });
});

describe('what a door verdict sets in motion, in the same transaction', () => {
  const feverPath = (at: number): EventDraft[][] => [
    [
      { ...ev.opened(), at },
      { ...ev.walkIn(true), at },
    ],
    [
      { ...ev.mask(), at: at + 1 },
      { ...ev.hands(), at: at + 1 },
    ],
    [{ ...ev.temperature(38.1), at: at + 2 }],
    // After the rest (issue 12: an earlier re-check does not count), then who it was.
    [{ ...ev.temperature(38.3), at: at + 3 * 60_000 }],
    [{ ...ev.identity(), at: at + 3 * 60_000 + 1 }],
  ];

  it('an isolation creates the two disinfection tasks and the lead’s alert with the decision', async () => {
    for (const step of feverPath(FIXED_NOW)) await log.record('x1', step, DEFAULT_POLICY);
    const events = await db.events.orderBy('[device+seq]').toArray();
    expect(events.slice(-4).map((e) => [e.type, e.visit])).toEqual([
      ['visit.decided', 'x1'],
      ['disinfection.requested', undefined],
      ['disinfection.requested', undefined],
      ['incident.reported', undefined],
    ]);
    const [alert] = foldIncidents(await dayRecords(db, day));
    expect(alert).toMatchObject({ kind: 'suspected-case', visit: 'x1', steps: {} });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const tasks = foldTasks(await dayRecords(db, day));
    expect(tasks.map((t) => [t.spot, t.cause, t.done])).toEqual([
      ['temperature-point', 'x1', null],
      ['isolation-area', 'x1', null],
    ]);
  });

  it('a refusal of the measures at the door opens an incident for the duty lead', async () => {
    await log.record('r1', [{ ...ev.opened(), at: FIXED_NOW }], DEFAULT_POLICY);
    await log.record(
      'r1',
      [{ ...ev.abandoned('refused-measures'), at: FIXED_NOW + 1 }],
      DEFAULT_POLICY,
    );
    const [incident] = foldIncidents((await dayState(db, day)).records);
    expect(incident).toMatchObject({ kind: 'refused-measures', visit: 'r1', steps: {} });
  });
});

describe('version 3 of the database', () => {
  it('refolds visits stored before the queue fields existed, and indexes events by type', async () => {
    const name = `old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      events: 'id, [device+seq], visit, at',
      visits: 'id, day, [day+openedAt], status',
      bookings: 'bookingId, day, phone',
      meta: 'key',
    });
    old.version(2).stores({ policies: 'version, receivedAt' });
    const events = visitEvents([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A001' })], {
      visit: 'old-1',
    });
    await old.table('events').bulkAdd(events);
    await old.table('visits').put({ id: 'old-1', day, openedAt: FIXED_NOW, status: 'admitted' });
    old.close();

    const upgraded = new CheckpointDb(name);
    await upgraded.open();
    const visit = await upgraded.visits.get('old-1');
    expect(visit).toMatchObject({ calls: [], recalls: [], queueEnd: null, status: 'admitted' });
    expect(visit?.isolation).toEqual({
      enteredAt: null,
      ambulanceCalledAt: null,
      handedOver: null,
    });
    expect(
      await upgraded.events
        .where('[type+at]')
        .between(['visit.decided', 0], ['visit.decided', Infinity])
        .count(),
    ).toBe(1);
    await upgraded.delete();
  });
});
