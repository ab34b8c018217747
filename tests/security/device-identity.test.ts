// @vitest-environment node
/**
 * Finding 1, device takeover: enrolling with an existing device id returned a new token,
 * locked the real tablet out, brought a revoked device back, and the attacker's seq 5
 * made the server's heldSeq cover the real tablet's refused seq 5 (a visit lost).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, visitEvents } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import { admin, call, enrol, newCode, newSite, startHardenedServer } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
  await newSite(server.url, 'hall-1');
}, 40_000);
afterAll(() => server.stop());

const events = (site: string, firstSeq: number, count: number, start = Date.now()) =>
  visitEvents(
    Array.from({ length: count }, () => ev.opened()),
    { site, device: 'tab-a1', firstSeq, start, visit: `v-${start}` },
  );

describe('finding 1: device takeover', () => {
  it('refuses an enrolment under an existing device id, keeps the real token, never revives a revoked device, and heldSeq never covers a refused event', async () => {
    const real = await enrol(server.url, await newCode(server.url, 'hall-1'), 'tab-a1');
    expect(real.status).toBe(200);
    const token = String(real.body.token);
    const first = events('hall-1', 1, 4);
    const pushed = await call(server.url, 'POST', '/sites/hall-1/events', {
      token,
      body: { events: first },
    });
    expect(pushed.body).toMatchObject({ accepted: 4, heldSeq: 4 });

    // The attack: a valid code for the site, the real tablet's id.
    const attacker = await enrol(server.url, await newCode(server.url, 'hall-1'), 'tab-a1');
    expect(attacker.status).toBe(409);
    expect(attacker.body).toMatchObject({ error: 'device-exists' });
    expect(attacker.body.token).toBeUndefined();
    const stillIn = await call(server.url, 'GET', '/sites/hall-1/events?after=0', { token });
    expect(stillIn.status).toBe(200);

    // The tablet itself may re-enrol (a new token) by showing its current one.
    const again = await enrol(server.url, await newCode(server.url, 'hall-1'), 'tab-a1', token);
    expect(again.status).toBe(200);
    const rotated = String(again.body.token);
    expect((await call(server.url, 'GET', '/sites/hall-1/events', { token })).status).toBe(401);

    // seq 5 held with one content; another event claiming seq 5, then seq 6.
    const [held5] = events('hall-1', 5, 1, Date.now() + 1_000);
    await call(server.url, 'POST', '/sites/hall-1/events', {
      token: rotated,
      body: { events: [held5] },
    });
    const other = events('hall-1', 5, 2, Date.now() + 5_000);
    const reply = await call(server.url, 'POST', '/sites/hall-1/events', {
      token: rotated,
      body: { events: other },
    });
    expect(reply.body.refused).toEqual([
      expect.objectContaining({ id: other[0]?.id, seq: 5, reason: 'seq-reused' }),
    ]);
    expect(reply.body.heldSeq).toBe(4);

    // Revoked stays revoked: no code, no token brings it back.
    expect((await admin(server.url, 'POST', '/devices/tab-a1/revoke')).status).toBe(200);
    for (const proof of [undefined, rotated]) {
      const back = await enrol(server.url, await newCode(server.url, 'hall-1'), 'tab-a1', proof);
      expect(back.status).toBe(409);
      expect(back.body).toMatchObject({ error: 'device-revoked' });
    }
    expect((await call(server.url, 'GET', '/sites/hall-1/events', { token: rotated })).status).toBe(
      401,
    );
  });
});
