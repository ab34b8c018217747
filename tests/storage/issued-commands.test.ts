import fc from 'fast-check';
import { ulid } from 'ulidx';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { EventLog } from '../../src/db/event-log';
import type { EventBody } from '../../src/domain/events';
import { type Issued, issuedAt } from '../../src/domain/issued';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import type { Visit } from '../../src/domain/visit';
import { aBooking, ev, FIXED_NOW } from '../fixtures/builders';
import { openFreshLog } from '../fixtures/storage';

/**
 * Issue 31: a door command names the state it was issued from and the event log applies
 * it only to that state. Property: whatever taps are repeated (a double or triple tap
 * delivered late, onto the next screen, interleaved with the next deliberate taps), the
 * log is the one single taps make.
 */

const policy = DEFAULT_POLICY;

/** What a tap sends: fixed when its button was drawn (the visit as then on screen). */
interface Command {
  visitId: string;
  bodies: EventBody[];
  issued: Issued;
}

/** Each deliberate tap of a visitor's path, as a function of the screen it was made on. */
type Tap = (shown: Visit | null, nextVisitId: string) => Command;

const on =
  (...bodies: EventBody[]): Tap =>
  (shown) => {
    if (!shown) throw new Error('no visit on screen');
    return { visitId: shown.id, bodies, issued: issuedAt(shown, policy) };
  };
const opening =
  (...bodies: EventBody[]): Tap =>
  (_shown, nextVisitId) => ({
    visitId: nextVisitId,
    bodies: [ev.opened(), ...bodies],
    issued: { kind: 'new-visit' },
  });
const undo =
  (must: 'temperature' | 'health-code'): Tap =>
  (shown) => {
    if (!shown) throw new Error('no visit');
    return { visitId: shown.id, bodies: [ev.reopened(must)], issued: issuedAt(shown, policy) };
  };

const PATHS: Record<string, Tap[]> = {
  'booked green visitor': [
    opening(ev.booked(aBooking())),
    on(ev.mask('worn'), ev.hands()),
    on(ev.temperature(36.5)),
    on(ev.identity()),
    on(ev.healthCode('green'), ev.travelCode(false)),
  ],
  'mask, then hands, symptoms on their own': [
    opening(ev.booked(aBooking())),
    on(ev.mask('worn')),
    on(ev.hands()),
    on(ev.symptoms({ cough: true })),
    on(ev.temperature(36.6)),
  ],
  'a refusal undone': [
    opening(ev.booked(aBooking())),
    on(ev.mask('worn'), ev.hands()),
    on(ev.temperature(36.4)),
    on(ev.identity()),
    on(ev.healthCode('red')),
    undo('health-code'),
    on(ev.healthCode('green'), ev.travelCode(false)),
  ],
};

let open: CheckpointDb[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.delete()));
  open = [];
});

async function freshLog(): Promise<{ db: CheckpointDb; log: EventLog }> {
  const fresh = await openFreshLog('door-1');
  open.push(fresh.db);
  return fresh;
}

/**
 * Plays a path; `repeats[i]` lists where copies of tap i are delivered: each as late as
 * `k` deliberate taps after it (0: before the next deliberate tap).
 */
async function play(taps: readonly Tap[], repeats: readonly number[][]) {
  const { db, log } = await freshLog();
  const visitId = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
  let shown: Visit | null = null;
  const pending: { due: number; command: Command }[] = [];
  const deliver = async (c: Command) => {
    const visit = await log.record(
      c.visitId,
      c.bodies.map((b) => ({ ...b, at: FIXED_NOW })),
      policy,
      c.issued,
    );
    shown = visit;
  };
  for (const [i, tap] of taps.entries()) {
    for (const p of pending.filter((x) => x.due === i)) await deliver(p.command);
    const command = tap(shown, visitId);
    await deliver(command);
    for (const k of repeats[i] ?? []) pending.push({ due: i + 1 + k, command });
  }
  for (const p of pending.filter((x) => x.due >= taps.length)) await deliver(p.command);
  return db;
}

async function eventsOf(db: CheckpointDb) {
  const all = (await db.events.toArray()).sort((a, b) => a.seq - b.seq);
  return all.map((e) => ({ type: e.type, visit: e.visit, data: e.data }));
}

describe('door commands named by the state they were issued from', () => {
  for (const [name, taps] of Object.entries(PATHS)) {
    it(`${name}: any repeated taps give the single-tap log`, async () => {
      const single = await eventsOf(await play(taps, []));
      expect(single.length).toBeGreaterThan(taps.length);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }), {
            minLength: taps.length,
            maxLength: taps.length,
          }),
          async (repeats) => {
            expect(await eventsOf(await play(taps, repeats))).toEqual(single);
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('a command from a step already answered records nothing and returns the visit', async () => {
    const { log } = await freshLog();
    const id = ulid(FIXED_NOW);
    const opened = await log.record(
      id,
      [ev.opened(), ev.booked(aBooking())].map((b) => ({ ...b, at: FIXED_NOW })),
      policy,
      { kind: 'new-visit' },
    );
    const maskScreen = issuedAt(opened, policy);
    expect(maskScreen).toMatchObject({ kind: 'step', step: 'mask' });
    await log.record(id, [{ ...ev.mask('worn'), at: FIXED_NOW }], policy, maskScreen);
    // The ghost of that tap lands on the hands step's "refused" button, named for "mask".
    const after = await log.record(
      id,
      [{ ...ev.abandoned('refused-measures'), at: FIXED_NOW }],
      policy,
      maskScreen,
    );
    expect(after.status).toBe('open');
    expect(after.abandoned).toBeNull();
    // Without a name, the old behaviour: recorded.
    const unnamed = await log.record(id, [{ ...ev.hands(), at: FIXED_NOW }], policy);
    expect(unnamed.handsDisinfected).toBe(true);
  });
});
