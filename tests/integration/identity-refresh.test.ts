// @vitest-environment node
/**
 * Sync replies announce the server's identity as read at most 10 s ago: not a read per
 * request, and a new epoch (new-epoch, a failover under a running instance) is seen
 * within 10 s. A failed read is not kept: the next request asks again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/src/http/app';
import { openSqliteStore } from '../../server/src/store/sqlite';
import type { Store } from '../../server/src/store/store';

const ADMIN = 'admin-token-for-identity-refresh';
const SITE = 'hall';

let app: ReturnType<typeof buildApp>;
let store: Store;
/** The store itself (its own reads not counted). */
let raw: Store;
let reads: number;
let failNext: boolean;
let clock: number;

beforeEach(() => {
  const sqlite = openSqliteStore(':memory:');
  raw = sqlite;
  reads = 0;
  failNext = false;
  // The store as the routes see it, counting (and, when asked, failing) identity reads.
  store = Object.assign(Object.create(sqlite) as Store, {
    identity: async () => {
      reads++;
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      return sqlite.identity();
    },
  });
  clock = 1_000_000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  app = buildApp({
    store,
    adminToken: ADMIN,
    limits: { enrolPerMinute: 1000, adminPerMinute: 1000 },
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await app.close();
  await store.close();
});

async function enrolledToken(): Promise<string> {
  const admin = (url: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/admin${url}`,
      headers: { authorization: `Bearer ${ADMIN}` },
      payload,
    });
  await admin('/sites', { id: SITE, name: 'Hall' });
  const { code } = (await admin(`/sites/${SITE}/enrolment-codes`, {})).json();
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/enrol',
    payload: { code, deviceId: 'tab-1', deviceName: 'tab-1' },
  });
  return enrolled.json().token;
}

describe('the identity sync replies announce', () => {
  it('is read once per 10 s, and a new epoch shows within 10 s', async () => {
    const token = await enrolledToken();
    const pull = async () => {
      const reply = await app.inject({
        method: 'GET',
        url: `/api/v1/sites/${SITE}/events`,
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: reply.statusCode, epoch: reply.json().server?.epoch as number };
    };
    const first = await pull();
    expect(first.status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await pull()).epoch).toBe(first.epoch);
    expect(reads).toBe(1);

    const { epoch } = await raw.newEpoch();
    clock += 9_999;
    expect((await pull()).epoch).toBe(first.epoch);
    clock += 1;
    expect((await pull()).epoch).toBe(epoch);
    expect(reads).toBe(2);

    clock += 10_000;
    failNext = true;
    expect((await pull()).status).toBe(500);
    expect(await pull()).toEqual({ status: 200, epoch });
    expect(reads).toBe(4);
  });
});
