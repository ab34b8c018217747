import { describe, expect, it } from 'vitest';
import type { Rgb } from '../../../src/domain/codes/code-colour';
import { readCodeColour, sampleCodeColour } from '../../../src/features/door/scanner/frame-colour';
import { blurred, paintChecker, solidFrame } from '../../fixtures/frames';

const WHITE: Rgb = { r: 245, g: 245, b: 240 };
const GREY: Rgb = { r: 128, g: 128, b: 128 };
const NIGHT: Rgb = { r: 20, g: 20, b: 25 };

function near(actual: Rgb, expected: Rgb, within = 2) {
  for (const k of ['r', 'g', 'b'] as const) {
    expect(Math.abs(actual[k] - expected[k])).toBeLessThanOrEqual(within);
  }
}

describe('sampleCodeColour', () => {
  it('averages the dark and the light modules inside the quad, not the background', () => {
    const frame = solidFrame(200, 160, GREY);
    const yellow = { r: 250, g: 200, b: 0 };
    const corners = paintChecker(frame, {
      centre: { x: 100, y: 80 },
      size: 100,
      modules: 21,
      dark: yellow,
      light: WHITE,
    });
    const sample = sampleCodeColour(frame, corners);
    expect(sample).not.toBeNull();
    near(sample?.modules ?? GREY, yellow);
    near(sample?.reference ?? GREY, WHITE);
  });

  it('follows tilted corners on a dark background', () => {
    const frame = solidFrame(240, 240, NIGHT);
    const red = { r: 225, g: 20, b: 25 };
    const corners = paintChecker(frame, {
      centre: { x: 120, y: 115 },
      size: 120,
      modules: 25,
      angle: 0.5,
      dark: red,
      light: WHITE,
    });
    const sample = sampleCodeColour(frame, corners);
    near(sample?.modules ?? NIGHT, red);
    near(sample?.reference ?? NIGHT, WHITE);
    expect(readCodeColour(frame, corners).colour).toBe('red');
  });

  it("reads a dark-mode app's inverted code: lit modules on a dark card, the quiet zone dark", () => {
    for (const [lit, colour] of [
      [{ r: 0, g: 168, b: 80 }, 'green'],
      [{ r: 250, g: 196, b: 0 }, 'yellow'],
      [{ r: 225, g: 30, b: 30 }, 'red'],
    ] as const) {
      const frame = solidFrame(200, 160, { r: 40, g: 40, b: 44 });
      const corners = paintChecker(frame, {
        centre: { x: 100, y: 80 },
        size: 100,
        modules: 25,
        angle: 0.3,
        dark: lit,
        light: { r: 28, g: 28, b: 30 },
      });
      const sample = sampleCodeColour(frame, corners);
      expect(sample?.inverted).toBe(true);
      near(sample?.modules ?? GREY, lit);
      // Against the dark card as "white", a lit red read as green: never again.
      expect(readCodeColour(frame, corners).colour).toBe(colour);
    }
  });

  it('reads each issued colour', () => {
    for (const [dark, colour] of [
      [{ r: 0, g: 160, b: 60 }, 'green'],
      [{ r: 255, g: 180, b: 0 }, 'yellow'],
      [{ r: 20, g: 20, b: 20 }, 'black'],
    ] as const) {
      const frame = solidFrame(160, 120, GREY);
      const corners = paintChecker(frame, {
        centre: { x: 80, y: 60 },
        size: 90,
        modules: 21,
        angle: -0.2,
        dark,
        light: WHITE,
      });
      expect(readCodeColour(frame, corners).colour).toBe(colour);
    }
  });

  it('reads the colour of an out-of-focus code: the blurred edges split by Otsu', () => {
    const frame = solidFrame(160, 160, GREY);
    const corners = paintChecker(frame, {
      centre: { x: 80, y: 80 },
      size: 105,
      modules: 21,
      angle: 0.4,
      dark: { r: 250, g: 200, b: 0 },
      light: WHITE,
    });
    expect(readCodeColour(blurred(frame, 2), corners).colour).toBe('yellow');
  });

  it('is null for a blank quad, a quad outside the frame, or too few corners', () => {
    const frame = solidFrame(100, 100, GREY);
    const inside = [
      { x: 10, y: 10 },
      { x: 90, y: 10 },
      { x: 90, y: 90 },
      { x: 10, y: 90 },
    ];
    expect(sampleCodeColour(frame, inside)).toBeNull();
    expect(
      sampleCodeColour(
        frame,
        inside.map((p) => ({ x: p.x + 500, y: p.y })),
      ),
    ).toBeNull();
    expect(sampleCodeColour(frame, inside.slice(0, 3))).toBeNull();
    expect(readCodeColour(frame, inside)).toEqual({ colour: null, margin: 0 });
  });
});
