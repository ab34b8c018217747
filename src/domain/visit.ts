import {
  type AbandonReason,
  type BookingRef,
  type CheckpointEvent,
  checkedAt,
  type Identity,
  type IdentitySource,
  inLogOrder,
  isVisitEvent,
  type Outcome,
  type ReopenedMust,
  type RestSkipReason,
  type ReturneeMatch,
  type Symptoms,
  type VisitEvent,
} from './events';
import type { HealthCodeColour } from './policy';
import { dayKey } from './time';

export type VisitStatus = 'open' | 'admitted' | 'refused' | 'isolated' | 'abandoned';

export interface Reading {
  celsius: number;
  at: number;
}

export interface QueueCall {
  at: number;
  window: number;
  priority: boolean;
  device: string;
}

export type QueueEnd =
  | { kind: 'served'; at: number; window: number }
  | { kind: 'no-show'; at: number; calls: number };

/** The isolation checklist: when each step was recorded (null until it is). */
export interface IsolationChecklist {
  enteredAt: number | null;
  ambulanceCalledAt: number | null;
  handedOver: { at: number; hospital: string } | null;
}

/** One person's pass through the checkpoint: a pure fold over its events. */
export interface Visit {
  id: string;
  day: string;
  openedAt: number;
  updatedAt: number;
  device: string;
  policyVersion: string;
  appointment: /** `arrivedAt`: the checked time (src/domain/clock.ts), compared with the booked slot. */
    | { kind: 'booked'; booking: BookingRef; arrivedAt: number }
    | { kind: 'walk-in'; urgent: boolean }
    | null;
  mask: 'worn' | 'given' | 'refused' | null;
  handsDisinfected: boolean;
  readings: Reading[];
  symptoms: Symptoms | null;
  /**
   * An undo reopened the temperature: the readings stay (an undo must not become a way to
   * measure until the number is low), only the symptoms are asked again.
   */
  symptomsDue: boolean;
  identity: (Identity & { source: IdentitySource }) | null;
  /** The visitor refused to give their identity (then `identity` stays null). */
  identityRefused: boolean;
  /** A re-check was taken before the rest was over, and why. */
  restSkipped: { reason: RestSkipReason; at: number } | null;
  /** An earlier verdict of today for the same person (the returnee check). */
  returnee: ReturneeMatch | null;
  /** Each undo of a refusal: which must the visit reopened at, and when. */
  reopened: { must: ReopenedMust; at: number }[];
  healthCode: HealthCodeColour | null;
  travelRisk: boolean | null;
  /**
   * `checkedAt`: the decision's checked time (src/domain/clock.ts), the queue's order: a
   * door whose clock is set back mid-shift must not put its next visitor first in line.
   * Absent in projections stored before it existed (then `at`).
   */
  decision: { outcome: Outcome; policyVersion: string; at: number; checkedAt?: number } | null;
  abandoned: { reason: AbandonReason; at: number } | null;
  /** When the visitor left the hall (the first exit recorded stands). */
  exited: { at: number; automatic: boolean } | null;
  /**
   * Every call to a window, in event order. Only the first counts: a second one comes
   * from another guide who called the same ticket at the same time (merged by sync).
   */
  calls: QueueCall[];
  recalls: { at: number; window: number }[];
  /** How the visitor's turn ended (the first recorded stands). */
  queueEnd: QueueEnd | null;
  isolation: IsolationChecklist;
  status: VisitStatus;
  /** When retention removed who the visitor was (src/domain/retention); null while kept. */
  purgedAt: number | null;
}

function emptyVisit(first: VisitEvent): Visit {
  return {
    id: first.visit ?? first.id,
    day: dayKey(checkedAt(first)),
    openedAt: first.at,
    updatedAt: first.at,
    device: first.device,
    policyVersion: '',
    appointment: null,
    mask: null,
    handsDisinfected: false,
    readings: [],
    symptoms: null,
    symptomsDue: false,
    identity: null,
    identityRefused: false,
    restSkipped: null,
    returnee: null,
    reopened: [],
    healthCode: null,
    travelRisk: null,
    decision: null,
    abandoned: null,
    exited: null,
    calls: [],
    recalls: [],
    queueEnd: null,
    isolation: { enteredAt: null, ambulanceCalledAt: null, handedOver: null },
    status: 'open',
    purgedAt: null,
  };
}

const COLOURS: readonly unknown[] = ['green', 'yellow', 'red'] satisfies HealthCodeColour[];

/** A colour the rules know, or red: malformed code data never admits. */
function healthColour(colour: unknown): HealthCodeColour {
  return COLOURS.includes(colour) ? (colour as HealthCodeColour) : 'red';
}

/** Undo of a refusal: the decision no longer stands and the refusing must is open again. */
function reopen(v: Visit, must: ReopenedMust, at: number): Visit {
  if (v.status !== 'refused') return v;
  const open: Visit = {
    ...v,
    decision: null,
    abandoned: null,
    status: 'open',
    reopened: [...v.reopened, { must, at }],
  };
  switch (must) {
    case 'appointment':
      return { ...open, appointment: null };
    case 'mask':
      return { ...open, mask: null };
    case 'temperature':
    case 'recheck':
      return { ...open, symptoms: null, symptomsDue: true };
    case 'identity':
      return { ...open, identity: null, identityRefused: false, returnee: null };
    case 'health-code':
      return { ...open, healthCode: null };
    case 'travel-code':
      return { ...open, travelRisk: null };
  }
}

/** Applies one event. A later event of the same must corrects an earlier one; the
 *  first decision stands, and a visit already decided cannot be abandoned. */
function apply(v: Visit, e: VisitEvent): Visit {
  const next = {
    ...v,
    updatedAt: Math.max(v.updatedAt, e.at),
    purgedAt: e.purgedAt === undefined ? v.purgedAt : Math.max(v.purgedAt ?? 0, e.purgedAt),
  };
  switch (e.type) {
    case 'visit.opened':
      return {
        ...next,
        openedAt: e.at,
        day: dayKey(checkedAt(e)),
        device: e.device,
        policyVersion: e.data.policyVersion,
      };
    case 'appointment.matched':
      // The checked time: the slot is the hall's time, not this tablet's clock (issue 23).
      return {
        ...next,
        appointment: { kind: 'booked', booking: e.data, arrivedAt: checkedAt(e) },
      };
    case 'appointment.walk-in':
      return { ...next, appointment: { kind: 'walk-in', urgent: e.data.urgent } };
    case 'mask.checked':
      return { ...next, mask: e.data.status };
    case 'hands.disinfected':
      return { ...next, handsDisinfected: true };
    case 'temperature.measured':
      return { ...next, readings: [...v.readings, { celsius: e.data.celsius, at: e.at }] };
    case 'symptoms.reported':
      return { ...next, symptoms: e.data, symptomsDue: false };
    case 'identity.confirmed':
      return { ...next, identity: e.data, identityRefused: false };
    case 'identity.refused':
      return { ...next, identityRefused: true };
    case 'temperature.rest-skipped':
      return { ...next, restSkipped: { reason: e.data.reason, at: e.at } };
    case 'returnee.flagged':
      return { ...next, returnee: v.returnee ?? e.data };
    case 'health-code.checked':
      return { ...next, healthCode: healthColour(e.data.colour) };
    case 'travel-code.checked':
      // Fails closed: only an explicit `false` means no risk-area travel.
      return { ...next, travelRisk: e.data.riskArea !== false };
    case 'visit.reopened':
      return reopen(next, e.data.must, e.at);
    case 'visit.decided':
      if (v.decision || v.abandoned) return next;
      return {
        ...next,
        decision: {
          outcome: e.data.outcome,
          policyVersion: e.data.policyVersion,
          at: e.at,
          checkedAt: checkedAt(e),
        },
        status: e.data.outcome.kind,
      };
    case 'visit.abandoned':
      if (v.decision || v.abandoned) return next;
      return { ...next, abandoned: { reason: e.data.reason, at: e.at }, status: 'abandoned' };
    case 'visit.exited':
      return v.exited ? next : { ...next, exited: { at: e.at, automatic: e.data.automatic } };
    case 'queue.called':
      return {
        ...next,
        calls: [
          ...v.calls,
          { at: e.at, window: e.data.window, priority: e.data.priority, device: e.device },
        ],
      };
    case 'queue.recalled':
      return { ...next, recalls: [...v.recalls, { at: e.at, window: e.data.window }] };
    case 'queue.served':
      return v.queueEnd
        ? next
        : { ...next, queueEnd: { kind: 'served', at: e.at, window: e.data.window } };
    case 'queue.no-show':
      return v.queueEnd
        ? next
        : { ...next, queueEnd: { kind: 'no-show', at: e.at, calls: e.data.calls } };
    case 'isolation.entered':
      return { ...next, isolation: { ...v.isolation, enteredAt: v.isolation.enteredAt ?? e.at } };
    case 'isolation.ambulance-called':
      return {
        ...next,
        isolation: { ...v.isolation, ambulanceCalledAt: v.isolation.ambulanceCalledAt ?? e.at },
      };
    case 'isolation.handed-over':
      return {
        ...next,
        isolation: {
          ...v.isolation,
          handedOver: v.isolation.handedOver ?? { at: e.at, hospital: e.data.hospital },
        },
      };
    case 'disinfection.requested':
    case 'disinfection.done':
    case 'incident.reported':
    case 'incident.step':
    case 'incident.withdrawn':
    case 'staff.added':
    case 'staff.removed':
    case 'staff.measured':
    case 'staff.stood-down':
    case 'staff.cleared':
    case 'round.ticked':
    case 'supplies.received':
    case 'supplies.issued':
    case 'supplies.counted':
    case 'hall.suspended':
    case 'hall.reopened':
    case 'hall.turned-away':
      return v; // the day's records, never part of a visit
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

/**
 * Folds a visit's events into its state. Events are put in a total order first, so
 * any permutation of the same events folds to the same visit, and duplicates (same id)
 * fold as one. Device events carry no visit and are ignored.
 */
export function foldVisit(events: readonly CheckpointEvent[]): Visit | null {
  // One event counts once, however often it arrived (a retried push, a re-pulled page):
  // a first reading seen twice must never count as its own re-check.
  const unique = new Map<string, VisitEvent>();
  for (const e of events) if (isVisitEvent(e) && !unique.has(e.id)) unique.set(e.id, e);
  const sorted = inLogOrder(unique.values());
  const first = sorted[0];
  if (!first) return null;
  return sorted.reduce(apply, emptyVisit(first));
}

/** Events grouped by the visit they belong to (events of no visit are left out). */
export function groupByVisit(events: Iterable<CheckpointEvent>): Map<string, CheckpointEvent[]> {
  const map = new Map<string, CheckpointEvent[]>();
  for (const e of events) {
    if (!e.visit) continue;
    const list = map.get(e.visit);
    if (list) list.push(e);
    else map.set(e.visit, [e]);
  }
  return map;
}
