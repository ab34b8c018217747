import type { RefusalReason } from './events';
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
  | 'decide'
  | 'done';

type Gate = 'pass' | 'pending' | { refused: RefusalReason } | 'isolated';
type Must = { step: DoorStep; gate: (v: Visit, p: Policy) => Gate };

const MINUTE = 60_000;

function appointmentGate(v: Visit, p: Policy): Gate {
  const a = v.appointment;
  if (!a) return 'pending';
  if (a.kind === 'walk-in') {
    if (p.appointment.walkIn === 'admit') return 'pass';
    if (p.appointment.walkIn === 'urgent-only' && a.urgent) return 'pass';
    return { refused: 'no-appointment' };
  }
  const { slotStart, slotEnd } = a.booking;
  if (a.arrivedAt < slotStart - p.appointment.earlyToleranceMinutes * MINUTE) {
    return { refused: 'too-early' };
  }
  const late = a.arrivedAt > slotEnd + p.appointment.lateToleranceMinutes * MINUTE;
  return late && p.appointment.lateRule === 'refuse' ? { refused: 'too-late' } : 'pass';
}

function hasSymptoms(v: Visit): boolean {
  return !!v.symptoms && (v.symptoms.cough || v.symptoms.breathing || v.symptoms.other);
}

/** The plausible readings: a measuring error never counts (shared/domain.md, must 4). */
function plausibleReadings(v: Visit, p: Policy): number[] {
  return v.readings.map((r) => r.celsius).filter((c) => temperatureBand(c, p) !== 'implausible');
}

function temperatureGate(v: Visit, p: Policy): Gate {
  const [first] = plausibleReadings(v, p);
  if (first === undefined) return 'pending';
  if (temperatureBand(first, p) === 'normal') {
    return hasSymptoms(v) ? { refused: 'fever-clinic' } : 'pass';
  }
  return 'pass'; // decided by the re-check gate
}

function recheckGate(v: Visit, p: Policy): Gate {
  const readings = plausibleReadings(v, p);
  const first = readings[0];
  if (first === undefined || temperatureBand(first, p) === 'normal') return 'pass';
  const recheck = readings[readings.length - 1];
  if (readings.length < 2 || recheck === undefined) return 'pending';
  switch (temperatureBand(recheck, p)) {
    case 'fever':
      return 'isolated';
    case 'raised':
      return { refused: hasSymptoms(v) ? 'fever-clinic' : 'home-observation' };
    default:
      return hasSymptoms(v) ? { refused: 'fever-clinic' } : 'pass';
  }
}

/** The six musts in door order (shared/domain.md); each gate reads only the policy. */
const MUSTS: readonly Must[] = [
  { step: 'appointment', gate: appointmentGate },
  { step: 'mask', gate: (v) => (v.mask ? 'pass' : 'pending') },
  { step: 'hands', gate: (v) => (v.handsDisinfected ? 'pass' : 'pending') },
  { step: 'temperature', gate: temperatureGate },
  { step: 'recheck', gate: recheckGate },
  { step: 'identity', gate: (v) => (v.identity ? 'pass' : 'pending') },
  {
    step: 'health-code',
    gate: (v, p) => {
      if (!v.healthCode) return 'pending';
      return p.codes.acceptedHealthColours.includes(v.healthCode)
        ? 'pass'
        : { refused: 'code-not-green' };
    },
  },
  {
    step: 'travel-code',
    gate: (v, p) => {
      if (v.travelRisk === null) return 'pending';
      return v.travelRisk && p.codes.refuseRiskAreaTravel
        ? { refused: 'risk-area-travel' }
        : 'pass';
    },
  },
];

function firstOpenMust(v: Visit, p: Policy): { step: DoorStep; gate: Gate } | null {
  for (const must of MUSTS) {
    const gate = must.gate(v, p);
    if (gate !== 'pass') return { step: must.step, gate };
  }
  return null;
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

/** When the suggested rest before a re-check ends (ms), or null if none is due. */
export function recheckRestUntil(v: Visit, p: Policy): number | null {
  if (nextStep(v, p) !== 'recheck') return null;
  const first = v.readings.find((r) => temperatureBand(r.celsius, p) !== 'implausible');
  return first ? first.at + p.temperature.recheckRestSeconds * 1000 : null;
}
