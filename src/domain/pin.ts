/**
 * PINs: what a PIN may look like, and its salted PBKDF2 hash (WebCrypto). No I/O: the
 * salt is made by the caller, the record is stored by src/db.
 */
export type PinProblem = 'length' | 'digits' | 'trivial';

export const PIN_LENGTH = { min: 4, max: 8 } as const;

/**
 * PBKDF2-SHA-256 iterations. A 4–8 digit PIN has at most 10^8 values, so no iteration
 * count makes an offline search infeasible; the hash only keeps the PIN out of plain
 * sight and the lock-out (lockout.ts) does the real protecting. 100,000 keeps a check
 * well under a second on a cheap tablet. Stored per record, so it can be raised later.
 */
export const PIN_ITERATIONS = 100_000;

export interface PinRecord {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of 32 derived bytes */
  hash: string;
}

/** Why a new PIN is not acceptable, or null. Trivial: one digit repeated, or a run. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'digits';
  if (pin.length < PIN_LENGTH.min || pin.length > PIN_LENGTH.max) return 'length';
  const steps = new Set([...pin].slice(1).map((d, i) => Number(d) - Number(pin[i])));
  if (steps.size === 1 && [...steps].every((s) => Math.abs(s) <= 1)) return 'trivial';
  return null;
}

export async function hashPin(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number = PIN_ITERATIONS,
): Promise<PinRecord> {
  const hash = await derive(pin, salt, iterations);
  return {
    algorithm: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64(salt),
    hash: toBase64(hash),
  };
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const expected = fromBase64(record.hash);
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  // Compare every byte whatever the first difference: no timing hint.
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (actual[i] ?? 0);
  return diff === 0;
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
