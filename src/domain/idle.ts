/**
 * When the door counts as idle, and when a new app version may be applied (and when
 * the background retention purge runs). Pure: the kiosk feeds in how long the screen
 * has gone untouched.
 */
export interface IdleTiming {
  /** Untouched this long: warn that the door will return to its start screen. */
  warnAfterMs: number;
  /** Untouched this long: return to the start screen (the warning lasts the difference). */
  resetAfterMs: number;
  /** A waiting update is applied after this long untouched with no visit in progress. */
  updateAfterIdleMs: number;
  /** How often to ask the server for a new version (the kiosk never navigates). */
  updateCheckEveryMs: number;
  /** The retention purge's background runs: the first after start-up, then every so often. */
  retentionFirstAfterMs: number;
  retentionEveryMs: number;
}

/**
 * The warning comes after 3 minutes: longer than the policy's suggested rest before a
 * temperature re-check (120 s, shared/domain.md must 4), so a visitor resting before the
 * re-check is never interrupted by the idle reset.
 */
export const DEFAULT_IDLE_TIMING: IdleTiming = {
  warnAfterMs: 3 * 60_000,
  resetAfterMs: 3 * 60_000 + 30_000,
  updateAfterIdleMs: 60_000,
  updateCheckEveryMs: 15 * 60_000,
  // Off the busy start-up, once the door is on screen and sync has had a first go.
  retentionFirstAfterMs: 60_000,
  retentionEveryMs: 60 * 60_000,
};

export type IdlePhase =
  | { phase: 'active' }
  | { phase: 'warning'; resetInMs: number }
  | { phase: 'expired' };

export function idlePhase(idleMs: number, timing: IdleTiming): IdlePhase {
  if (idleMs >= timing.resetAfterMs) return { phase: 'expired' };
  if (idleMs >= timing.warnAfterMs) {
    return { phase: 'warning', resetInMs: timing.resetAfterMs - idleMs };
  }
  return { phase: 'active' };
}

export type UpdateDecision = 'apply' | 'wait-for-visit' | 'wait-for-idle' | 'nothing-waiting';

/** Never mid-visit: a reload would drop the step on screen in front of the visitor. */
export function updateDecision(
  state: { updateWaiting: boolean; visitInProgress: boolean; idleMs: number },
  timing: IdleTiming,
): UpdateDecision {
  if (!state.updateWaiting) return 'nothing-waiting';
  if (state.visitInProgress) return 'wait-for-visit';
  if (state.idleMs < timing.updateAfterIdleMs) return 'wait-for-idle';
  return 'apply';
}
