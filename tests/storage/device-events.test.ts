import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { type EventLog, rebuildProjections } from '../../src/db/event-log';
import { StorageError } from '../../src/db/storage-error';
import { isDeviceEvent } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { foldVisit } from '../../src/domain/visit';
import { FIXED_NOW } from '../fixtures/builders';
import { openFreshLog } from '../fixtures/storage';

let db: CheckpointDb;
let log: EventLog;

beforeEach(async () => {
  ({ db, log } = await openFreshLog('dev-1'));
});

afterEach(() => db.delete());

const opened = (at: number) => ({
  type: 'visit.opened' as const,
  at,
  data: { policyVersion: DEFAULT_POLICY.version },
});

describe('EventLog.recordDevice', () => {
  it('stores a device event without a visit, on the same gap-free seq as visit events', async () => {
    await log.record('v1', [opened(FIXED_NOW)], DEFAULT_POLICY);
    const offline = await log.recordDevice({ type: 'device.offline', at: FIXED_NOW + 1, data: {} });
    await log.record(
      'v1',
      [{ type: 'mask.checked', at: FIXED_NOW + 2, data: { status: 'worn' } }],
      DEFAULT_POLICY,
    );
    const events = await db.events.orderBy('[device+seq]').toArray();
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'visit.opened'],
      [2, 'device.offline'],
      [3, 'mask.checked'],
    ]);
    expect(offline).toMatchObject({ seq: 2, site: 'hall', device: 'dev-1', v: 1 });
    expect(offline.visit).toBeUndefined();
    expect(isDeviceEvent(offline)).toBe(true);
  });

  it('gives concurrent device events distinct seqs', async () => {
    await Promise.all([
      log.recordDevice({ type: 'device.offline', at: FIXED_NOW, data: {} }),
      log.recordDevice({ type: 'device.persistence-refused', at: FIXED_NOW, data: {} }),
      log.recordDevice({ type: 'device.clock-skew', at: FIXED_NOW, data: { skewMs: 300_000 } }),
    ]);
    const seqs = (await db.events.toArray()).map((e) => e.seq).sort();
    expect(seqs).toEqual([1, 2, 3]);
    expect((await db.meta.get('seq'))?.value).toBe(3);
  });

  it('leaves neither the event nor the counter behind when the write fails', async () => {
    vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new Error('disk said no'));
    await expect(
      log.recordDevice({ type: 'device.offline', at: FIXED_NOW, data: {} }),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await db.events.count()).toBe(0);
    expect(await db.meta.get('seq')).toBeUndefined();
  });

  it('does not disturb visit projections, live or rebuilt', async () => {
    await log.record('v1', [opened(FIXED_NOW)], DEFAULT_POLICY);
    await log.recordDevice({ type: 'device.idle-reset', at: FIXED_NOW + 1, data: { draft: 'v1' } });
    const live = await db.visits.toArray();
    expect(await rebuildProjections(db)).toBe(1);
    expect(await db.visits.toArray()).toEqual(live);
    expect(foldVisit(await db.events.toArray())?.id).toBe('v1');
  });

  it('records a discarded draft as an abandonment, closing the visit', async () => {
    await log.record('v1', [opened(FIXED_NOW)], DEFAULT_POLICY);
    const visit = await log.record(
      'v1',
      [{ type: 'visit.abandoned', at: FIXED_NOW + 60_000, data: { reason: 'discarded-draft' } }],
      DEFAULT_POLICY,
    );
    expect(visit.status).toBe('abandoned');
    expect(visit.abandoned).toEqual({ reason: 'discarded-draft', at: FIXED_NOW + 60_000 });
  });
});
