/**
 * Lock-out of enrolment after repeated failures, on top of the per-address rate limit
 * (app.ts). The state lives in the Store, not in memory: a restart or a second server
 * instance must not hand an attacker a fresh set of guesses. The rule is the tablet's
 * PIN rule (src/domain/lockout.ts): N failures in a row lock, each lock-out doubles.
 *
 * Two counters: the caller's address, which locks, and the whole server, which only
 * counts (a log line and the `server` lock-out metric): a server-wide lock would let a
 * few machines on the hall's LAN lock the lead out of enrolling tablets at will. Spread
 * guessing gains nothing from it: each address locked after 5 failures, up to an hour,
 * tries about 130 codes a day, against 2^52 codes valid for hours (server-security.md).
 * A takeover attempt (a known device id) counts as a failure too.
 */
import {
  afterFailure,
  afterSuccess,
  type LockoutRule,
  lockoutGate,
} from '../../../src/domain/lockout';
import type { Store } from '../store/store';
import { HttpError } from './errors';

export const ADDRESS_RULE: LockoutRule = {
  maxFailures: 5,
  lockMs: 60_000,
  maxLockMs: 60 * 60_000,
};
export const SERVER_RULE: LockoutRule = {
  maxFailures: 50,
  lockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};

type Counter = {
  key: string;
  rule: LockoutRule;
  scope: 'address' | 'server';
  /** Whether this counter's lock-out refuses enrolments (false: it only counts). */
  locks: boolean;
};

export function enrolmentCounters(address: string): Counter[] {
  return [
    { key: `enrol:address:${address}`, rule: ADDRESS_RULE, scope: 'address', locks: true },
    { key: 'enrol:server', rule: SERVER_RULE, scope: 'server', locks: false },
  ];
}

/** Throws 429 while any counter is locked; nothing is tried (not even the code). */
export async function assertEnrolmentOpen(
  store: Store,
  counters: readonly Counter[],
  now: number,
): Promise<void> {
  for (const { key, rule, locks } of counters) {
    if (!locks) continue;
    const gate = lockoutGate(await store.attempts(key), now, rule);
    if (!gate.open) {
      const seconds = Math.max(1, Math.ceil((gate.until - now) / 1000));
      throw new HttpError(
        429,
        'too-many-requests',
        `too many failed enrolments: try again in ${seconds} s`,
        seconds,
      );
    }
  }
}

/** Counts the failure on each counter; returns the counters this failure locked. */
export async function recordEnrolmentFailure(
  store: Store,
  counters: readonly Counter[],
  now: number,
): Promise<Counter['scope'][]> {
  const locked: Counter['scope'][] = [];
  for (const { key, rule, scope } of counters) {
    const before = await store.attempts(key);
    const after = afterFailure(before, now, rule);
    if (after.lockouts > before.lockouts) locked.push(scope);
    await store.setAttempts(key, after);
  }
  return locked;
}

export async function recordEnrolmentSuccess(
  store: Store,
  counters: readonly Counter[],
): Promise<void> {
  for (const { key } of counters) await store.setAttempts(key, afterSuccess());
}
