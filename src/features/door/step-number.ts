import type { CheckPlace } from '../../domain/checks';
import type { DoorStep } from '../../domain/flow';

/** The six musts as the progress bar shows them: one numbering for bar and headings. */
export const MUSTS = ['appointment', 'mask', 'hands', 'temperature', 'identity', 'codes'] as const;
export type MustKey = (typeof MUSTS)[number];

/** `after`: for a policy's added check, the must it follows (it counts as that one). */
export function mustOf(step: DoorStep, after: CheckPlace = 'travel-code'): MustKey | 'done' {
  if (step === 'check') return mustOf(after);
  if (step === 'recheck') return 'temperature';
  if (step === 'health-code' || step === 'travel-code') return 'codes';
  if (step === 'decide' || step === 'done') return 'done';
  return step;
}

/** The number the progress bar gives this step (1–6), or null when the musts are done. */
export function stepNumber(step: DoorStep, after?: CheckPlace): number | null {
  const must = mustOf(step, after);
  return must === 'done' ? null : MUSTS.indexOf(must) + 1;
}
