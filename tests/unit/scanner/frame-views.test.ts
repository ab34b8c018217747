import { describe, expect, it } from 'vitest';
import { normaliseLocally } from '../../../src/features/door/scanner/frame-views';

describe('normaliseLocally: the local-contrast pass', () => {
  it('parts modules under deep rolling-shutter bars that no single threshold parts', () => {
    const [w, h, module] = [160, 160, 8];
    const dark = (x: number, y: number) => (Math.floor(x / module) + Math.floor(y / module)) % 2;
    // Bars 75% deep every 64 px, with the soft edges a rolling shutter gives: a light
    // module in a bar (50) is darker than a dark one outside it (60).
    const bar = (y: number) => 1 - 0.75 * (0.5 + 0.5 * Math.cos((2 * Math.PI * y) / 64));
    const plane = new Uint8ClampedArray(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) plane[y * w + x] = (dark(x, y) ? 60 : 200) * bar(y);
    const centres: [number, number][] = [];
    for (let y = module / 2; y < h; y += module)
      for (let x = module / 2; x < w; x += module) centres.push([x, y]);
    const level = (x: number, y: number) => plane[y * w + x] ?? 0;
    const lightest = Math.max(
      ...centres.filter(([x, y]) => dark(x, y)).map(([x, y]) => level(x, y)),
    );
    const darkest = Math.min(
      ...centres.filter(([x, y]) => !dark(x, y)).map(([x, y]) => level(x, y)),
    );
    expect(lightest).toBeGreaterThan(darkest);

    normaliseLocally(plane, w, h, 24);
    for (const [x, y] of centres) {
      if (dark(x, y)) expect(level(x, y), `${x},${y}`).toBeLessThan(128);
      else expect(level(x, y), `${x},${y}`).toBeGreaterThan(128);
    }
  });

  it('leaves a flat patch mid-grey rather than amplifying its noise', () => {
    const plane = new Uint8ClampedArray(40 * 40).map((_, i) => 100 + (i % 3));
    normaliseLocally(plane, 40, 40, 15);
    for (const v of plane) expect(Math.abs(v - 128)).toBeLessThan(40);
  });
});
