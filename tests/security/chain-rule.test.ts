// @vitest-environment node
/**
 * Issue 35, finding 2: after a device's chained events, one event with no chain, then one
 * chained from GENESIS, were both accepted, and `admin verify` then called the ledger
 * broken, at the first break only: later edits hid behind it. Now one function
 * (src/domain/chain.ts verifyChain) decides what a push may add and what verify calls
 * broken, and verify names every break of every device.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainEvents, GENESIS } from '../../src/domain/chain';
import type { CheckpointEvent } from '../../src/domain/events';
import { aBooking, chained, ev, visitEvents } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import * as attack from './attack';

const { adminCli, call, startHardenedServer } = attack;

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
}, 40_000);
afterAll(() => server.stop());

const START = Date.now() - 600_000;
const visit = (device: string, site: string, firstSeq: number) =>
  visitEvents([ev.opened(), ev.booked(aBooking()), ev.mask()], {
    device,
    site,
    firstSeq,
    // Event ids come from the time: each device its own.
    start: START + (device === 'tab-ce' ? 100_000 : 0) + firstSeq * 1_000,
    visit: `v-${device}-${firstSeq}`,
  });

const push = (site: string, token: string, events: readonly CheckpointEvent[]) =>
  call(server.url, 'POST', `/sites/${site}/events`, { token, body: { events } });

describe('the chain a push may leave', () => {
  it('refuses an unchained event after a chained head, and a chain begun again from GENESIS', async () => {
    const token = await attack.enrolledToken(server.url, 'hall-cr', 'tab-cr');
    const head = await chained([
      ...visit('tab-cr', 'hall-cr', 1),
      ...visit('tab-cr', 'hall-cr', 4),
    ]);
    expect((await push('hall-cr', token, head)).body).toMatchObject({ heldSeq: 6, refused: [] });

    const [unchained] = visit('tab-cr', 'hall-cr', 7);
    const bare = await push('hall-cr', token, [unchained as CheckpointEvent]);
    expect(bare.body).toMatchObject({ accepted: 0, heldSeq: 6 });
    expect(bare.body.refused).toEqual([
      expect.objectContaining({ seq: 7, reason: 'chain-edited' }),
    ]);

    const { events: restarted } = await chainEvents(visit('tab-cr', 'hall-cr', 7), GENESIS);
    const again = await push('hall-cr', token, restarted);
    expect(again.body).toMatchObject({ accepted: 0, heldSeq: 6 });
    expect((again.body.refused as { reason: string }[]).map((r) => r.reason)).toEqual([
      'chain-fork',
      'chain-gap',
      'chain-gap',
    ]);

    const verify = await adminCli(server.dataDir, 'verify', 'hall-cr');
    expect(verify.out).toContain('all unbroken');
    expect(verify.code).toBe(0);
  }, 60_000);

  it('verify names every break of a device, not only the first', async () => {
    const token = await attack.enrolledToken(server.url, 'hall-ce', 'tab-ce');
    const events = await chained([
      ...visit('tab-ce', 'hall-ce', 1),
      ...visit('tab-ce', 'hall-ce', 4),
      ...visit('tab-ce', 'hall-ce', 7),
    ]);
    const pushed = await push('hall-ce', token, events);
    expect(pushed.body.refused).toEqual([]);
    expect(pushed.body).toMatchObject({ heldSeq: 9 });
    // Two events edited in the file, behind the server's back.
    const file = new Database(join(server.dataDir, 'checkpoint.sqlite'));
    const edit = file.prepare(
      "UPDATE events SET body = replace(body, '\"at\":', '\"at\":1') WHERE device = 'tab-ce' AND seq = ?",
    );
    edit.run(2);
    edit.run(8);
    file.close();
    const verify = await adminCli(server.dataDir, 'verify', 'hall-ce');
    expect(verify.code).toBe(1);
    expect(verify.out).toContain('BROKEN at seq 2');
    expect(verify.out).toContain('BROKEN at seq 8');
  }, 60_000);
});
