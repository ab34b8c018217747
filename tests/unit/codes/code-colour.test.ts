import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCodeColour, type Rgb } from '../../../src/domain/codes/code-colour';
import { camera, redCode, rgb, seen, yellowCode } from '../../fixtures/camera-colours';

const WHITE: Rgb = { r: 250, g: 250, b: 250 };

describe('classifyCodeColour: the issued colours on a white card', () => {
  it.each<[string, Rgb, string]>([
    ['green', rgb(0, 160, 60), 'green'],
    ['green', rgb(40, 170, 80), 'green'],
    ['yellow', rgb(250, 200, 0), 'yellow'],
    ['yellow', rgb(255, 180, 0), 'yellow'],
    ['red', rgb(220, 30, 30), 'red'],
    ['red', rgb(230, 0, 18), 'red'],
    ['black', rgb(20, 20, 20), 'black'],
  ])('%s %o', (_, dark, colour) => {
    const reading = classifyCodeColour(dark, WHITE);
    expect(reading.colour).toBe(colour);
    expect(reading.margin).toBeGreaterThanOrEqual(1);
  });
});

describe('classifyCodeColour: at the margins', () => {
  it('a desaturated green under tungsten light is still green', () => {
    const tungsten = rgb(1, 0.8, 0.5);
    // 40% of the green washed into grey, then the warm light on both card and code.
    const washed = rgb(90, 171, 117);
    const reading = classifyCodeColour(seen(washed, tungsten), seen(WHITE, tungsten));
    expect(reading.colour).toBe('green');
  });

  it('a yellow the white balance pushed towards orange is yellow, or nothing; never red', () => {
    const orange = classifyCodeColour(rgb(255, 140, 0), WHITE);
    expect(orange.colour).toBe('yellow');
    // Uncorrected (the card's white reads white), a strong warm cast.
    expect(classifyCodeColour(rgb(255, 120, 0), WHITE).colour).toBe('yellow');
    expect(classifyCodeColour(rgb(255, 80, 0), WHITE).colour).toBeNull();
  });

  it('a yellow pushed towards green-yellow is yellow, then nothing; never green', () => {
    expect(classifyCodeColour(rgb(220, 230, 20), WHITE).colour).toBe('yellow');
    // Chartreuse (hue ~90°): in neither band with a margin.
    const chartreuse = classifyCodeColour(rgb(128, 250, 0), WHITE);
    expect(chartreuse.colour).toBeNull();
    expect(chartreuse.margin).toBeLessThan(1);
  });

  it('a red under cool (daylight-blue) light is red', () => {
    const cool = rgb(0.8, 0.9, 1.05);
    const reading = classifyCodeColour(seen(rgb(220, 30, 30), cool), seen(WHITE, cool));
    expect(reading.colour).toBe('red');
  });

  it('grey and black codes are black; a tinted grey on the boundary is nothing', () => {
    expect(classifyCodeColour(rgb(0, 0, 0), WHITE).colour).toBe('black');
    expect(classifyCodeColour(rgb(70, 75, 68), rgb(230, 235, 225)).colour).toBe('black');
    expect(classifyCodeColour(rgb(70, 108, 70), WHITE).colour).toBeNull();
  });

  it('under very low light, or with dark ≈ light, it does not tell', () => {
    expect(classifyCodeColour(rgb(5, 12, 6), rgb(18, 20, 19))).toEqual({
      colour: null,
      margin: 0,
    });
    expect(classifyCodeColour(rgb(190, 200, 195), rgb(210, 215, 212)).colour).toBeNull();
  });

  it('blue and violet are no health code’s colour', () => {
    expect(classifyCodeColour(rgb(30, 60, 200), WHITE).colour).toBeNull();
    expect(classifyCodeColour(rgb(150, 30, 200), WHITE).colour).toBeNull();
  });
});

describe('classifyCodeColour: never green for a red or yellow code', () => {
  const channel = fc.integer({ min: 0, max: 255 });
  const card = fc
    .record({ r: channel, g: channel, b: channel })
    .map((c) => rgb(235 + (c.r % 21), 235 + (c.g % 21), 235 + (c.b % 21)));

  it('over random white-balance gains and brightness', () => {
    fc.assert(
      fc.property(fc.oneof(redCode, yellowCode), card, camera, (code, white, k) => {
        const reading = classifyCodeColour(seen(code, k), seen(white, k));
        expect(reading.colour).not.toBe('green');
      }),
      { numRuns: 2000 },
    );
  });

  it('and a true green, under the same cameras, is green or nothing, never red or yellow', () => {
    const green = fc.record({
      r: fc.integer({ min: 0, max: 40 }),
      g: fc.integer({ min: 150, max: 175 }),
      b: fc.integer({ min: 50, max: 85 }),
    });
    fc.assert(
      fc.property(green, card, camera, (code, white, k) => {
        const reading = classifyCodeColour(seen(code, k), seen(white, k));
        expect(reading.colour === null || reading.colour === 'green').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
