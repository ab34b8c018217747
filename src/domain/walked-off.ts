/**
 * A visitor with a raised first reading who walks off before the re-check decides is
 * neither admitted nor sent anywhere: nobody told her to see a doctor. The duty lead must
 * know (an incident) and the daily report lists her among the cases with her readings,
 * not only as "中途离开" in the figures (issue 31).
 */
import { decidingReadings } from './flow';
import type { Policy } from './policy';
import { temperatureBand } from './temperature';
import type { Visit } from './visit';

/**
 * True when the visit ended without a verdict after a raised or fever reading. A refusal
 * of the measures is left out: it has its own incident, with the same readings.
 */
export function walkedOffFebrile(v: Visit, p: Policy): boolean {
  if (v.decision || !v.abandoned || v.abandoned.reason === 'refused-measures') return false;
  const { first } = decidingReadings(v, p);
  return first !== undefined && temperatureBand(first, p) !== 'normal';
}
