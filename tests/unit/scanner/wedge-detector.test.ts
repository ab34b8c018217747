import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../../../src/features/door/scanner/wedge-detector';

/** Feeds keys `gapMs` apart, then Enter `gapMs` later; returns what the detector said. */
function type(text: string, gapMs: number, start = 1000, detector = createWedgeDetector()) {
  let at = start;
  for (const key of text) {
    expect(detector.key(key, at)).toBeNull();
    at += gapMs;
  }
  return detector.key('Enter', at);
}

describe('keyboard-wedge detection', () => {
  it('accepts a scanner burst ending in Enter', () => {
    expect(type('CKB1:B0001:20261128:K', 8)).toBe('CKB1:B0001:20261128:K');
    expect(type('https://jkm.example.cn/x', 35)).toBe('https://jkm.example.cn/x');
  });

  it('ignores human typing, even quick', () => {
    expect(type('B0001', 120)).toBeNull();
    expect(type('13812345678', 60)).toBeNull();
  });

  it('ignores a burst too short to be a code', () => {
    expect(type('123', 5)).toBeNull();
  });

  it('starts a new burst after a pause, so typed keys before a scan are dropped', () => {
    const detector = createWedgeDetector();
    expect(detector.key('a', 0)).toBeNull();
    expect(detector.key('b', 300)).toBeNull();
    expect(type('JKM:abc', 10, 900, detector)).toBe('JKM:abc');
  });

  it('does not accept an Enter pressed by hand after a burst', () => {
    const detector = createWedgeDetector();
    for (const [i, key] of [...'JKM:abcdef'].entries()) detector.key(key, i * 5);
    expect(detector.key('Enter', 45 + 500)).toBeNull();
  });

  it('ignores Shift and other named keys inside a burst', () => {
    const detector = createWedgeDetector();
    let at = 0;
    for (const key of ['Shift', 'H', 'Shift', 'C', '1', ':', 'x']) {
      at += 4;
      detector.key(key, at);
    }
    expect(detector.key('Enter', at + 4)).toBe('HC1:x');
  });

  it('caps a runaway burst at the maximum length (then rejected as oversized)', () => {
    const detector = createWedgeDetector({ maxGapMs: 40, minLength: 4, maxLength: 8 });
    let at = 0;
    for (const key of 'abcdefghij') {
      at += 2;
      detector.key(key, at);
    }
    expect(detector.key('Enter', at + 2)).toBe('abcdefgh');
  });
});
