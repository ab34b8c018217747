import { type BookingCode, looksLikeBookingCode, parseBookingCode } from './booking-code';
import { type CodeKind, ISSUER_PATTERNS, type IssuerPattern, recognise } from './issuers';

/** QR codes hold at most 7,089 characters; a wedge scanner could type anything. */
export const MAX_PAYLOAD_LENGTH = 4096;

export type MalformedProblem =
  | 'empty'
  | 'oversized'
  | 'booking-format'
  | 'booking-date'
  | 'booking-check';

/** What a scanned payload is. It says nothing about whether the visitor may enter. */
export type PayloadClass =
  | { kind: 'booking'; code: BookingCode }
  | { kind: CodeKind; issuer: string }
  | { kind: 'unknown' }
  | { kind: 'malformed'; problem: MalformedProblem };

export function classifyPayload(
  payload: string,
  patterns: readonly IssuerPattern[] = ISSUER_PATTERNS,
): PayloadClass {
  const text = payload.trim();
  if (text === '') return { kind: 'malformed', problem: 'empty' };
  if (payload.length > MAX_PAYLOAD_LENGTH) return { kind: 'malformed', problem: 'oversized' };
  if (looksLikeBookingCode(text)) {
    const parsed = parseBookingCode(text);
    return parsed.ok
      ? { kind: 'booking', code: parsed.code }
      : { kind: 'malformed', problem: `booking-${parsed.problem}` };
  }
  const issuer = recognise(text, patterns);
  return issuer ? { kind: issuer.kind, issuer: issuer.issuer } : { kind: 'unknown' };
}
