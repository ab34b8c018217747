/**
 * The guide's costs in Chromium against real IndexedDB (bench/run.mjs), on a busy day
 * (ADMITTED visitors admitted, a quarter of them waiting):
 * 1. reading the day (the live query every guide, door and board screen runs on each write);
 * 2. the queue projection, a pure fold over that day's visits;
 * 3. one guide action through EventLog.command (read the day, plan, append, refold,
 *    read again, in one strict transaction): call next, then served, CALLS times.
 */
import { CheckpointDb } from '../src/db/database';
import { EventLog } from '../src/db/event-log';
import { dayState } from '../src/db/queries';
import { applyPulled } from '../src/db/sync-store';
import type { CheckpointEvent } from '../src/domain/events';
import { DEFAULT_POLICY } from '../src/domain/policy';
import { queueState } from '../src/domain/queue';
import { planQueueCommand, type QueueCommand } from '../src/domain/queue-commands';
import { dayKey } from '../src/domain/time';
import { publishResult } from './page-result';
import { sized } from './size';
import { summarise } from './stats';

const ADMITTED = sized(1000, 20);
const CALLS = sized(200, 5);
const READS = sized(30, 3);

function seedEvents(start: number): CheckpointEvent[] {
  const events: CheckpointEvent[] = [];
  let seq = 0;
  const meta = (at: number, visit: string) => ({
    id: `01${String(++seq).padStart(24, '0')}`,
    site: 'bench',
    device: 'door-bench',
    seq,
    at,
    visit,
    v: 1 as const,
  });
  for (let i = 0; i < ADMITTED; i++) {
    const at = start + i * 20_000;
    const visit = `v${i}`;
    events.push({ ...meta(at, visit), type: 'visit.opened', data: { policyVersion: '2026.1' } });
    const ticket = `A${String(i + 1).padStart(4, '0')}`;
    events.push({
      ...meta(at + 1, visit),
      type: 'visit.decided',
      data: { outcome: { kind: 'admitted', ticket }, policyVersion: '2026.1' },
    });
    if (i < ADMITTED * 0.75) {
      events.push({
        ...meta(at + 600_000, visit),
        type: 'queue.called',
        data: { window: 1 + (i % 6), priority: false },
      });
      events.push({
        ...meta(at + 900_000, visit),
        type: 'queue.served',
        data: { window: 1 + (i % 6) },
      });
      events.push({
        ...meta(at + 960_000, visit),
        type: 'visit.exited',
        data: { automatic: false },
      });
    }
  }
  return events;
}

async function run() {
  const db = new CheckpointDb(`guide-bench-${Date.now()}`);
  await db.open();
  const now = Date.now();
  const day = dayKey(now);
  const start = new Date(new Date(now).setHours(0, 1, 0, 0)).getTime();
  const events = seedEvents(start);
  await applyPulled(db, events, events.length);
  const log = new EventLog(db, { site: 'bench', device: 'guide-bench', ticketPrefix: 'G' });

  const reads: number[] = [];
  const folds: number[] = [];
  let state = await dayState(db, day);
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    state = await dayState(db, day);
    reads.push(performance.now() - t0);
    const t1 = performance.now();
    queueState(state.visits, DEFAULT_POLICY);
    folds.push(performance.now() - t1);
  }

  const commands: number[] = [];
  const act = (command: QueueCommand, at: number) =>
    log.command(day, (s) => {
      const { drafts, answer } = planQueueCommand(s.visits, DEFAULT_POLICY, command, at);
      return { drafts, result: answer };
    });
  let at = now;
  for (let i = 0; i < CALLS / 2; i++) {
    const window = 1 + (i % 6);
    let t0 = performance.now();
    const called = await act({ kind: 'call-next', window }, at++);
    commands.push(performance.now() - t0);
    if (!called.result.ok) throw new Error(`call-next refused: ${called.result.reason}`);
    t0 = performance.now();
    await act({ kind: 'served', visit: called.result.visit }, at++);
    commands.push(performance.now() - t0);
  }
  await db.delete();
  return {
    dayRead: { ...summarise(reads), visits: state.visits.length },
    queueFold: summarise(folds),
    guideCommand: summarise(commands),
  };
}

publishResult(run);
