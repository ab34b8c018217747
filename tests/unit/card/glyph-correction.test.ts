import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../../src/domain/id-number';
import type { GlyphGuess } from '../../../src/features/door/card/glyph-classifier';
import {
  CORRECTION_MARGIN,
  correctedNumber,
} from '../../../src/features/door/card/glyph-correction';
import { first17Arb } from '../../fixtures/id-number-arb';

/** MOD 11-2 alone: what the correction is tried against here. */
const mod11 = (s: string) => s.length === 18 && checkCharacter(s.slice(0, 17)) === s[17];
const DIGITS = '0123456789';

/** Guesses that spell `text`, every runner-up far behind, except the `close` ones. */
function guesses(text: string, close: Record<number, string> = {}): GlyphGuess[][] {
  return [...text].map((char, i) => {
    const near = close[i];
    const rest = [...DIGITS].filter((c) => c !== char && c !== near);
    return [
      { char, score: 0.9 },
      ...(near ? [{ char: near, score: 0.9 - CORRECTION_MARGIN / 2 }] : []),
      ...rest.map((c, k) => ({ char: c, score: 0.5 - k * 0.01 })),
    ];
  });
}

const valid = first17Arb.map(({ first17 }) => first17 + checkCharacter(first17));
/** The digit that makes `text` valid when put at place `i`, if one does. */
const fixAt = (text: string, i: number) =>
  [...DIGITS].find((d) => mod11(text.slice(0, i) + d + text.slice(i + 1)));

describe('correctedNumber', () => {
  it('keeps a number its best guesses spell when it is valid', () => {
    fc.assert(
      fc.property(valid, (id) => {
        expect(correctedNumber(guesses(id), mod11)).toBe(id);
      }),
    );
  });

  it('puts one misread glyph right when its close runner-up is the only fix', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 16 }), (id, i) => {
        const wrong = DIGITS[(Number(id[i]) + 3) % 10] as string;
        const misread = id.slice(0, i) + wrong + id.slice(i + 1);
        expect(correctedNumber(guesses(misread, { [i]: id[i] as string }), mod11)).toBe(id);
        // The right digit far behind: nothing is guessed.
        expect(correctedNumber(guesses(misread), mod11)).toBeNull();
      }),
    );
  });

  it('gives nothing when two places could each make the number valid', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 16 }), (id, i) => {
        const misread = id.slice(0, i) + DIGITS[(Number(id[i]) + 3) % 10] + id.slice(i + 1);
        const j = (i + 5) % 17;
        const other = fixAt(misread, j);
        fc.pre(other !== undefined && other !== misread[j]);
        const close = { [i]: id[i] as string, [j]: other as string };
        expect(correctedNumber(guesses(misread, close), mod11)).toBeNull();
      }),
    );
  });

  it('never returns a number that fails the check', () => {
    const ranked = fc.array(
      fc.array(
        fc.record({ char: fc.constantFrom(...DIGITS), score: fc.double({ min: 0, max: 1 }) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      { minLength: 18, maxLength: 18 },
    );
    fc.assert(
      fc.property(ranked, (g) => {
        const sorted = g.map((r) => [...r].sort((a, b) => b.score - a.score));
        const out = correctedNumber(sorted, mod11);
        expect(out === null || mod11(out)).toBe(true);
      }),
    );
  });
});
