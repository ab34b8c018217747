/**
 * Device tokens and enrolment codes. Both are random and high-entropy, so a SHA-256 of
 * them is what the server keeps: a leaked database does not leak a usable token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../sha256';

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether a given secret (admin or metrics token) is the expected one, in time that does
 * not depend on where they differ: both are hashed to 32 bytes first.
 */
export function sameSecret(given: string | null, expected: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

/** ADMIN_TOKEN and METRICS_TOKEN: long enough that the rate limits make guessing hopeless. */
export const MIN_SECRET_LENGTH = 24;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * An alphabet without look-alikes for typing on a tablet: no 0/O/Q/D, 1/I/L, 2/Z, 5/S,
 * 8/B, U/V. 21 symbols: 12 characters carry 52 bits (log2 21 ≈ 4.39 per character).
 */
export const CODE_ALPHABET = 'ACEFGHJKMNPRTWXY34679';
export const CODE_LENGTH = 12;
export const CODE_GROUP = 4;

/**
 * A single-use enrolment code, e.g. `HKR7-X3TA-96FW`: random, unbiased (rejection
 * sampling), grouped by four for reading aloud and typing; dashes and case are ignored.
 */
export function newEnrolmentCode(): string {
  const chars: string[] = [];
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (chars.length < CODE_LENGTH) {
    for (const b of randomBytes(CODE_LENGTH * 2)) {
      if (b < limit && chars.length < CODE_LENGTH)
        chars.push(CODE_ALPHABET[b % CODE_ALPHABET.length] ?? '');
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < CODE_LENGTH; i += CODE_GROUP)
    groups.push(chars.slice(i, i + CODE_GROUP).join(''));
  return groups.join('-');
}

export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** What the store keeps of an enrolment code: the same for `hkr7 x3ta-96fw` and `HKR7X3TA96FW`. */
export function enrolmentCodeHash(code: string): string {
  return hashSecret(normaliseCode(code));
}
