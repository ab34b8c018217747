/**
 * What the door's later parts ask of the flow (src/domain/flow.ts): the temperature step's
 * symptoms-only state, the rest before a re-check, whom a health verdict needs, and what
 * an undo reopens. Apart from flow.ts because only screens that load after the door's
 * first paint ask them (the door's budget, docs/benchmarks.md).
 */
import type { Check } from './checks';
import type { ReopenedMust } from './events';
import {
  decidingReadings,
  firstOpenMust,
  type HealthVerdict,
  healthVerdictOf,
  identityValid,
  mustsOf,
  nextStep,
} from './flow';
import type { Policy } from './policy';
import { temperatureBand } from './temperature';
import type { Visit } from './visit';

/**
 * True when the temperature step has its deciding reading already and asks only the
 * symptoms again (after an undo): the door offers no keypad then.
 */
export function symptomsOnly(v: Visit, p: Policy): boolean {
  if (!v.symptomsDue) return false;
  const { first, recheck } = decidingReadings(v, p);
  if (first === undefined) return false;
  return temperatureBand(first, p) === 'normal' || recheck !== undefined;
}

/**
 * The health verdict the door must still take who it is for (the door says what the
 * identity is needed for: 120's hand-over, the community's follow-up, the clinic's
 * referral), or null when none is pending.
 */
export function identityForHealth(v: Visit, p: Policy): HealthVerdict | null {
  if (v.decision || v.abandoned || v.identityRefused || identityValid(v)) return null;
  for (const m of mustsOf(p)) {
    const health = healthVerdictOf(m.gate(v, p));
    if (health) return health;
  }
  return null;
}

/**
 * Which must an undo of this refusal reopens: the one whose answer refused. Null when the
 * visit is not refused (admitted and isolated visits are not undone at the door).
 */
export function refusingMust(v: Visit, p: Policy): ReopenedMust | null {
  if (v.decision?.outcome.kind !== 'refused') return null;
  const reason = v.decision.outcome.reason;
  for (const must of mustsOf(p)) {
    const gate = must.gate(v, p);
    if (typeof gate === 'object' && gate.refused === reason && must.step !== 'hands') {
      return must.step === 'check' ? 'checks' : (must.step as ReopenedMust);
    }
  }
  return null;
}

/** The added check whose answer refused this visit (its wording is the policy's). */
export function refusingCheck(v: Visit, p: Policy): Check | null {
  return firstOpenMust(v, p)?.check ?? null;
}

/** When the rest before a re-check ends (ms), or null if none is due. */
export function recheckRestUntil(v: Visit, p: Policy): number | null {
  if (nextStep(v, p) !== 'recheck') return null;
  const first = v.readings.find((r) => temperatureBand(r.celsius, p) !== 'implausible');
  return first ? first.at + p.temperature.recheckRestSeconds * 1000 : null;
}
