// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dayState } from '../../src/db/queries';
import { foldTasks } from '../../src/domain/disinfection';
import { foldIncidents } from '../../src/domain/incidents';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { queueState } from '../../src/domain/queue';
import { planQueueCommand, type QueueCommand } from '../../src/domain/queue-commands';
import { dayKey } from '../../src/domain/time';
import { httpTransport } from '../../src/sync/transport';
import { aBooking, ev, identityOf } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import { enrolledDevice, startServer } from './server-process';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SITE = 'guide-sync';
const now = Date.now();
const day = dayKey(now);

async function tablets() {
  const server = await startServer();
  cleanups.push(() => server.stop());
  const make = async (id: string, prefix: string) => {
    const token = await enrolledDevice(server.url, SITE, id);
    const t = await makeTablet(id, SITE, httpTransport(fetch, server.url, SITE, token), prefix);
    cleanups.push(() => t.close());
    return t;
  };
  return [await make('door', 'A'), await make('guide-1', 'G'), await make('guide-2', 'H')] as const;
}

const queue = (t: Tablet, command: QueueCommand, at: number) =>
  t.log.command(day, (s) => {
    const { drafts, answer } = planQueueCommand(s.visits, DEFAULT_POLICY, command, at);
    return { drafts, result: answer };
  });

async function syncAll(...all: Tablet[]) {
  for (let round = 0; round < 2; round++) for (const t of all) await t.engine.syncOnce();
}

describe('the guide’s events through the real server', () => {
  it('two guides calling the same ticket offline converge on one call; tasks and incidents sync', async () => {
    const [door, g1, g2] = await tablets();
    let at = now;
    for (const step of [
      [ev.opened(), ev.walkIn(true)],
      [ev.mask(), ev.hands()],
      [ev.temperature(36.5)],
      [ev.identity(aBooking(), 'typed')],
      [ev.healthCode(), ev.travelCode()],
    ]) {
      await door.log.record(
        'v1',
        step.map((b) => ({ ...b, at: at++ })),
        DEFAULT_POLICY,
      );
    }
    // A fever visitor: the door's isolation creates two disinfection tasks.
    let t = now + 100;
    for (const step of [
      [
        { type: 'visit.opened', data: { policyVersion: DEFAULT_POLICY.version } },
        { type: 'appointment.walk-in', data: { urgent: true } },
      ],
      [
        { type: 'mask.checked', data: { status: 'worn' } },
        { type: 'hands.disinfected', data: {} },
      ],
      [{ type: 'temperature.measured', data: { celsius: 38.2, source: 'keypad' } }],
      // Re-checked early with a reason, and who it was (issue 12).
      [
        { type: 'temperature.rest-skipped', data: { reason: 'staff-decision' } },
        { type: 'temperature.measured', data: { celsius: 38.5, source: 'keypad' } },
      ],
      [
        {
          type: 'identity.confirmed',
          data: { ...identityOf(aBooking()), source: 'typed' },
        },
      ],
    ] as const) {
      await door.log.record(
        'x1',
        step.map((b) => ({ ...b, at: t++ })),
        DEFAULT_POLICY,
      );
    }
    await syncAll(door, g1, g2);

    // Both guides, offline from each other, call A001 within the same second.
    expect((await queue(g1, { kind: 'call', visit: 'v1', window: 1 }, now + 1000)).result.ok).toBe(
      true,
    );
    expect((await queue(g2, { kind: 'call', visit: 'v1', window: 2 }, now + 1400)).result.ok).toBe(
      true,
    );
    await g2.log.command(day, () => ({
      drafts: [
        {
          type: 'incident.step' as const,
          at: now + 1500,
          data: { incident: 'none', step: 'police-called' as const },
        },
      ],
      result: null,
    }));
    await syncAll(door, g1, g2);

    const states = await Promise.all([door, g1, g2].map((x) => dayState(x.db, day)));
    const queues = states.map((s) => queueState(s.visits, DEFAULT_POLICY));
    expect(queues[1]).toEqual(queues[0]);
    expect(queues[2]).toEqual(queues[0]);
    const windows = queues[0]?.windows.filter((w) => w.tickets.length > 0);
    expect(windows?.map((w) => [w.window, w.tickets.map((x) => x.ticket)])).toEqual([
      [1, ['A001']],
    ]);
    for (const s of states) {
      expect(foldTasks(s.records).map((x) => x.spot)).toEqual([
        'temperature-point',
        'isolation-area',
      ]);
      // The isolation's suspected-case alert reached every tablet; a step of an unknown
      // incident is ignored.
      expect(foldIncidents(s.records).map((i) => [i.kind, i.visit, i.steps])).toEqual([
        ['suspected-case', 'x1', {}],
      ]);
    }
    // And the second guide is answered once it knows.
    expect(
      (await queue(g2, { kind: 'call', visit: 'v1', window: 3 }, now + 2000)).result,
    ).toMatchObject({
      ok: false,
      reason: 'already-called',
      window: 1,
    });
  }, 60_000);
});
