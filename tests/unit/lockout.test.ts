import { describe, expect, it } from 'vitest';
import {
  type Attempts,
  afterFailure,
  afterSuccess,
  DEFAULT_LOCKOUT,
  lockoutGate,
  NO_ATTEMPTS,
} from '../../src/domain/lockout';

const rule = { maxFailures: 3, lockMs: 60_000, maxLockMs: 5 * 60_000 };
const T = 1_000_000;

function fail(times: number, from: Attempts = NO_ATTEMPTS, at = T): Attempts {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, at, rule);
  return state;
}

describe('lock-out after wrong PINs', () => {
  it('counts down the attempts left before locking', () => {
    expect(lockoutGate(NO_ATTEMPTS, T, rule)).toEqual({ open: true, attemptsLeft: 3 });
    expect(lockoutGate(fail(2), T, rule)).toEqual({ open: true, attemptsLeft: 1 });
  });

  it('locks on the last allowed failure, until lockMs later', () => {
    const locked = fail(3);
    expect(locked.lockedUntil).toBe(T + 60_000);
    expect(lockoutGate(locked, T + 59_999, rule)).toEqual({ open: false, until: T + 60_000 });
    expect(lockoutGate(locked, T + 60_000, rule)).toEqual({ open: true, attemptsLeft: 3 });
  });

  it('doubles each further lock-out, up to the maximum', () => {
    const first = fail(3);
    const second = fail(3, first, T + 60_000);
    expect(second.lockedUntil).toBe(T + 60_000 + 120_000);
    let state = second;
    for (let i = 0; i < 5; i++) state = fail(3, state, T);
    expect((state.lockedUntil ?? 0) - T).toBe(rule.maxLockMs);
  });

  it('forgets everything after a success', () => {
    expect(afterSuccess()).toEqual(NO_ATTEMPTS);
  });

  it('never stays locked longer than the maximum when the clock is set back', () => {
    const locked = fail(3);
    const dayEarlier = T - 24 * 3_600_000;
    expect(lockoutGate(locked, dayEarlier, rule)).toEqual({
      open: false,
      until: dayEarlier + rule.maxLockMs,
    });
  });

  it('locks the lead PIN after 5 wrong entries by default', () => {
    let state = NO_ATTEMPTS;
    for (let i = 0; i < 4; i++) state = afterFailure(state, T, DEFAULT_LOCKOUT);
    expect(lockoutGate(state, T, DEFAULT_LOCKOUT).open).toBe(true);
    state = afterFailure(state, T, DEFAULT_LOCKOUT);
    expect(lockoutGate(state, T, DEFAULT_LOCKOUT).open).toBe(false);
  });
});
