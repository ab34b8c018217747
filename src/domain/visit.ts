import {
  type AbandonReason,
  type BookingRef,
  type CheckpointEvent,
  compareEvents,
  type Identity,
  isVisitEvent,
  type Outcome,
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

/** One person's pass through the checkpoint: a pure fold over its events. */
export interface Visit {
  id: string;
  day: string;
  openedAt: number;
  updatedAt: number;
  device: string;
  policyVersion: string;
  appointment:
    | { kind: 'booked'; booking: BookingRef; arrivedAt: number }
    | { kind: 'walk-in'; urgent: boolean }
    | null;
  mask: 'worn' | 'given' | null;
  handsDisinfected: boolean;
  readings: Reading[];
  symptoms: Symptoms | null;
  identity: (Identity & { source: 'booking' | 'typed' }) | null;
  healthCode: HealthCodeColour | null;
  travelRisk: boolean | null;
  decision: { outcome: Outcome; policyVersion: string; at: number } | null;
  abandoned: { reason: AbandonReason; at: number } | null;
  /** When the visitor left the hall (the first exit recorded stands). */
  exited: { at: number; automatic: boolean } | null;
  status: VisitStatus;
}

function emptyVisit(first: VisitEvent): Visit {
  return {
    id: first.visit ?? first.id,
    day: dayKey(first.at),
    openedAt: first.at,
    updatedAt: first.at,
    device: first.device,
    policyVersion: '',
    appointment: null,
    mask: null,
    handsDisinfected: false,
    readings: [],
    symptoms: null,
    identity: null,
    healthCode: null,
    travelRisk: null,
    decision: null,
    abandoned: null,
    exited: null,
    status: 'open',
  };
}

/** Applies one event. A later event of the same must corrects an earlier one; the
 *  first decision stands, and a visit already decided cannot be abandoned. */
function apply(v: Visit, e: VisitEvent): Visit {
  const next = { ...v, updatedAt: Math.max(v.updatedAt, e.at) };
  switch (e.type) {
    case 'visit.opened':
      return {
        ...next,
        openedAt: e.at,
        day: dayKey(e.at),
        device: e.device,
        policyVersion: e.data.policyVersion,
      };
    case 'appointment.matched':
      return { ...next, appointment: { kind: 'booked', booking: e.data, arrivedAt: e.at } };
    case 'appointment.walk-in':
      return { ...next, appointment: { kind: 'walk-in', urgent: e.data.urgent } };
    case 'mask.checked':
      return { ...next, mask: e.data.status };
    case 'hands.disinfected':
      return { ...next, handsDisinfected: true };
    case 'temperature.measured':
      return { ...next, readings: [...v.readings, { celsius: e.data.celsius, at: e.at }] };
    case 'symptoms.reported':
      return { ...next, symptoms: e.data };
    case 'identity.confirmed':
      return { ...next, identity: e.data };
    case 'health-code.checked':
      return { ...next, healthCode: e.data.colour };
    case 'travel-code.checked':
      return { ...next, travelRisk: e.data.riskArea };
    case 'visit.decided':
      if (v.decision || v.abandoned) return next;
      return {
        ...next,
        decision: { outcome: e.data.outcome, policyVersion: e.data.policyVersion, at: e.at },
        status: e.data.outcome.kind,
      };
    case 'visit.abandoned':
      if (v.decision || v.abandoned) return next;
      return { ...next, abandoned: { reason: e.data.reason, at: e.at }, status: 'abandoned' };
    case 'visit.exited':
      return v.exited ? next : { ...next, exited: { at: e.at, automatic: e.data.automatic } };
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

/**
 * Folds a visit's events into its state. Events are put in a total order first, so
 * any permutation of the same events folds to the same visit. Device events carry no
 * visit and are ignored.
 */
export function foldVisit(events: readonly CheckpointEvent[]): Visit | null {
  const sorted = events.filter(isVisitEvent).sort(compareEvents);
  const first = sorted[0];
  if (!first) return null;
  return sorted.reduce(apply, emptyVisit(first));
}
