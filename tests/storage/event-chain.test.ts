import { describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/db/retention';
import { markHeld } from '../../src/db/sync-store';
import { GENESIS, verifyChain } from '../../src/domain/chain';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { retentionCutoff } from '../../src/domain/retention';
import { dayKey } from '../../src/domain/time';
import { ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { freshLogEachTest } from '../fixtures/storage';
import { recordGreenVisit } from '../fixtures/tablet';

const DEVICE = 'door-1';
const tablet = freshLogEachTest(DEVICE);

const stored = () =>
  tablet.db.events.where('[device+seq]').between([DEVICE, 0], [DEVICE, Infinity]).toArray();

describe('the tablet chains what it writes', () => {
  it('chains events of a step, of a guide’s command and of the device, head beside the seq', async () => {
    await recordGreenVisit(tablet.log, 'v1', FIXED_NOW);
    await tablet.log.command(dayKey(FIXED_NOW), () => ({
      drafts: [
        {
          type: 'queue.called',
          at: FIXED_NOW + 60_000,
          visit: 'v1',
          data: { window: 2, priority: false },
        },
      ],
      result: null,
    }));
    await tablet.log.recordDevice({ type: 'device.offline', at: FIXED_NOW + 70_000, data: {} });

    const events = await stored();
    expect(events.every((e) => e.chain)).toBe(true);
    expect(events[0]?.chain?.prev).toBe(GENESIS);
    const result = await verifyChain(events);
    expect(result.ok).toBe(true);
    expect(await tablet.db.meta.get('seq')).toEqual({
      key: 'seq',
      value: events.length,
      hash: result.summary.head,
    });
  });

  it('keeps one chain when steps are recorded at the same moment (each in its own transaction)', async () => {
    await Promise.all([
      recordGreenVisit(tablet.log, 'v1', FIXED_NOW),
      recordGreenVisit(tablet.log, 'v2', FIXED_NOW),
      tablet.log.recordDevice({ type: 'device.offline', at: FIXED_NOW, data: {} }),
      tablet.log.recordDevice({ type: 'device.online', at: FIXED_NOW, data: { offlineForMs: 5 } }),
    ]);
    expect((await verifyChain(await stored())).ok).toBe(true);
  });

  it('starts the chain at the first event written after an earlier version’s', async () => {
    const legacy = visitEvents([ev.opened(), ev.mask()], { device: DEVICE, visit: 'old' });
    await tablet.db.events.bulkAdd(legacy);
    await tablet.db.meta.put({ key: 'seq', value: legacy.length });

    await tablet.log.record(
      'v1',
      [{ type: 'visit.opened', at: FIXED_NOW, data: { policyVersion: DEFAULT_POLICY.version } }],
      DEFAULT_POLICY,
    );

    const events = await stored();
    expect(events[2]?.chain?.prev).toBe(GENESIS);
    const result = await verifyChain(events);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatchObject({ events: 3, unchained: 2 });
  });

  it('still verifies, with the same head, after the retention purge removed the names', async () => {
    const old = FIXED_NOW - 40 * 86_400_000;
    await recordGreenVisit(tablet.log, 'old', old);
    await markHeld(tablet.db, 1_000);
    const head = (await verifyChain(await stored())).summary.head;
    const purged = await purgeExpired(tablet.db, tablet.log, {
      device: DEVICE,
      before: retentionCutoff(dayKey(FIXED_NOW), 28),
      now: FIXED_NOW,
    });
    expect(purged.events).toBeGreaterThan(0);

    const events = await stored();
    expect(events.some((e) => e.purgedAt !== undefined && e.chain?.salt === undefined)).toBe(true);
    const result = await verifyChain(events.filter((e) => e.type !== 'device.data-purged'));
    expect(result.ok).toBe(true);
    expect(result.summary.head).toBe(head);
    // The purge itself is an event, chained after the visit.
    expect((await verifyChain(events)).ok).toBe(true);
  });
});
