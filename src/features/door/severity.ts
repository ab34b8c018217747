import type { Visit } from '../../domain/visit';
import type { Severity } from '../../services/sound/tones';

/**
 * How serious a finished visit's verdict is: its colour and its sound (issue 12).
 * Isolation and a red health code are an alarm; every other refusal is orange.
 */
export function severityOf(visit: Visit): Severity {
  const outcome = visit.decision?.outcome;
  if (!outcome) return 'refused';
  if (outcome.kind === 'admitted') return 'admitted';
  if (outcome.kind === 'isolated') return 'alarm';
  if (outcome.reason === 'code-not-green' && visit.healthCode === 'red') return 'alarm';
  if (outcome.reason === 'too-early') return 'come-back';
  return 'refused';
}
