import type { CodeKind } from './issuers';

/**
 * A format that can be checked offline (a signed code whose issuer keys the tablet
 * holds) plugs in here. None ships today: regional health codes are verified only by
 * their issuer's servers, so every scan is "seen, colour confirmed by staff".
 * A verifier answers whether the code is genuine and current; it never decides entry:
 * staff still confirm the colour shown.
 */
export type Verification =
  | { status: 'verified' }
  | { status: 'expired' }
  | { status: 'invalid' }
  | { status: 'unverifiable' };

export interface CodeVerifier {
  /** Stored with a verified scan, e.g. 'eu-dcc'. */
  readonly id: string;
  accepts(kind: CodeKind, issuer: string, payload: string): boolean;
  verify(payload: string, now: number): Promise<Verification>;
}

export const NO_VERIFIERS: readonly CodeVerifier[] = [];
