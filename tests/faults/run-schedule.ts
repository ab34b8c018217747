/**
 * Runs one fault schedule: 2–4 simulated tablets (the app's own event log, IndexedDB
 * through fake-indexeddb, sync engine and HTTP transport) against the real server app in
 * this process, faults injected between the transport and the app. Then the faults stop,
 * every tablet syncs, and the outcome is counted: events lost, events doubled, tablets
 * that did not converge on the server's set and projections.
 */
import { isDeepStrictEqual } from 'node:util';
import { markHeld } from '../../src/db/sync-store';
import type { CheckpointEvent } from '../../src/domain/events';
import { foldVisit, type Visit } from '../../src/domain/visit';
import { bookingWindow } from '../../src/protocol/api';
import { type FetchLike, httpTransport, type Transport } from '../../src/sync/transport';
import { aBooking } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';
import type { InProcessServer } from './in-process-server';
import { type Fault, pick, type Random, type Schedule, seededRandom } from './schedule';

/** A bug planted on purpose, to show that the schedules catch it. */
export type Plant =
  | 'none'
  /** The tablet marks a batch as held before the server answered. */
  | 'mark-before-reply'
  /** The tablet's pull cursor jumps one past what the server sent. */
  | 'cursor-ahead'
  /** The tablet ignores a day of bookings that came back empty (a move emptied it). */
  | 'skip-emptied-day';

export interface ScheduleResult {
  seed: number;
  recorded: number;
  lost: number;
  doubled: number;
  notConverged: number;
  /** Events on the server that no tablet recorded. */
  unexplained: number;
  problems: string[];
}

interface Slot {
  index: number;
  device: string;
  token: string;
  now: () => number;
  tablet: Tablet;
  /** Bumped by a reload: requests of an older page never get an answer. */
  generation: number;
  plan: { fault: Fault; at: number; rate: number; count: number };
  onReload: (() => void) | null;
}

const FLAKY: readonly Fault[] = [
  'lost-request',
  'lost-reply',
  'error-before',
  'error-after',
  'cut-pull',
];
const DAY = 24 * 3_600_000;
const never = () => new Promise<never>(() => {});
const networkError = () => new TypeError('fetch failed');
const gatewayError = (status: number) =>
  new Response(JSON.stringify({ error: 'internal', message: 'gateway' }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** The reply's status and headers, and half its body before the connection drops. */
async function cutBody(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

export async function runSchedule(
  server: InProcessServer,
  schedule: Schedule,
  plant: Plant = 'none',
): Promise<ScheduleResult> {
  const random: Random = seededRandom(schedule.seed ^ 0x5eed);
  const site = `faults-${schedule.seed}`;
  const devices = schedule.skewMs.map((_, i) => `${site}-t${i}`);
  const tokens = await server.siteWithDevices(site, devices);
  const recorded = new Map<string, string>(); // event id → device
  let visits = 0;

  function faultyFetch(slot: Slot, generation: number): FetchLike {
    return async (url, init) => {
      if (slot.generation !== generation) return never();
      const { plan } = slot;
      const n = plan.count++;
      const isPull =
        (init?.method ?? 'GET') === 'GET' &&
        (url.includes('/events') || url.includes('/bookings/'));
      let fault: Fault = 'none';
      if (plan.rate > 0) {
        if (random() < plan.rate) fault = pick(random, FLAKY);
      } else if (n >= plan.at && plan.fault !== 'none' && (plan.fault !== 'cut-pull' || isPull)) {
        fault = plan.fault;
        plan.fault = 'none';
      }
      switch (fault) {
        case 'none':
          return server.fetch(url, init);
        case 'lost-request':
          throw networkError();
        case 'lost-reply':
          await server.fetch(url, init);
          throw networkError();
        case 'error-before':
          return gatewayError(502);
        case 'error-after':
          await server.fetch(url, init);
          return gatewayError(504);
        case 'cut-pull':
          return cutBody(await server.fetch(url, init));
        case 'restart':
          if (random() < 0.5) await server.fetch(url, init);
          await server.restart();
          throw networkError();
        case 'reload':
          if (random() < 0.5) await server.fetch(url, init);
          slot.generation++;
          slot.onReload?.();
          return never();
      }
    };
  }

  function planted(inner: Transport, slot: Slot): Transport {
    if (plant === 'mark-before-reply') {
      return {
        ...inner,
        async push(events, waiting) {
          const last = events.at(-1);
          if (last) await markHeld(slot.tablet.db, last.seq);
          return inner.push(events, waiting);
        },
      };
    }
    if (plant === 'cursor-ahead')
      return {
        ...inner,
        async pull(after, limit, waiting) {
          const reply = await inner.pull(after, limit, waiting);
          return { ...reply, cursor: reply.cursor + (reply.events.length > 0 ? 1 : 0) };
        },
      };
    if (plant === 'skip-emptied-day')
      return {
        ...inner,
        async bookingDay(day, held) {
          const reply = await inner.bookingDay(day, held);
          return reply && reply.bookings.length === 0 ? null : reply;
        },
      };
    return inner;
  }

  async function openTablet(slot: Slot, dbName?: string): Promise<Tablet> {
    const transport = httpTransport(
      faultyFetch(slot, slot.generation),
      'http://server.test',
      site,
      slot.token,
    );
    return makeTablet(
      slot.device,
      site,
      planted(transport, slot),
      String.fromCharCode(65 + slot.index),
      7,
      { now: slot.now, ...(dbName ? { dbName } : {}) },
    );
  }

  const slots: Slot[] = [];
  for (const [index, skew] of schedule.skewMs.entries()) {
    const slot = {
      index,
      device: devices[index] ?? '',
      token: tokens[index] ?? '',
      now: () => Date.now() + skew,
      generation: 0,
      plan: { fault: 'none' as Fault, at: 0, rate: 0, count: 0 },
      onReload: null,
    } as Omit<Slot, 'tablet'> as Slot;
    slot.tablet = await openTablet(slot);
    slots.push(slot);
  }

  /** A reload: the page is gone (its requests never answer), the same IndexedDB reopens. */
  async function reload(slot: Slot) {
    const old = slot.tablet;
    old.engine.stop();
    old.db.close();
    slot.tablet = await openTablet(slot, old.dbName);
  }

  async function syncRound(slot: Slot): Promise<boolean> {
    const reloaded = new Promise<'reloaded'>((resolve) => {
      slot.onReload = () => resolve('reloaded');
    });
    const outcome = await Promise.race([slot.tablet.engine.syncOnce(), reloaded]);
    slot.onReload = null;
    slot.plan = { fault: 'none', at: 0, rate: 0, count: 0 };
    if (outcome === 'reloaded') {
      await reload(slot);
      return false;
    }
    return outcome;
  }

  async function record(slot: Slot) {
    await slot.tablet.recordVisit(`${site}-v${visits++}`);
  }

  async function noteRecorded(slot: Slot) {
    const own = await slot.tablet.db.events.where('device').equals(slot.device).toArray();
    for (const e of own) recorded.set(e.id, slot.device);
  }

  const problems: string[] = [];
  try {
    for (const step of schedule.steps) {
      if (step.kind === 'restart') {
        await server.restart();
        continue;
      }
      if (step.kind === 'import-bookings') {
        const at = Date.now() + step.day * DAY;
        await server.store.putBookings(
          site,
          step.ids.map((id) => aBooking({ bookingId: `F${id}`, name: `预约${step.day}` }, at)),
        );
        continue;
      }
      const slot = slots[step.tablet];
      if (!slot) continue;
      switch (step.kind) {
        case 'record':
          for (let i = 0; i < step.visits; i++) await record(slot);
          break;
        case 'sync':
          slot.plan = { fault: step.fault, at: step.at, rate: 0, count: 0 };
          await syncRound(slot);
          break;
        case 'flaky-sync':
          slot.plan = { fault: 'none', at: 0, rate: step.rate, count: 0 };
          await syncRound(slot);
          break;
        case 'record-during-sync': {
          const round = syncRound(slot);
          await record(slot);
          await round;
          break;
        }
        case 'reload':
          await reload(slot);
          break;
      }
      await noteRecorded(slot);
    }

    // The network heals: every tablet syncs twice, so each sees what the others pushed.
    for (let pass = 0; pass < 2; pass++)
      for (const slot of slots) {
        let ok = false;
        for (let attempt = 0; attempt < 4 && !ok; attempt++) ok = await syncRound(slot);
        if (!ok && pass === 1) problems.push(`${slot.device}: sync still failing`);
      }
    return await tally(server, site, slots, recorded, problems, schedule.seed);
  } finally {
    for (const slot of slots) await slot.tablet.close();
  }
}

async function tally(
  server: InProcessServer,
  site: string,
  slots: readonly Slot[],
  recorded: ReadonlyMap<string, string>,
  problems: string[],
  seed: number,
): Promise<ScheduleResult> {
  const held = await server.eventsOf(site);
  const heldIds = new Set(held.map((e) => e.id));
  const heldSeqs = new Set(held.map((e) => `${e.device}:${e.seq}`));
  const doubled = held.length - heldIds.size + (held.length - heldSeqs.size);
  const lost = new Set<string>();
  for (const id of recorded.keys()) if (!heldIds.has(id)) lost.add(id);
  const unexplained = [...heldIds].filter((id) => !recorded.has(id)).length;
  const expectedVisits = foldAll(held);

  // Each day of the window as the server holds it: booking ids, in order.
  const window = bookingWindow(Date.now());
  const serverDays = await Promise.all(
    window.map(async (day) =>
      (await server.store.bookingsOfDay(site, day)).bookings.map((b) => `${b.bookingId} ${b.name}`),
    ),
  );

  let notConverged = 0;
  for (const slot of slots) {
    const local = await slot.tablet.db.events.toArray();
    const localIds = new Set(local.map((e) => e.id));
    for (const [id, device] of recorded)
      if (device === slot.device && !localIds.has(id)) lost.add(id);
    const sameEvents =
      localIds.size === heldIds.size && [...localIds].every((id) => heldIds.has(id));
    const visits = await slot.tablet.db.visits.orderBy('id').toArray();
    const sameVisits = isDeepStrictEqual(visits, expectedVisits);
    const localDays = await Promise.all(
      window.map(async (day) =>
        (await slot.tablet.db.bookings.where('day').equals(day).sortBy('bookingId')).map(
          (b) => `${b.bookingId} ${b.name}`,
        ),
      ),
    );
    const sameBookings = isDeepStrictEqual(localDays, serverDays);
    if (
      !sameEvents ||
      !sameVisits ||
      !sameBookings ||
      problems.some((p) => p.startsWith(slot.device))
    ) {
      notConverged++;
      problems.push(
        `${slot.device}: ${localIds.size} events (server ${heldIds.size}), visits ${sameVisits ? 'equal' : 'differ'}, bookings ${sameBookings ? 'equal' : 'differ'}`,
      );
    }
  }
  if (lost.size > 0) problems.push(`lost: ${[...lost].slice(0, 3).join(', ')}…`);
  if (doubled > 0) problems.push(`doubled: ${doubled}`);
  return {
    seed,
    recorded: recorded.size,
    lost: lost.size,
    doubled,
    notConverged,
    unexplained,
    problems,
  };
}

/** The visits as the server's events fold them, in id order. */
function foldAll(events: readonly CheckpointEvent[]): Visit[] {
  const byVisit = new Map<string, CheckpointEvent[]>();
  for (const e of events) if (e.visit) byVisit.set(e.visit, [...(byVisit.get(e.visit) ?? []), e]);
  return [...byVisit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, list]) => {
      const visit = foldVisit(list);
      return visit ? [visit] : [];
    });
}
