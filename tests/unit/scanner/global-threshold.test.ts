import { describe, expect, it } from 'vitest';
import {
  globalBlackPoint,
  thresholdGlobally,
} from '../../../src/features/door/scanner/global-threshold';

describe('the global-threshold pass', () => {
  it('cuts between dark modules and light ones where a picture blended into both moves every local threshold', () => {
    const [w, h, module] = [200, 200, 10];
    const dark = (x: number, y: number) =>
      (Math.floor(x / module) * 7 + Math.floor(y / module) * 3) % 5 < 2;
    // A picture (a slow diagonal gradient, ±35 levels) over modules at 40 and 210.
    const picture = (x: number, y: number) => 35 * Math.sin((x + y) / 60);
    const plane = new Uint8ClampedArray(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) plane[y * w + x] = (dark(x, y) ? 40 : 210) + picture(x, y);
    const black = globalBlackPoint(plane, w, h);
    expect(black).not.toBeNull();
    expect(black).toBeGreaterThan(75);
    expect(black).toBeLessThan(175);
    expect(thresholdGlobally(plane, w, h)).toBe(true);
    for (let y = module / 2; y < h; y += module)
      for (let x = module / 2; x < w; x += module)
        expect(plane[y * w + x], `${x},${y}`).toBe(dark(x, y) ? 0 : 255);
  });

  it('gives no cut for a flat or barely varying picture (nothing to part)', () => {
    const flat = new Uint8ClampedArray(60 * 60).map((_, i) => 120 + (i % 7));
    expect(globalBlackPoint(flat, 60, 60)).toBeNull();
    const copy = flat.slice();
    expect(thresholdGlobally(flat, 60, 60)).toBe(false);
    expect(flat).toEqual(copy);
  });
});
