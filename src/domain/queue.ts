/**
 * The queue after the door: the waiting area (places at 1 m spacing, the rest outside at
 * 1 m markers), calls to windows, and how each admitted visitor's turn ended. Everything
 * here is a pure projection of the day's visits, which are themselves folds of events, so
 * two tablets holding the same events show the same queue whatever order they got them in.
 */
import type { Policy } from './policy';
import type { QueueCall, Visit } from './visit';

export type WaitingPlace = { area: 'inside' } | { area: 'outside'; marker: number };
export type OccupancyLevel = 'low' | 'nearing' | 'full';
export type QueueStatus = 'waiting' | 'called' | 'served' | 'no-show' | 'left';

export interface WaitingTicket {
  visit: string;
  ticket: string;
  admittedAt: number;
  place: WaitingPlace;
  /** When the visitor came into the waiting area (null while outside). */
  enteredAt: number | null;
}

export interface CalledTicket {
  visit: string;
  ticket: string;
  window: number;
  priority: boolean;
  calledAt: number;
  lastCallAt: number;
  calls: number;
}

export interface WindowState {
  window: number;
  /** False for a window the policy no longer lists, still holding a call. */
  configured: boolean;
  /** Open calls at this window, earliest first: usually one. */
  tickets: CalledTicket[];
  /** Tickets called to this window today: what a call from its screen names (issue 31). */
  callsMade: number;
}

/** Tickets whose (first) call was to `window`. */
export function callsMadeAt(visits: readonly Visit[], window: number): number {
  return visits.filter((v) => firstCall(v)?.window === window).length;
}

export interface Announcement {
  ticket: string;
  window: number;
  at: number;
  kind: 'call' | 'recall';
}

export interface Occupancy {
  inside: number;
  places: number;
  outside: number;
  level: OccupancyLevel;
}

/** The most people inside the waiting area at once, and when that was first reached. */
export interface OccupancyPeak {
  inside: number;
  /** Null when nobody was ever inside. */
  at: number | null;
}

export interface QueueState {
  /** In the order "call next" follows: first admitted, first called. */
  waiting: WaitingTicket[];
  occupancy: Occupancy;
  windows: WindowState[];
  /** Served and still in the hall (their exit not yet recorded). */
  servedInHall: { visit: string; ticket: string; servedAt: number; window: number }[];
  /** Every call and recall that counts, newest first. */
  announcements: Announcement[];
}

export function admittedTicket(v: Visit): string | null {
  return v.decision?.outcome.kind === 'admitted' ? v.decision.outcome.ticket : null;
}

/** The call that counts: the first one (another guide's simultaneous call does not). */
export function firstCall(v: Visit): QueueCall | null {
  return v.calls[0] ?? null;
}

/** Calls so far: the first call and the recalls to the same window. */
export function callCount(v: Visit): number {
  const call = firstCall(v);
  return call ? 1 + v.recalls.filter((r) => r.window === call.window).length : 0;
}

/** Null for a visitor who was not admitted. */
export function queueStatus(v: Visit): QueueStatus | null {
  if (!admittedTicket(v)) return null;
  if (v.queueEnd?.kind === 'no-show') return 'no-show';
  if (v.exited) return 'left';
  if (v.queueEnd?.kind === 'served') return 'served';
  return firstCall(v) ? 'called' : 'waiting';
}

export function occupancyLevel(inside: number, policy: Policy): OccupancyLevel {
  const { waitingPlaces, nearingFullPercent } = policy.queue;
  if (inside >= waitingPlaces) return 'full';
  return inside * 100 >= waitingPlaces * nearingFullPercent ? 'nearing' : 'low';
}

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** When the verdict was given, by the checked clock (a door's clock set back must not jump the line). */
const admittedAt = (v: Visit): number => v.decision?.checkedAt ?? v.decision?.at ?? 0;

/** First admitted, first called; ties (two doors in the same ms) by visit id. */
function admissionOrder(a: Visit, b: Visit): number {
  return admittedAt(a) - admittedAt(b) || byCodeUnit(a.id, b.id);
}

/** When the visitor stopped waiting: called, turn ended or left, whichever came first. */
function stoppedWaitingAt(v: Visit): number | null {
  const times = [firstCall(v)?.at, v.queueEnd?.at, v.exited?.at].filter(
    (t): t is number => t !== undefined,
  );
  // A clock behind the door's can date a call before the admission: then it never waited.
  return times.length ? Math.max(Math.min(...times), v.decision?.at ?? 0) : null;
}

/**
 * Replays the day's admissions and departures in time order through the waiting area:
 * a place goes to the next one outside as soon as it frees. Never more inside than places.
 */
function replayWaitingArea(admitted: readonly Visit[], places: number) {
  type Step = { at: number; leave: boolean; rank: number; visit: Visit };
  const steps: Step[] = [];
  admitted.forEach((visit, rank) => {
    steps.push({ at: visit.decision?.at ?? 0, leave: false, rank, visit });
    const left = stoppedWaitingAt(visit);
    if (left !== null) steps.push({ at: left, leave: true, rank, visit });
  });
  steps.sort((a, b) => a.at - b.at || Number(a.leave) - Number(b.leave) || a.rank - b.rank);

  const inside = new Set<string>();
  const outside: string[] = [];
  const enteredAt = new Map<string, number>();
  const peak: OccupancyPeak = { inside: 0, at: null };
  for (const [i, step] of steps.entries()) {
    const id = step.visit.id;
    if (!step.leave) {
      if (inside.size < places) {
        inside.add(id);
        enteredAt.set(id, step.at);
      } else outside.push(id);
    } else if (inside.delete(id)) {
      const next = outside.shift();
      if (next !== undefined) {
        inside.add(next);
        enteredAt.set(next, step.at);
      }
    } else {
      const at = outside.indexOf(id);
      if (at >= 0) outside.splice(at, 1);
    }
    // A moment's count is read once all of that millisecond's steps are done: someone
    // admitted and called in the same ms (a clock behind the door's) was never inside.
    if (steps[i + 1]?.at !== step.at && inside.size > peak.inside) {
      peak.inside = inside.size;
      peak.at = step.at;
    }
  }
  return { inside, outside, enteredAt, peak };
}

function calledTicket(v: Visit, call: QueueCall, ticket: string): CalledTicket {
  const recalls = v.recalls.filter((r) => r.window === call.window).map((r) => r.at);
  return {
    visit: v.id,
    ticket,
    window: call.window,
    priority: call.priority,
    calledAt: call.at,
    lastCallAt: Math.max(call.at, ...recalls),
    calls: callCount(v),
  };
}

function admittedInOrder(visits: readonly Visit[]): Visit[] {
  return visits.filter((v) => admittedTicket(v) !== null).sort(admissionOrder);
}

/** The day's busiest moment in the waiting area, by the same replay the live queue uses. */
export function waitingAreaPeak(visits: readonly Visit[], policy: Policy): OccupancyPeak {
  return replayWaitingArea(admittedInOrder(visits), policy.queue.waitingPlaces).peak;
}

/** The queue of a day, from that day's visits. */
export function queueState(visits: readonly Visit[], policy: Policy): QueueState {
  const admitted = admittedInOrder(visits);
  const { inside, outside, enteredAt } = replayWaitingArea(admitted, policy.queue.waitingPlaces);

  const waiting: WaitingTicket[] = [];
  const open = new Map<number, CalledTicket[]>();
  const servedInHall: QueueState['servedInHall'] = [];
  const announcements: Announcement[] = [];
  for (const v of admitted) {
    const ticket = admittedTicket(v) ?? '';
    const call = firstCall(v);
    const status = queueStatus(v);
    if (status === 'waiting') {
      const marker = outside.indexOf(v.id) + 1;
      waiting.push({
        visit: v.id,
        ticket,
        admittedAt: v.decision?.at ?? v.openedAt,
        place: marker > 0 ? { area: 'outside', marker } : { area: 'inside' },
        enteredAt: enteredAt.get(v.id) ?? null,
      });
    }
    if (call) {
      announcements.push({ ticket, window: call.window, at: call.at, kind: 'call' });
      for (const r of v.recalls) {
        if (r.window === call.window)
          announcements.push({ ticket, window: r.window, at: r.at, kind: 'recall' });
      }
      if (status === 'called') {
        const list = open.get(call.window) ?? [];
        list.push(calledTicket(v, call, ticket));
        open.set(call.window, list);
      }
    }
    if (status === 'served' && v.queueEnd?.kind === 'served') {
      servedInHall.push({
        visit: v.id,
        ticket,
        servedAt: v.queueEnd.at,
        window: v.queueEnd.window,
      });
    }
  }

  const configured = policy.queue.windows;
  const others = [...open.keys()].filter((w) => !configured.includes(w)).sort((a, b) => a - b);
  const windows = [...configured, ...others].map((window) => ({
    window,
    configured: configured.includes(window),
    tickets: (open.get(window) ?? []).sort(
      (a, b) => a.calledAt - b.calledAt || byCodeUnit(a.visit, b.visit),
    ),
    callsMade: callsMadeAt(admitted, window),
  }));
  announcements.sort(
    (a, b) => b.at - a.at || byCodeUnit(b.ticket, a.ticket) || a.window - b.window,
  );

  return {
    waiting,
    occupancy: {
      inside: inside.size,
      places: policy.queue.waitingPlaces,
      outside: outside.length,
      level: occupancyLevel(inside.size, policy),
    },
    windows,
    servedInHall,
    announcements,
  };
}

/** Visitors who were outside before and are inside now: called into the waiting area. */
export function calledIn(before: QueueState, after: QueueState): WaitingTicket[] {
  const wasOutside = new Set(
    before.waiting.filter((w) => w.place.area === 'outside').map((w) => w.visit),
  );
  return after.waiting.filter((w) => w.place.area === 'inside' && wasOutside.has(w.visit));
}

/** Where an admitted visitor waits now, or null once no longer waiting. */
export function placeOf(state: QueueState, visit: string): WaitingPlace | null {
  return state.waiting.find((w) => w.visit === visit)?.place ?? null;
}
