import type { Policy } from './policy';

/** Where a reading puts a visitor, by the policy's bands (shared/domain.md, must 4). */
export type TemperatureBand = 'implausible' | 'normal' | 'raised' | 'fever';

export function temperatureBand(celsius: number, policy: Policy): TemperatureBand {
  const t = policy.temperature;
  if (!Number.isFinite(celsius) || celsius < t.plausibleMinC || celsius > t.plausibleMaxC) {
    return 'implausible';
  }
  if (celsius < t.recheckAtC) return 'normal';
  return celsius <= t.homeObservationMaxC ? 'raised' : 'fever';
}

export type TemperatureInput =
  | { ok: true; celsius: number }
  | { ok: false; reason: 'empty' | 'format' | 'implausible'; suggestion?: number };

/**
 * Reads what was typed on the keypad. Nothing is guessed silently: `365` or `3.65`
 * are refused, with 36.5 offered as a suggestion the staff must confirm.
 */
export function parseTemperatureInput(text: string, policy: Policy): TemperatureInput {
  const s = text.trim().replace(',', '.');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\d{1,3}(\.\d{0,2})?$/.test(s) && !/^\d\.\d{1,3}$/.test(s)) {
    return { ok: false, reason: 'format' };
  }
  const value = Number(s);
  if (temperatureBand(value, policy) !== 'implausible') {
    // Thermometers show one decimal; rounding a second one could move a reading
    // across a band line (37.54 → 37.5 turns isolation into home observation).
    return /\.\d\d/.test(s) ? { ok: false, reason: 'format' } : { ok: true, celsius: value };
  }
  const digits = s.replace('.', '');
  const candidate = digits.length === 3 ? Number(`${digits.slice(0, 2)}.${digits[2]}`) : Number.NaN;
  return temperatureBand(candidate, policy) === 'implausible'
    ? { ok: false, reason: 'implausible' }
    : { ok: false, reason: 'implausible', suggestion: candidate };
}

/** The one-touch readings on the door screen: 36.0 … 37.2 °C, cut below the re-check line. */
export function commonReadings(policy: Policy): number[] {
  return Array.from({ length: 13 }, (_, i) => (360 + i) / 10).filter(
    (c) => temperatureBand(c, policy) === 'normal',
  );
}

/** A reading as written everywhere (screens, ledger, reports): one decimal, e.g. "36.5". */
export function formatCelsius(celsius: number): string {
  return celsius.toFixed(1);
}

/** A visit's readings in order, e.g. "37.4 → 37.3" (with " °C" after each when `unit`). */
export function formatReadings(celsius: readonly number[], unit = false): string {
  return celsius.map((c) => (unit ? `${formatCelsius(c)} °C` : formatCelsius(c))).join(' → ');
}

/** The label of the one-touch range, e.g. "36.0–37.2", from the policy's own readings. */
export function commonReadingsLabel(policy: Policy): string {
  const list = commonReadings(policy);
  const first = list[0];
  const last = list[list.length - 1];
  return first === undefined || last === undefined
    ? ''
    : `${formatCelsius(first)}–${formatCelsius(last)}`;
}
