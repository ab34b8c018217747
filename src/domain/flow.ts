import { type Check, type CheckPlace, checkResult, checksAfter } from './checks';
import { alternativeGate } from './codes/no-smartphone';
import type { RefusalReason } from './events';
import { validateIdNumber } from './id-number';
import { validatePhone } from './phone';
import type { Policy } from './policy';
import { temperatureBand } from './temperature';
import type { Visit } from './visit';

/** The door's verdict before a ticket is given: the rule's answer and why. */
export type Verdict =
  | { kind: 'admitted'; policyVersion: string }
  | { kind: 'refused'; reason: RefusalReason; policyVersion: string }
  | { kind: 'isolated'; policyVersion: string };

export type DoorStep =
  | 'appointment'
  | 'mask'
  | 'hands'
  | 'temperature'
  | 'recheck'
  | 'identity'
  | 'health-code'
  | 'travel-code'
  /** One of the policy's added checks (which one: openCheck). */
  | 'check'
  | 'decide'
  | 'done';

export type Gate = 'pass' | 'pending' | { refused: RefusalReason } | 'isolated';
type Must = { step: DoorStep; gate: (v: Visit, p: Policy) => Gate; check?: Check };

const MINUTE = 60_000;

/** When a booked visitor may come in, by the policy's arrival window. */
export type Arrival =
  | { kind: 'on-time' }
  /** Too early: wait outside (or come back) until `from`; the booking is kept. */
  | { kind: 'early'; from: number }
  | { kind: 'late'; rule: Policy['appointment']['lateRule'] };

export function arrivalWindow(
  slot: { slotStart: number; slotEnd: number },
  at: number,
  p: Policy,
): Arrival {
  const from = slot.slotStart - p.appointment.earlyToleranceMinutes * MINUTE;
  if (at < from) return { kind: 'early', from };
  if (at > slot.slotEnd + p.appointment.lateToleranceMinutes * MINUTE) {
    return { kind: 'late', rule: p.appointment.lateRule };
  }
  return { kind: 'on-time' };
}

function appointmentGate(v: Visit, p: Policy): Gate {
  const a = v.appointment;
  if (!a) return 'pending';
  if (a.kind === 'walk-in') {
    if (p.appointment.walkIn === 'admit') return 'pass';
    if (p.appointment.walkIn === 'urgent-only' && a.urgent) return 'pass';
    return { refused: 'no-appointment' };
  }
  const arrival = arrivalWindow(a.booking, a.arrivedAt, p);
  if (arrival.kind === 'early') return { refused: 'too-early' };
  return arrival.kind === 'late' && arrival.rule === 'refuse' ? { refused: 'too-late' } : 'pass';
}

function hasSymptoms(v: Visit): boolean {
  return !!v.symptoms && (v.symptoms.cough || v.symptoms.breathing || v.symptoms.other);
}

/** The plausible readings: a measuring error never counts (shared/domain.md, must 4). */
function plausibleReadings(v: Visit, p: Policy) {
  return v.readings.filter((r) => temperatureBand(r.celsius, p) !== 'implausible');
}

/**
 * The readings that decide the band: the first plausible reading and the first re-check
 * that counts (taken after the rest, or at any time once staff recorded why they re-checked
 * early). A reading after that re-check is kept in the ledger but never changes the band:
 * measuring again until the number is low is not a re-check (shared/domain.md, must 4).
 */
export function decidingReadings(v: Visit, p: Policy): { first?: number; recheck?: number } {
  const [first, ...later] = plausibleReadings(v, p);
  if (!first) return {};
  const restEnd = first.at + p.temperature.recheckRestSeconds * 1000;
  const recheck = later.find((r) => v.restSkipped || r.at >= restEnd);
  return { first: first.celsius, recheck: recheck?.celsius };
}

function temperatureGate(v: Visit, p: Policy): Gate {
  const { first } = decidingReadings(v, p);
  if (first === undefined) return 'pending';
  if (temperatureBand(first, p) === 'normal') {
    if (v.symptomsDue) return 'pending';
    return hasSymptoms(v) ? { refused: 'fever-clinic' } : 'pass';
  }
  return 'pass'; // decided by the re-check gate
}

function recheckGate(v: Visit, p: Policy): Gate {
  const { first, recheck } = decidingReadings(v, p);
  if (first === undefined || temperatureBand(first, p) === 'normal') return 'pass';
  if (recheck === undefined || v.symptomsDue) return 'pending';
  switch (temperatureBand(recheck, p)) {
    case 'fever':
      return 'isolated';
    case 'raised':
      return { refused: hasSymptoms(v) ? 'fever-clinic' : 'home-observation' };
    default:
      return hasSymptoms(v) ? { refused: 'fever-clinic' } : 'pass';
  }
}

/** The identity's content checked again: what a form checked is not trusted blindly. */
export function identityValid(v: Visit): boolean {
  const id = v.identity;
  if (!id) return false;
  const idNumber = validateIdNumber(id.idNumber, v.openedAt);
  return id.name.trim() !== '' && idNumber.ok && validatePhone(id.phone).ok;
}

function identityGate(v: Visit, p: Policy): Gate {
  if (v.identityRefused) return { refused: 'identity-refused' };
  if (!identityValid(v)) return 'pending';
  return v.returnee && p.returnee.rule === 'refuse' ? { refused: 'returnee' } : 'pass';
}

function healthCodeGate(v: Visit, p: Policy): Gate {
  if (v.sharedCode?.decision === 'refuse') return { refused: 'code-shared' };
  const method = v.codeMethod ?? 'phone';
  if (method !== 'phone') {
    const alternative = alternativeGate(method, p);
    if (alternative !== 'colour') {
      return alternative === 'pass' ? 'pass' : { refused: 'no-smartphone' };
    }
  }
  if (v.healthCode === null) return 'pending';
  return p.codes.acceptedHealthColours.includes(v.healthCode)
    ? 'pass'
    : { refused: 'code-not-green' };
}

function travelCodeGate(v: Visit, p: Policy): Gate {
  if (v.travelRisk === null) return 'pending';
  if (v.travelRisk === false) return 'pass';
  return p.codes.refuseRiskAreaTravel ? { refused: 'risk-area-travel' } : 'pass';
}

/** The six musts in door order (shared/domain.md); each gate reads only the policy. */
const MUSTS: readonly Must[] = [
  { step: 'appointment', gate: appointmentGate },
  {
    step: 'mask',
    gate: (v) => (v.mask === 'refused' ? { refused: 'mask-refused' } : v.mask ? 'pass' : 'pending'),
  },
  { step: 'hands', gate: (v) => (v.handsDisinfected ? 'pass' : 'pending') },
  { step: 'temperature', gate: temperatureGate },
  { step: 'recheck', gate: recheckGate },
  { step: 'identity', gate: identityGate },
  { step: 'health-code', gate: healthCodeGate },
  { step: 'travel-code', gate: travelCodeGate },
];

/** A policy's added check as a must: pending until answered, then its answer decides. */
function checkMust(check: Check): Must {
  return {
    step: 'check',
    check,
    gate: (v) => {
      const answered = v.checks?.[check.key];
      if (!answered) return 'pending';
      const result = checkResult(check, answered);
      // An implausible answer (a sampling time ahead of the clock) is asked again.
      if (result === 'implausible') return 'pending';
      return result === 'pass' ? 'pass' : { refused: 'check-refused' };
    },
  };
}

/** The six musts with the policy's added checks, each after the must it follows. */
export function mustsOf(p: Policy): readonly Must[] {
  if (p.checks.length === 0) return MUSTS;
  return MUSTS.flatMap((m) => {
    // Checks placed after the temperature come after its re-check, not between the two.
    if (m.step === 'temperature') return [m];
    const place = (m.step === 'recheck' ? 'temperature' : m.step) as CheckPlace;
    return [m, ...checksAfter(p.checks, place).map(checkMust)];
  });
}

/** The verdicts about health, each needing who it was for its own hand-over. */
export type HealthVerdict = 'isolated' | 'home-observation' | 'fever-clinic';

/** The verdict about health a gate leads to (the ledger must say who it was, issue 12). */
export function healthVerdictOf(gate: Gate): HealthVerdict | null {
  if (gate === 'isolated') return gate;
  if (typeof gate !== 'object') return null;
  return gate.refused === 'home-observation' || gate.refused === 'fever-clinic'
    ? gate.refused
    : null;
}

export function firstOpenMust(
  v: Visit,
  p: Policy,
): { step: DoorStep; gate: Gate; check?: Check } | null {
  for (const must of mustsOf(p)) {
    const gate = must.gate(v, p);
    if (gate === 'pass') continue;
    // A suspected case, fever clinic or home observation is never anonymous: the door
    // takes the identity first, unless the visitor refused to give it (recorded).
    if (healthVerdictOf(gate) && !v.identityRefused && !identityValid(v)) {
      return { step: 'identity', gate: 'pending' };
    }
    return { step: must.step, gate, ...(must.check ? { check: must.check } : {}) };
  }
  return null;
}

/** The added check the door asks now, or null when the next step is not one. */
export function openCheck(v: Visit, p: Policy): Check | null {
  if (v.decision || v.abandoned) return null;
  const open = firstOpenMust(v, p);
  return open?.gate === 'pending' ? (open.check ?? null) : null;
}

/** The verdict the musts recorded so far lead to, or null while one is still missing. */
export function outcome(v: Visit, p: Policy): Verdict | null {
  const open = firstOpenMust(v, p);
  if (!open) return { kind: 'admitted', policyVersion: p.version };
  if (open.gate === 'pending' || open.gate === 'pass') return null;
  if (open.gate === 'isolated') return { kind: 'isolated', policyVersion: p.version };
  return { kind: 'refused', reason: open.gate.refused, policyVersion: p.version };
}

/** What the door must do next for this visit. */
export function nextStep(v: Visit, p: Policy): DoorStep {
  if (v.decision || v.abandoned) return 'done';
  const open = firstOpenMust(v, p);
  return open?.gate === 'pending' ? open.step : 'decide';
}
