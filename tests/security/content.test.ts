// @vitest-environment node
/**
 * Finding 7: garbage was answered 200, stored and pulled by every tablet of the site:
 * ID numbers `' OR 1=1 --` and one with a bad check digit, phone `+1 (555) <b>`, names
 * with NUL, a lone surrogate or an RTL override, temperatures −500 °C and 1e308 °C.
 * Now each is refused with its own reason, stored nowhere; `at` = 0 and
 * MAX_SAFE_INTEGER are stored but flagged, not trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events';
import { aBooking, ev, VALID_ID_NUMBER, visitEvents } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import { call, enrol, newCode, newSite, startHardenedServer } from './attack';

let server: ServerProcess;
let token = '';
beforeAll(async () => {
  server = await startHardenedServer();
  await newSite(server.url, 'hall-7');
  token = String(
    (await enrol(server.url, await newCode(server.url, 'hall-7'), 'tab-7')).body.token,
  );
}, 40_000);
afterAll(() => server.stop());

const who = (o: Partial<ReturnType<typeof aBooking>>) => ev.identity(aBooking(o), 'typed');
const badCheckDigit = `${VALID_ID_NUMBER.slice(0, 17)}${VALID_ID_NUMBER.endsWith('1') ? '2' : '1'}`;

const GARBAGE: [string, EventBody, string][] = [
  ['SQL in the ID number', who({ idNumber: "' OR 1=1 --" }), 'id-number'],
  ['a bad check digit', who({ idNumber: badCheckDigit }), 'id-number'],
  ['markup in the phone', who({ phone: '+1 (555) <b>' }), 'phone'],
  ['a NUL in the name', who({ name: '张\u0000三' }), 'control-character'],
  ['a lone surrogate in the name', who({ name: '张\uD800三' }), 'lone-surrogate'],
  ['an RTL override in the name', who({ name: '张\u202E三' }), 'bidi-override'],
  ['−500 °C', ev.temperature(-500), 'temperature'],
  ['1e308 °C', ev.temperature(1e308), 'temperature'],
];

describe('finding 7: garbage content', () => {
  it('refuses each garbage event with its reason, stores none, and flags absurd device times', async () => {
    const seq = 1;
    for (const [what, body, reason] of GARBAGE) {
      const events = visitEvents([body], { site: 'hall-7', device: 'tab-7', firstSeq: seq });
      const reply = await call(server.url, 'POST', '/sites/hall-7/events', {
        token,
        body: { events },
      });
      expect(reply.status, what).toBe(200);
      expect(reply.body, what).toMatchObject({
        accepted: 0,
        heldSeq: seq - 1,
        refused: [{ id: events[0]?.id, seq, reason }],
      });
    }
    const pulled = await call(server.url, 'GET', '/sites/hall-7/events?after=0', { token });
    expect(pulled.body.events).toEqual([]);

    // The seq the garbage tried is still free for the tablet's real event.
    const clocks = [0, Number.MAX_SAFE_INTEGER].map((at, i) => ({ ...ev.opened(), at, i }));
    const timed = visitEvents(
      clocks.map(({ i: _, ...body }) => body),
      { site: 'hall-7', device: 'tab-7', firstSeq: 1 },
    );
    const reply = await call(server.url, 'POST', '/sites/hall-7/events', {
      token,
      body: { events: timed },
    });
    expect(reply.body).toMatchObject({ accepted: 2, heldSeq: 2, flagged: timed.map((e) => e.id) });
  });
});
