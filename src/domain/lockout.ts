/**
 * Lock-out after repeated wrong PINs. The tablet stands at a public door where anyone
 * can try PINs, and a 4–8 digit PIN falls to guessing without a limit; the hash alone
 * does not protect it. Pure: the caller stores the state and supplies the clock, so
 * any secret (the lead PIN now, staff roles later) can use the same rule.
 */
export interface LockoutRule {
  /** Wrong entries in a row that lock the secret. */
  maxFailures: number;
  /** First lock-out; each further one doubles, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
}

export interface Attempts {
  /** Wrong entries since the last success or lock-out. */
  failures: number;
  /** Lock-outs since the last success. */
  lockouts: number;
  lockedUntil: number | null;
}

export const DEFAULT_LOCKOUT: LockoutRule = {
  maxFailures: 5,
  lockMs: 60_000,
  maxLockMs: 30 * 60_000,
};

export const NO_ATTEMPTS: Attempts = { failures: 0, lockouts: 0, lockedUntil: null };

export type Gate = { open: true; attemptsLeft: number } | { open: false; until: number };

/**
 * Whether an entry may be tried now. A clock set back after a lock-out would otherwise
 * stretch it by the size of the jump, so no lock lasts longer than maxLockMs from now.
 */
export function lockoutGate(state: Attempts, now: number, rule: LockoutRule): Gate {
  if (state.lockedUntil !== null && now < state.lockedUntil) {
    return { open: false, until: Math.min(state.lockedUntil, now + rule.maxLockMs) };
  }
  return { open: true, attemptsLeft: rule.maxFailures - state.failures };
}

export function afterFailure(state: Attempts, now: number, rule: LockoutRule): Attempts {
  const failures = state.failures + 1;
  if (failures < rule.maxFailures) return { ...state, failures, lockedUntil: null };
  const lockMs = Math.min(rule.lockMs * 2 ** state.lockouts, rule.maxLockMs);
  return { failures: 0, lockouts: state.lockouts + 1, lockedUntil: now + lockMs };
}

export function afterSuccess(): Attempts {
  return NO_ATTEMPTS;
}
