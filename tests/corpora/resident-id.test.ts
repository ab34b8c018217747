/**
 * Conformance of the resident ID check against the public vectors in
 * ../shared/corpora/cn-resident-id/vectors.json (gathered from python-stdnum, stdnum-js
 * and other public test suites). The corpus is read in place, never copied, and a
 * missing corpus is a failure, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCharacter, validateIdNumber } from '../../src/domain/id-number';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VECTORS_PATH = path.resolve(REPO_ROOT, '../shared/corpora/cn-resident-id/vectors.json');

/** A fixed "today" so that the results do not change with the calendar. */
const NOW = Date.UTC(2026, 10, 28);

interface Vector {
  id: string;
  expected_valid: boolean | null;
  reason: string;
  source?: string;
  computed_check_digit?: string;
  checksum_ok?: boolean;
  date_ok?: boolean;
}

function isVector(value: unknown): value is Vector {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.reason === 'string' &&
    (typeof v.expected_valid === 'boolean' || v.expected_valid === null)
  );
}

function loadVectors(): Vector[] {
  if (!existsSync(VECTORS_PATH)) {
    throw new Error(
      `Resident ID corpus missing at ${VECTORS_PATH}: the conformance tests must fail, not skip. ` +
        'Check out the shared folder beside the repository.',
    );
  }
  const parsed: unknown = JSON.parse(readFileSync(VECTORS_PATH, 'utf8'));
  const vectors =
    typeof parsed === 'object' && parsed !== null && 'vectors' in parsed ? parsed.vectors : null;
  if (!Array.isArray(vectors) || !vectors.every(isVector)) {
    throw new Error(`Resident ID corpus at ${VECTORS_PATH} is not { vectors: Vector[] }`);
  }
  return vectors;
}

const vectors = loadVectors();

/**
 * Vectors whose verdict depends on the region code being valid at the holder's birth
 * year. python-stdnum's strict mode refuses them; the door does not. An ID number is
 * issued once and stays valid for life even when its county code is later retired or
 * renumbered (and a code may be reused for a different county), so refusing it would
 * turn away a citizen holding a genuine card. The app therefore checks the region at
 * province level only (src/domain/id-number.ts, shared/corpora/README.md), and must
 * accept these.
 */
const dependsOnStrictRegionMode = (v: Vector) =>
  v.expected_valid === null || v.reason.includes('strict mode only');

const decided = vectors.filter((v) => !dependsOnStrictRegionMode(v));
const lenient = vectors.filter(dependsOnStrictRegionMode);
const legacy = vectors.filter((v) => /^\d{15}$/.test(v.id));
const withCheckDigit = vectors.filter(
  (v) => /^\d{17}[\dXx]$/.test(v.id) && v.computed_check_digit !== undefined,
);

describe('cn-resident-id corpus', () => {
  it('is present and covers valid, invalid, strict-mode and legacy 15-digit numbers', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
    expect(decided.some((v) => v.expected_valid === true)).toBe(true);
    expect(decided.some((v) => v.expected_valid === false)).toBe(true);
    expect(lenient.length).toBeGreaterThan(0);
    expect(legacy.length).toBeGreaterThan(0);
  });

  it.each(decided.map((v) => [v.id, v.expected_valid, v.reason, v] as const))(
    '%s is valid: %s (%s)',
    (_id, _expected, _reason, v) => {
      const result = validateIdNumber(v.id, NOW);
      expect(result.ok, JSON.stringify(result)).toBe(v.expected_valid);
    },
  );

  it.each(lenient.map((v) => [v.id, v.reason, v] as const))(
    '%s is accepted in lenient (province-level) mode (%s)',
    (_id, _reason, v) => {
      const result = validateIdNumber(v.id, NOW);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    },
  );

  it.each(withCheckDigit.map((v) => [v.id, v.computed_check_digit ?? '', v] as const))(
    '%s: our check character for the first 17 digits is %s, as computed independently',
    (_id, computed, v) => {
      expect(checkCharacter(v.id.slice(0, 17))).toBe(computed.toUpperCase());
    },
  );

  it.each(legacy.map((v) => [v.id, v] as const))(
    'legacy 15-digit %s upgrades to the number named in its reason',
    (_id, v) => {
      const result = validateIdNumber(v.id, NOW);
      const named = /upgrades to (\d{17}[\dX])/.exec(v.reason)?.[1];
      if (v.expected_valid === true) {
        expect(result).toMatchObject({ ok: true, upgraded: true });
        if (named !== undefined) expect(result).toMatchObject({ value: named });
      } else {
        expect(result.ok).toBe(false);
      }
    },
  );

  it('names at least one upgrade target among the legacy vectors', () => {
    expect(legacy.some((v) => /upgrades to \d{17}[\dX]/.test(v.reason))).toBe(true);
  });
});
