/**
 * One health code, several people (issue 33): a screenshot of someone else's green code.
 * Each scanned code's fingerprint (`payloadHash`, src/domain/codes/inspect.ts) is kept on
 * its visit; today's visits (this tablet's and, once synced, every tablet's of the hall)
 * are indexed by it once per change of the day, and a scan looks its fingerprint up. The
 * same identity showing its code twice (a returnee of the day, a second visit) is not a
 * match; neither is a visit whose identity is unknown (nothing to compare).
 */
import type { Visit } from './visit';

export interface CodeShown {
  visit: string;
  /** When the code was checked (device time of that tablet). */
  at: number;
  name: string;
  idNumber: string;
}

export type CodeIndex = ReadonlyMap<string, readonly CodeShown[]>;

/** Today's visits by the fingerprint of the health code each showed. */
export function indexCodes(visits: readonly Visit[]): CodeIndex {
  const index = new Map<string, CodeShown[]>();
  for (const v of visits) {
    const scan = v.codeScan;
    if (!scan || !v.identity || v.purgedAt) continue;
    const shown: CodeShown = {
      visit: v.id,
      at: scan.at,
      name: v.identity.name,
      idNumber: normalId(v.identity.idNumber),
    };
    index.set(scan.hash, [...(index.get(scan.hash) ?? []), shown]);
  }
  return index;
}

/**
 * The earliest visit of today that showed this code under another identity than
 * `idNumber`, or null. `self`: the visit at the door, never a match of itself.
 */
export function findSharedCode(
  index: CodeIndex,
  hash: string,
  idNumber: string,
  self: string,
): CodeShown | null {
  const me = normalId(idNumber);
  let found: CodeShown | null = null;
  for (const shown of index.get(hash) ?? []) {
    if (shown.visit === self || shown.idNumber === me) continue;
    if (!found || shown.at < found.at) found = shown;
  }
  return found;
}

function normalId(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
