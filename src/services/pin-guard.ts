/**
 * A PIN-protected secret with lock-out: the lead PIN now, staff roles later. Joins the
 * pure rules (domain/pin, domain/lockout) to their storage (db/settings); the attempt
 * state is saved before the answer is given, so a reload cannot reset a lock-out.
 */
import { loadAttempts, loadPinRecord, saveAttempts, savePinRecord } from '../db/settings';
import {
  afterFailure,
  afterSuccess,
  DEFAULT_LOCKOUT,
  type LockoutRule,
  lockoutGate,
  NO_ATTEMPTS,
} from '../domain/lockout';

/** PBKDF2 and its rules load at the first PIN asked for, not with the door (its budget). */
const pinHashing = () => import('../domain/pin');

export type PinCheck =
  | { kind: 'ok' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; until: number }
  | { kind: 'not-set' };

export interface PinGuardOptions {
  now: () => number;
  rule?: LockoutRule;
  iterations?: number;
  /** Called once when wrong entries lock the secret (recorded as a device event). */
  onLockout?: (lockout: { failures: number; until: number }) => void;
}

export class PinGuard {
  private readonly rule: LockoutRule;

  constructor(
    readonly secret: string,
    private readonly options: PinGuardOptions,
  ) {
    this.rule = options.rule ?? DEFAULT_LOCKOUT;
  }

  async isSet(): Promise<boolean> {
    return (await loadPinRecord(this.secret)) !== undefined;
  }

  async set(pin: string): Promise<void> {
    const { hashPin, PIN_ITERATIONS } = await pinHashing();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    await savePinRecord(
      this.secret,
      await hashPin(pin, salt, this.options.iterations ?? PIN_ITERATIONS),
    );
    await saveAttempts(this.secret, afterSuccess());
  }

  /** Locked until, if it is locked now. */
  async lockedUntil(): Promise<number | null> {
    const gate = lockoutGate(await this.attempts(), this.options.now(), this.rule);
    return gate.open ? null : gate.until;
  }

  async check(pin: string): Promise<PinCheck> {
    const record = await loadPinRecord(this.secret);
    if (!record) return { kind: 'not-set' };
    const attempts = await this.attempts();
    const gate = lockoutGate(attempts, this.options.now(), this.rule);
    if (!gate.open) return { kind: 'locked', until: gate.until };

    const { pinMatches } = await pinHashing();
    if (await pinMatches(pin, record)) {
      await saveAttempts(this.secret, afterSuccess());
      return { kind: 'ok' };
    }
    const next = afterFailure(attempts, this.options.now(), this.rule);
    await saveAttempts(this.secret, next);
    if (next.lockedUntil !== null) {
      this.options.onLockout?.({ failures: this.rule.maxFailures, until: next.lockedUntil });
      return { kind: 'locked', until: next.lockedUntil };
    }
    return { kind: 'wrong', attemptsLeft: this.rule.maxFailures - next.failures };
  }

  private async attempts() {
    return (await loadAttempts(this.secret)) ?? NO_ATTEMPTS;
  }
}
