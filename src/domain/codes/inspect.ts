import type { CodeCheck } from '../events';
import type { BookingCode } from './booking-code';
import { classifyPayload, type MalformedProblem } from './classify';
import { payloadSha256 } from './digest';
import { payloadExcerpt } from './excerpt';
import type { CodeKind } from './issuers';
import { type CodeVerifier, NO_VERIFIERS } from './verifier';

/** A health or travel code as it may be recorded: a fingerprint, never the payload. */
export interface SeenCode {
  kind: CodeKind;
  issuer: string;
  payloadHash: string;
  excerpt: string;
  verified: boolean;
  verifier?: string;
}

/**
 * What the door can do with a scan. `seen` is all a scan of a health or travel code can
 * give: the colour or risk is then confirmed by staff. No answer here is a verdict.
 */
export type ScanReading =
  | { kind: 'booking'; code: BookingCode }
  | { kind: 'seen'; code: SeenCode }
  | { kind: 'rejected'; problem: MalformedProblem | 'expired' | 'invalid' | 'unhashable' }
  | { kind: 'unknown' };

export async function readScan(
  payload: string,
  now: number,
  verifiers: readonly CodeVerifier[] = NO_VERIFIERS,
): Promise<ScanReading> {
  const found = classifyPayload(payload);
  switch (found.kind) {
    case 'booking':
      return found;
    case 'unknown':
      return found;
    case 'malformed':
      return { kind: 'rejected', problem: found.problem };
    case 'health':
    case 'travel': {
      const verifier = verifiers.find((v) => v.accepts(found.kind, found.issuer, payload));
      const check = verifier ? await verifier.verify(payload, now).catch(() => null) : null;
      if (check?.status === 'expired' || check?.status === 'invalid') {
        return { kind: 'rejected', problem: check.status };
      }
      let payloadHash: string;
      try {
        payloadHash = await payloadSha256(payload);
      } catch {
        return { kind: 'rejected', problem: 'unhashable' };
      }
      const verified = check?.status === 'verified';
      return {
        kind: 'seen',
        code: {
          kind: found.kind,
          issuer: found.issuer,
          payloadHash,
          excerpt: payloadExcerpt(payload),
          verified,
          ...(verified && verifier ? { verifier: verifier.id } : {}),
        },
      };
    }
    default: {
      const unreachable: never = found;
      return unreachable;
    }
  }
}

/** The event data of a scanned code: its fingerprint, never its payload. */
export function scanCheck(code: SeenCode): CodeCheck {
  return {
    method: 'scan',
    issuer: code.issuer,
    payloadHash: code.payloadHash,
    excerpt: code.excerpt,
    verified: code.verified,
    ...(code.verifier ? { verifier: code.verifier } : {}),
  };
}
