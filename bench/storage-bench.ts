/**
 * Storage benchmark, run inside real Chromium against real IndexedDB (bench/run.mjs).
 * 1. One visit through the door's common path: 5 transactions (events + projection),
 *    timed per transaction and per visit, over 1,000 visits.
 * 2. Today's log with 5,000 visits stored: the query the log screen runs.
 * 3. The retention purge of those 5,000 visits (as if past retention and held by the
 *    server), and what a door step recorded meanwhile waits: the purge's transactions
 *    (100 visits each) hold the event store while they run; then the next hourly run.
 */
import { CheckpointDb } from '../src/db/database';
import { EventLog } from '../src/db/event-log';
import { visitsOfDay } from '../src/db/queries';
import { purgeExpired } from '../src/db/retention';
import { markHeld } from '../src/db/sync-store';
import type { EventBody } from '../src/domain/events';
import { DEFAULT_POLICY } from '../src/domain/policy';
import { dayKey, nextDay } from '../src/domain/time';
import { publishResult } from './page-result';
import { sized } from './size';
import { summarise } from './stats';

const VISITS = sized(1000, 20);
const LOG_VISITS = sized(5000, 50);

function greenSteps(i: number): EventBody[][] {
  const booking = {
    bookingId: `B${i}`,
    name: '张三明',
    phone: '13812345678',
    idNumber: '110101199003078670',
    slotStart: Date.now() - 600_000,
    slotEnd: Date.now() + 600_000,
  };
  return [
    [
      { type: 'visit.opened', data: { policyVersion: DEFAULT_POLICY.version } },
      { type: 'appointment.matched', data: booking },
    ],
    [
      { type: 'mask.checked', data: { status: 'worn' } },
      { type: 'hands.disinfected', data: {} },
    ],
    [{ type: 'temperature.measured', data: { celsius: 36.5, source: 'preset' } }],
    [{ type: 'identity.confirmed', data: { ...booking, source: 'booking' } }],
    [
      { type: 'health-code.checked', data: { colour: 'green', method: 'manual' } },
      { type: 'travel-code.checked', data: { riskArea: false, method: 'manual' } },
    ],
  ];
}

async function fill(
  log: EventLog,
  count: number,
  prefix: string,
  perTx: number[],
  perVisit: number[],
) {
  for (let i = 0; i < count; i++) {
    const visitStart = performance.now();
    for (const step of greenSteps(i)) {
      const t0 = performance.now();
      await log.record(
        `${prefix}-${i}`,
        step.map((b) => ({ ...b, at: Date.now() })),
        DEFAULT_POLICY,
      );
      perTx.push(performance.now() - t0);
    }
    perVisit.push(performance.now() - visitStart);
  }
}

async function run() {
  const db = new CheckpointDb(`bench-${Date.now()}`);
  await db.open();
  const log = new EventLog(db, { site: 'bench', device: 'bench-device', ticketPrefix: 'A' });

  const perTx: number[] = [];
  const perVisit: number[] = [];
  await fill(log, VISITS, 'v', perTx, perVisit);

  // Top up to 5,000 visits today, then time the log's query.
  await fill(log, LOG_VISITS - VISITS, 'w', [], []);
  const day = dayKey(Date.now());
  const loads: number[] = [];
  let rows = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    rows = (await visitsOfDay(db, day)).length;
    loads.push(performance.now() - t0);
  }

  await markHeld(db, Number.MAX_SAFE_INTEGER);
  const purgeStart = performance.now();
  let purging = true;
  const purge = purgeExpired(db, log, {
    device: 'bench-device',
    before: nextDay(day),
    now: Date.now(),
  }).finally(() => {
    purging = false;
  });
  const doorDuringPurge: number[] = [];
  for (let i = 0; purging; i++) {
    const t0 = performance.now();
    await log.record(
      `door-${i}`,
      [{ type: 'visit.opened', at: Date.now(), data: { policyVersion: DEFAULT_POLICY.version } }],
      DEFAULT_POLICY,
    );
    doorDuringPurge.push(performance.now() - t0);
  }
  const purged = await purge;
  const purgeMs = performance.now() - purgeStart;
  // The hourly run after it: the clean mark leaves nothing to read.
  const againStart = performance.now();
  await purgeExpired(db, log, { device: 'bench-device', before: nextDay(day), now: Date.now() });
  const againMs = performance.now() - againStart;
  await db.delete();
  return {
    transaction: summarise(perTx),
    visit: summarise(perVisit),
    logLoad: { ...summarise(loads), rows },
    purge: { n: 1, median: Math.round(purgeMs), visits: purged.visits, events: purged.events },
    purgeAgain: { n: 1, median: Math.round(againMs * 10) / 10 },
    doorStepDuringPurge: summarise(doorDuringPurge),
  };
}

publishResult(run);
