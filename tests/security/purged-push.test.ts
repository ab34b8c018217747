// @vitest-environment node
/**
 * Issue 35, finding 1: a pushed `identity.confirmed` marked `"purgedAt": 1`, with a real
 * name, an ID number `' OR 1=1 --`, a phone `not-a-phone` and dated 60 days ago, was
 * stored, outlived every retention run and was served to every tablet of the hall. Now
 * an event marked purged must be exactly what the purge leaves, or it is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { withoutPersonalData } from '../../src/domain/retention';
import { admin, allHeld, type ServerProcess } from '../integration/server-process';
import * as attack from './attack';

const { call, personalVisit, startHardenedServer } = attack;
const DAY = 86_400_000;

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
}, 40_000);
afterAll(() => server.stop());

const push = (token: string, events: readonly CheckpointEvent[]) =>
  call(server.url, 'POST', '/sites/hall-pp/events', { token, body: { events } });

describe('a pushed event marked purged', () => {
  it('is refused unless it is what the purge leaves; what is accepted holds no one', async () => {
    const token = await attack.enrolledToken(server.url, 'hall-pp', 'tab-pp');
    const reader = String(
      (await attack.enrol(server.url, await attack.newCode(server.url, 'hall-pp'), 'tab-reader'))
        .body.token,
    );
    const [opened, identity] = personalVisit(1, 'hall-pp', 'tab-pp', Date.now() - 60 * DAY) as [
      CheckpointEvent,
      Extract<CheckpointEvent, { type: 'identity.confirmed' }>,
    ];
    const forged = {
      ...identity,
      purgedAt: 1,
      data: { ...identity.data, idNumber: "' OR 1=1 --", phone: 'not-a-phone' },
    };
    const first = await push(token, [opened, forged]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 1 });
    expect(first.body.refused).toEqual([
      expect.objectContaining({ seq: identity.seq, reason: 'not-purged' }),
    ]);

    // The name alone left in, the rest emptied: still not what the purge leaves.
    const purged = withoutPersonalData(identity, 1);
    const nameKept = {
      ...purged,
      data: { ...purged.data, name: identity.data.name },
    } as CheckpointEvent;
    expect((await push(token, [nameKept])).body.refused).toEqual([
      expect.objectContaining({ reason: 'not-purged' }),
    ]);
    // Exactly as the purge leaves it: accepted (a tablet re-sending to a restored server).
    const ok = await push(token, [purged]);
    expect(ok.body).toMatchObject({ accepted: 1, refused: [] });

    const retention = await admin(server.url, 'POST', '/sites/hall-pp/retention', {});
    expect(retention.status).toBe(200);
    const held = JSON.stringify(await allHeld(server.url, 'hall-pp', reader));
    for (const value of [identity.data.name, "' OR 1=1 --", 'not-a-phone', identity.data.idNumber])
      expect(held).not.toContain(value);
  }, 60_000);

  it('marked purged on a type retention has nothing to take from is refused', async () => {
    const token = await attack.enrolledToken(server.url, 'hall-pq', 'tab-pq');
    const [opened] = personalVisit(1, 'hall-pq', 'tab-pq', Date.now() - 60_000);
    const reply = await call(server.url, 'POST', '/sites/hall-pq/events', {
      token,
      body: { events: [{ ...opened, purgedAt: 1 }] },
    });
    expect(reply.body.refused).toEqual([expect.objectContaining({ reason: 'not-purged' })]);
  }, 30_000);
});
