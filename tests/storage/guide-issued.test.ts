import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { EventLog } from '../../src/db/event-log';
import { dayState } from '../../src/db/queries';
import { applyPulled } from '../../src/db/sync-store';
import { type QueueState, queueState } from '../../src/domain/queue';
import { planQueueCommand, type QueueCommand } from '../../src/domain/queue-commands';
import { dayKey } from '../../src/domain/time';
import { admittedVisitEvents, FIXED_NOW, MINUTE } from '../fixtures/builders';
import { policyWith } from '../fixtures/queue-day';
import { openFreshLog } from '../fixtures/storage';

/**
 * Issue 31, the guide: each window button names the ticket and the calls it showed. A
 * double tap on 叫下一位, 重呼, 办结 or 未到, delivered late and interleaved with the next
 * deliberate taps, leaves the log single taps make.
 */
const day = dayKey(FIXED_NOW);
const policy = policyWith({ waitingPlaces: 2, windows: [1, 2], noShowAfterCalls: 3 });

/** A deliberate tap, as a function of the guide's screen when it was made. */
type Tap = (screen: QueueState) => QueueCommand;
const win1 = (s: QueueState) => {
  const w = s.windows.find((x) => x.window === 1);
  if (!w) throw new Error('no window 1');
  return w;
};
const at1 = (s: QueueState) => {
  const called = win1(s).tickets[0];
  if (!called) throw new Error('nobody at window 1');
  return called;
};
const TAPS: Tap[] = [
  (s) => ({ kind: 'call-next', window: 1, callsMade: win1(s).callsMade }),
  (s) => ({ kind: 'recall', visit: at1(s).visit, calls: at1(s).calls }),
  (s) => ({ kind: 'recall', visit: at1(s).visit, calls: at1(s).calls }),
  (s) => ({ kind: 'no-show', visit: at1(s).visit, calls: at1(s).calls }),
  (s) => ({ kind: 'call-next', window: 1, callsMade: win1(s).callsMade }),
  (s) => ({ kind: 'served', visit: at1(s).visit, calls: at1(s).calls }),
  (s) => ({ kind: 'call-next', window: 1, callsMade: win1(s).callsMade }),
  (s) => ({ kind: 'recall', visit: at1(s).visit, calls: at1(s).calls }),
];

let dbs: CheckpointDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

async function play(repeats: readonly number[][]) {
  const { db, log } = await openFreshLog('guide-1');
  dbs.push(db);
  const admitted = [1, 2, 3].flatMap((i) =>
    admittedVisitEvents(`v${i}`, `A00${i}`, FIXED_NOW + i * MINUTE, {
      device: 'door-1',
      firstSeq: 2 * i - 1,
    }),
  );
  await applyPulled(db, admitted, admitted.length);
  const send = (log: EventLog, c: QueueCommand) =>
    log.command(day, (s) => {
      const { drafts, answer } = planQueueCommand(s.visits, policy, c, FIXED_NOW + 30 * MINUTE);
      return { drafts, result: answer };
    });
  const pending: { due: number; command: QueueCommand }[] = [];
  for (const [i, tap] of TAPS.entries()) {
    for (const p of pending.filter((x) => x.due === i)) await send(log, p.command);
    const screen = queueState((await dayState(db, day)).visits, policy);
    const command = tap(screen);
    await send(log, command);
    for (const k of repeats[i] ?? []) pending.push({ due: i + 1 + k, command });
  }
  for (const p of pending.filter((x) => x.due >= TAPS.length)) await send(log, p.command);
  const mine = await db.events.where('device').equals('guide-1').toArray();
  return mine
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ type: e.type, visit: e.visit, data: e.data }));
}

describe('guide commands named by the screen they came from', () => {
  it('any repeated taps give the single-tap log', async () => {
    const single = await play([]);
    expect(single.map((e) => e.type)).toEqual([
      'queue.called',
      'queue.recalled',
      'queue.recalled',
      'queue.no-show',
      'visit.exited',
      'queue.called',
      'queue.served',
      'queue.called',
      'queue.recalled',
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }), {
          minLength: TAPS.length,
          maxLength: TAPS.length,
        }),
        async (repeats) => {
          expect(await play(repeats)).toEqual(single);
        },
      ),
      { numRuns: 25 },
    );
  });
});
