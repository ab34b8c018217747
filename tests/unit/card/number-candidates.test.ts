import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../../src/domain/id-number';
import {
  ocrNumberCandidates,
  wordsToLines,
} from '../../../src/features/door/card/number-candidates';
import { first17Arb } from '../../fixtures/id-number-arb';

const valid = (first17: string) => first17 + checkCharacter(first17);

describe('ocrNumberCandidates', () => {
  it('finds the number as one token among the label’s junk digits, X included', () => {
    expect(ocrNumberCandidates('14057 610113194703145257\n2')).toEqual(['610113194703145257']);
    expect(ocrNumberCandidates('11010519491231002x')).toEqual(['11010519491231002X']);
  });

  it('joins neighbouring tokens of one line to exactly 18 characters', () => {
    expect(ocrNumberCandidates('14057 610113194 703145257')).toEqual(['610113194703145257']);
    expect(ocrNumberCandidates('44030 5196606118167')).toEqual(['440305196606118167']);
    // Not across lines: two lines are two fields.
    expect(ocrNumberCandidates('440305196\n606118167')).toEqual([]);
  });

  it('never cuts a longer run into 18-character windows (a bank card’s 19 digits)', () => {
    expect(ocrNumberCandidates('6222021234567890123')).toEqual([]);
    expect(ocrNumberCandidates('6222 0212 3456 7890 123')).toEqual([]);
    expect(ocrNumberCandidates('X10105194912310021')).toEqual([]);
  });

  it('finds any valid number however OCR splits it, behind any junk token', () => {
    fc.assert(
      fc.property(
        first17Arb,
        fc.integer({ min: 1, max: 17 }),
        fc.stringMatching(/^\d{1,5}$/),
        ({ first17 }, cut, junk) => {
          const id = valid(first17);
          const text = `${junk} ${id.slice(0, cut)} ${id.slice(cut)}`;
          expect(ocrNumberCandidates(text)).toContain(id);
        },
      ),
    );
  });
});

describe('wordsToLines', () => {
  const word = (text: string, x0: number, y0: number, h = 30) => ({
    text,
    bbox: { x0, y0, x1: x0 + text.length * 15, y1: y0 + h },
  });

  it('puts words of one printed row on one line, left to right, rows top to bottom', () => {
    const words = [
      word('03145257', 520, 205),
      word('14057', 40, 60),
      word('6101131947', 300, 200),
      word('2', 90, 62),
    ];
    expect(wordsToLines(words)).toBe('14057 2\n6101131947 03145257');
    expect(ocrNumberCandidates(wordsToLines(words))).toEqual(['610113194703145257']);
  });
});
