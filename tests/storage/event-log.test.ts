import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { type EventLog, rebuildProjections } from '../../src/db/event-log';
import { StorageError } from '../../src/db/storage-error';
import { applyPulled } from '../../src/db/sync-store';
import type { EventDraft } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { openFreshLog } from '../fixtures/storage';

const T0 = new Date(2026, 10, 28, 9, 30).getTime();
const booking = {
  bookingId: 'B1',
  name: '张三明',
  phone: '13812345678',
  idNumber: '110101199003078670',
  slotStart: T0,
  slotEnd: T0 + 30 * 60_000,
};

function greenPath(at: number): EventDraft[][] {
  return [
    [
      { type: 'visit.opened', at, data: { policyVersion: DEFAULT_POLICY.version } },
      { type: 'appointment.matched', at, data: booking },
    ],
    [
      { type: 'mask.checked', at: at + 1, data: { status: 'worn' } },
      { type: 'hands.disinfected', at: at + 1, data: {} },
    ],
    [{ type: 'temperature.measured', at: at + 2, data: { celsius: 36.5, source: 'preset' } }],
    [{ type: 'identity.confirmed', at: at + 3, data: { ...booking, source: 'booking' } }],
    [
      { type: 'health-code.checked', at: at + 4, data: { colour: 'green', method: 'manual' } },
      { type: 'travel-code.checked', at: at + 4, data: { riskArea: false, method: 'manual' } },
    ],
  ];
}

let db: CheckpointDb;
let log: EventLog;

beforeEach(async () => {
  ({ db, log } = await openFreshLog('dev-1'));
});

afterEach(() => db.delete());

describe('EventLog.record', () => {
  it('stores events with a gap-free per-device seq and keeps the projection in step', async () => {
    let visit = null;
    for (const step of greenPath(T0)) visit = await log.record('v1', step, DEFAULT_POLICY);
    const events = await db.events.orderBy('[device+seq]').toArray();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)?.type).toBe('visit.decided');
    expect(visit?.decision?.outcome).toEqual({ kind: 'admitted', ticket: 'A001' });
    expect(await db.visits.get('v1')).toEqual(visit);
  });

  it('numbers tickets per day and per prefix', async () => {
    for (const step of greenPath(T0)) await log.record('v1', step, DEFAULT_POLICY);
    for (const step of greenPath(T0 + 1000)) await log.record('v2', step, DEFAULT_POLICY);
    const v2 = await db.visits.get('v2');
    expect(v2?.decision?.outcome).toEqual({ kind: 'admitted', ticket: 'A002' });
  });

  it('a replacement tablet with the same letter goes on after the tickets it pulled', async () => {
    // The wiped tablet issued A001 and A002; its replacement pulls them, then admits.
    for (const step of greenPath(T0)) await log.record('v1', step, DEFAULT_POLICY);
    for (const step of greenPath(T0 + 1000)) await log.record('v2', step, DEFAULT_POLICY);
    const issued = await db.events.toArray();
    const replacement = await openFreshLog('dev-2');
    await applyPulled(replacement.db, issued, issued.length);
    for (const step of greenPath(T0 + 2000))
      await replacement.log.record('v3', step, DEFAULT_POLICY);
    expect((await replacement.db.visits.get('v3'))?.decision?.outcome).toEqual({
      kind: 'admitted',
      ticket: 'A003',
    });
    await replacement.db.delete();
  });

  it('decides a refusal in the same transaction as the must that settles it', async () => {
    await log.record(
      'v1',
      [
        { type: 'visit.opened', at: T0, data: { policyVersion: DEFAULT_POLICY.version } },
        { type: 'appointment.walk-in', at: T0, data: { urgent: false } },
      ],
      DEFAULT_POLICY,
    );
    const visit = await db.visits.get('v1');
    expect(visit?.status).toBe('refused');
    expect(visit?.decision?.outcome).toEqual({ kind: 'refused', reason: 'no-appointment' });
    expect(visit?.decision?.policyVersion).toBe(DEFAULT_POLICY.version);
  });

  it('leaves no event behind when the projection write fails', async () => {
    vi.spyOn(db.visits, 'put').mockRejectedValueOnce(new Error('disk said no'));
    const [first] = greenPath(T0);
    await expect(log.record('v1', first ?? [], DEFAULT_POLICY)).rejects.toBeInstanceOf(
      StorageError,
    );
    expect(await db.events.count()).toBe(0);
    expect(await db.meta.get('seq')).toBeUndefined();
  });

  it('reports a quota error as a storage error with the quota code', async () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(quota);
    const [first] = greenPath(T0);
    const error = await log.record('v1', first ?? [], DEFAULT_POLICY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('quota');
  });
});

describe('rebuildProjections', () => {
  it('reproduces the live projection from events alone', async () => {
    for (const step of greenPath(T0)) await log.record('v1', step, DEFAULT_POLICY);
    await log.record(
      'v2',
      [
        { type: 'visit.opened', at: T0 + 5, data: { policyVersion: DEFAULT_POLICY.version } },
        { type: 'visit.abandoned', at: T0 + 6, data: { reason: 'left' } },
      ],
      DEFAULT_POLICY,
    );
    const live = await db.visits.orderBy('id').toArray();
    await db.visits.put({ ...live[0], status: 'refused' } as (typeof live)[number]);
    expect(await rebuildProjections(db)).toBe(2);
    expect(await db.visits.orderBy('id').toArray()).toEqual(live);
  });
});
