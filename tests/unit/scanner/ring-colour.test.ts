import { describe, expect, it } from 'vitest';
import type { Rgb } from '../../../src/domain/codes/code-colour';
import { readCodeColour } from '../../../src/features/door/scanner/frame-colour';
import { readRingColour } from '../../../src/features/door/scanner/ring-colour';
import { paintChecker, solidFrame } from '../../fixtures/frames';

const WHITE: Rgb = { r: 245, g: 245, b: 240 };
const GREY: Rgb = { r: 120, g: 120, b: 125 };
const RED: Rgb = { r: 225, g: 20, b: 25 };
/** A red whose red channel clipped and whose green bloomed: hue ~16°, between red and yellow. */
const DOUBTFUL_RED: Rgb = { r: 255, g: 97, b: 40 };
const centre = { x: 120, y: 120 };

/** A card: a ring of `ring` (8% of the code's side out, 4% wide), white inside, the code. */
function card(code: Rgb, ring: Rgb | null) {
  const frame = solidFrame(240, 240, GREY);
  if (ring) {
    paintChecker(frame, { centre, size: 124, modules: 1, dark: ring, light: ring, quiet: 0 });
    paintChecker(frame, { centre, size: 116, modules: 1, dark: WHITE, light: WHITE, quiet: 0 });
  } else {
    paintChecker(frame, { centre, size: 124, modules: 1, dark: WHITE, light: WHITE, quiet: 0 });
  }
  const corners = paintChecker(frame, {
    centre,
    size: 100,
    modules: 21,
    dark: code,
    light: WHITE,
    quiet: 0,
  });
  return { frame, corners };
}

describe('the ring round a health code: a second witness of its colour', () => {
  it('finds a ring in the code’s colour on all four sides', () => {
    const { frame, corners } = card(RED, RED);
    expect(readRingColour(frame, corners, WHITE)?.colour).toBe('red');
  });

  it('turns doubtful modules that lean its way into its colour; without it they stay unknown', () => {
    const ringed = card(DOUBTFUL_RED, RED);
    expect(readCodeColour(ringed.frame, ringed.corners).colour).toBe('red');
    const plain = card(DOUBTFUL_RED, null);
    expect(readCodeColour(plain.frame, plain.corners).colour).toBeNull();
  });

  it('is no ring when the colour fills one side only (an app header, a hand)', () => {
    const { frame, corners } = card(RED, null);
    // A red header across the top, from the card's edge up.
    for (let y = 0; y < 62; y++)
      for (let x = 0; x < 240; x++) frame.data.set([225, 20, 25], (y * 240 + x) * 4);
    expect(readRingColour(frame, corners, WHITE)).toBeNull();
  });

  it('splits the evidence when it disagrees with sure modules: unknown, never its colour', () => {
    const { frame, corners } = card({ r: 20, g: 20, b: 20 }, { r: 0, g: 160, b: 60 });
    expect(readRingColour(frame, corners, WHITE)?.colour).toBe('green');
    expect(readCodeColour(frame, corners).colour).toBeNull();
  });
});
