// @vitest-environment node
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/http/app';
import { openSqliteStore } from '../../server/src/store/sqlite';
import type { CheckpointEvent } from '../../src/domain/events';
import type { BookingDayReply, ConfigReply, PullReply, PushReply } from '../../src/protocol/api';
import { SyncError, type Transport } from '../../src/sync/transport';
import { makeTablet, type Tablet } from '../fixtures/tablet';

type Fault = 'none' | 'lost-request' | 'lost-reply' | 'server-error';
type Step = { kind: 'record'; device: number } | { kind: 'sync'; device: number; fault: Fault };

const SITE = 'hall-prop';
const ADMIN = 'admin';

/** The real server app in-process (Fastify inject), with a fault chosen per sync. */
async function inProcessServer() {
  const store = openSqliteStore(':memory:');
  const app = buildApp({
    store,
    adminToken: ADMIN,
    limits: { enrolPerMinute: 1000, adminPerMinute: 100_000 },
  });
  const adminCall = (method: 'POST' | 'PUT', url: string, payload: object) =>
    app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: { authorization: `Bearer ${ADMIN}` },
      payload,
    });
  await adminCall('POST', '/sites', { id: SITE, name: 'Property hall' });

  async function enrol(device: string): Promise<string> {
    const code = (await adminCall('POST', `/sites/${SITE}/enrolment-codes`, {})).json()
      .code as string;
    const reply = await app.inject({
      method: 'POST',
      url: '/api/v1/enrol',
      payload: { code, deviceId: device, deviceName: device },
    });
    return reply.json().token as string;
  }

  function transport(token: string, fault: { current: Fault }): Transport {
    async function call<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
      const f = fault.current;
      if (f === 'lost-request') throw new SyncError('offline', 'lost on the way');
      if (f === 'server-error' && method === 'GET') throw new SyncError('server', 'injected 500');
      const reply = await app.inject({
        method,
        url: `/api/v1/sites/${SITE}${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      if (f === 'lost-reply') throw new SyncError('offline', 'reply lost after commit');
      if (reply.statusCode !== 200) throw new SyncError('server', reply.body);
      return reply.json() as T;
    }
    return {
      push: (events) => call<PushReply>('POST', '/events', { events }),
      pull: (after, limit) => call<PullReply>('GET', `/events?after=${after}&limit=${limit}`),
      config: () => call<ConfigReply>('GET', '/config'),
      bookingDay: (day) => call<BookingDayReply>('GET', `/bookings/${day}`),
    };
  }

  async function allEvents(token: string): Promise<CheckpointEvent[]> {
    const reply = await app.inject({
      method: 'GET',
      url: `/api/v1/sites/${SITE}/events?after=0&limit=1000`,
      headers: { authorization: `Bearer ${token}` },
    });
    return (reply.json() as PullReply).events;
  }

  return { enrol, transport, allEvents, close: () => app.close() };
}

const steps = (devices: number) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('record' as const), device: fc.nat(devices - 1) }),
      fc.record({
        kind: fc.constant('sync' as const),
        device: fc.nat(devices - 1),
        fault: fc.constantFrom<Fault>('none', 'lost-request', 'lost-reply', 'server-error'),
      }),
    ),
    { minLength: 1, maxLength: 14 },
  );

describe('sync convergence (property)', () => {
  it('devices writing offline and syncing in any order, with failures, end with the same events and projections; the server holds the union once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), steps(n))),
        async ([n, plan]) => {
          const server = await inProcessServer();
          const faults = Array.from({ length: n }, () => ({ current: 'none' as Fault }));
          const tablets: Tablet[] = [];
          for (let i = 0; i < n; i++) {
            const token = await server.enrol(`dev-${i}`);
            tablets.push(
              await makeTablet(
                `dev-${i}`,
                SITE,
                server.transport(token, faults[i] ?? { current: 'none' }),
                String.fromCharCode(65 + i),
              ),
            );
          }
          const token0 = await server.enrol('observer');
          let visits = 0;
          try {
            for (const step of plan as Step[]) {
              const tablet = tablets[step.device];
              const fault = faults[step.device];
              if (!tablet || !fault) continue;
              if (step.kind === 'record')
                await tablet.recordVisit(`visit-${visits++}`, 1_795_000_000_000 + visits * 10);
              else {
                fault.current = step.fault;
                await tablet.engine.syncOnce();
              }
            }
            for (const f of faults) f.current = 'none';
            for (let round = 0; round < 2; round++)
              for (const t of tablets) expect(await t.engine.syncOnce()).toBe(true);

            const held = await server.allEvents(token0);
            const heldIds = held.map((e) => e.id).sort();
            expect(new Set(heldIds).size).toBe(heldIds.length);
            expect(heldIds.length).toBe(visits * 9);
            for (const t of tablets) {
              expect((await t.db.events.toArray()).map((e) => e.id).sort()).toEqual(heldIds);
              expect(await t.db.visits.orderBy('id').toArray()).toEqual(
                await tablets[0]?.db.visits.orderBy('id').toArray(),
              );
            }
          } finally {
            for (const t of tablets) await t.close();
            await server.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
