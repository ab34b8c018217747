/**
 * How health and travel codes are recognised: by where they point, as data.
 *
 * Regional health codes (健康码) are mostly a URL of the issuing province's platform or
 * an opaque token; the travel code (行程卡) likewise. None can be checked offline
 * without the issuer's keys, so recognising one only says what kind of code was shown.
 * A hall adds its region's patterns here; an unrecognised payload is "unknown", never
 * guessed. Patterns look at the URL host or a leading token, never at personal fields.
 */
export type CodeKind = 'health' | 'travel';

export type IssuerPattern =
  /** A URL whose host has a label starting with one of these words. */
  | { kind: CodeKind; issuer: string; hostWords: readonly string[] }
  /** A token starting with one of these prefixes (case-sensitive). */
  | { kind: CodeKind; issuer: string; prefixes: readonly string[] };

export const ISSUER_PATTERNS: readonly IssuerPattern[] = [
  {
    kind: 'travel',
    issuer: 'travel-code',
    hostWords: ['xcm', 'xck', 'xingchengka', 'travelcode', 'itinerary'],
  },
  { kind: 'travel', issuer: 'travel-code', prefixes: ['XCK:', 'TRAVEL:'] },
  {
    kind: 'health',
    issuer: 'health-code',
    hostWords: ['jkm', 'jkb', 'ykm', 'healthcode', 'health-code', 'jiankangma', 'suishenma'],
  },
  { kind: 'health', issuer: 'health-code', prefixes: ['JKM:', 'HEALTH:'] },
  // EU Digital COVID Certificate: signed (COSE), the kind a CodeVerifier can check offline.
  { kind: 'health', issuer: 'eu-dcc', prefixes: ['HC1:'] },
];

/** The host of an http(s) URL, lower case, or null. */
export function urlHost(payload: string): string | null {
  if (!/^https?:\/\//i.test(payload)) return null;
  try {
    return new URL(payload).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function matches(pattern: IssuerPattern, payload: string, host: string | null): boolean {
  if ('prefixes' in pattern) return pattern.prefixes.some((p) => payload.startsWith(p));
  if (!host) return false;
  const labels = host.split('.');
  return labels.some((label) => pattern.hostWords.some((w) => label.startsWith(w)));
}

export function recognise(
  payload: string,
  patterns: readonly IssuerPattern[] = ISSUER_PATTERNS,
): IssuerPattern | null {
  const host = urlHost(payload);
  return patterns.find((p) => matches(p, payload, host)) ?? null;
}
