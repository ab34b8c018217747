/**
 * The card-number check against GB/T 2260 (../shared/corpora/gb2260, cn/GB2260: every
 * revision of the national standard, the ministry's and the statistics bureau's lists,
 * Hong Kong and Macao). Read in place, never copied; a missing corpus fails.
 *
 * The door checks the province (src/domain/id-number.ts says why not the county): every
 * code ever listed, retired ones included, must pass, and a province no revision lists
 * must not. 83 (residence permits of Taiwan residents) is the one prefix accepted that
 * GB/T 2260 does not list.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCardNumber } from '../../src/domain/card-read';
import { checkCharacter } from '../../src/domain/id-number';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpora/gb2260');
const NOW = Date.UTC(2026, 10, 28);

function tsvFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsvFiles(full);
    return entry.name.endsWith('.tsv') && entry.name !== 'sources.tsv' ? [full] : [];
  });
}

function loadCodes(): Set<string> {
  if (!existsSync(CORPUS)) {
    throw new Error(
      `GB/T 2260 corpus missing at ${CORPUS}: the conformance tests must fail, not skip.`,
    );
  }
  const codes = new Set<string>();
  for (const file of tsvFiles(CORPUS)) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const code = line.split('\t')[2];
      if (code && /^\d{6}$/.test(code)) codes.add(code);
    }
  }
  return codes;
}

const codes = loadCodes();
const numberIn = (region: string) => {
  const first17 = `${region}19900307123`;
  return first17 + checkCharacter(first17);
};

describe('GB/T 2260 region codes on a card', () => {
  it('reads thousands of codes over every revision', () => {
    expect(codes.size).toBeGreaterThan(5000);
  });

  it('accepts every code any revision lists, retired ones included', () => {
    const refused = [...codes].filter((code) => !checkCardNumber(numberIn(code), NOW).ok);
    expect(refused).toEqual([]);
  });

  it('refuses every province prefix no revision lists (but 83, the residence permit)', () => {
    const listed = new Set([...codes].map((code) => code.slice(0, 2)));
    const accepted = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(
      (prefix) => checkCardNumber(numberIn(`${prefix}0101`), NOW).ok,
    );
    expect(accepted.filter((prefix) => !listed.has(prefix))).toEqual(['83']);
    expect([...listed].filter((prefix) => !accepted.includes(prefix))).toEqual([]);
  });
});
