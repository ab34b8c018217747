import { describe, expect, it } from 'vitest';
import {
  normaliseLocally,
  renderView,
  sharpenPlane,
  toFrame,
} from '../../../src/features/door/scanner/frame-views';

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

describe('sharpenPlane: the unsharp-mask pass', () => {
  it('makes a smeared module edge steeper again, and leaves a flat patch as it was', () => {
    const [w, h] = [40, 10];
    // A dark module (40) beside a light one (220), smeared over 8 px by a stroke of shake.
    const smeared = (x: number) => 40 + (180 * Math.min(8, Math.max(0, x - 16))) / 8;
    const plane = new Uint8ClampedArray(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) plane[y * w + x] = smeared(x);
    const before = (plane[5 * w + 23] ?? 0) - (plane[5 * w + 17] ?? 0);
    sharpenPlane(plane, w, h, 5);
    const after = (plane[5 * w + 23] ?? 0) - (plane[5 * w + 17] ?? 0);
    expect(after).toBeGreaterThan(before * 1.3);
    expect(plane[5 * w + 2]).toBe(40);
    expect(plane[5 * w + 37]).toBe(220);
  });
});

describe('renderView: the halved view', () => {
  it('averages 2×2 blocks, and its points map back to the frame at twice the distance', () => {
    const frame = { width: 4, height: 2, data: new Uint8ClampedArray(4 * 2 * 4).fill(255) };
    // The left 2×2 block: 0, 100, 200 and 100 in every channel.
    [0, 100, 100, 200].forEach((v, k) => {
      const o = ((k >> 1) * 4 + (k & 1)) * 4;
      frame.data.set([v, v, v], o);
    });
    const view = renderView(frame, { x: 0, y: 0, width: 4, height: 2 }, { halve: true });
    expect(view).toMatchObject({ width: 2, height: 1, scale: 0.5 });
    expect([...(view?.data.slice(0, 8) ?? [])]).toEqual([100, 100, 100, 255, 255, 255, 255, 255]);
    if (view) expect(toFrame(view, { x: 1, y: 0.5 })).toEqual({ x: 2, y: 1 });
  });
});
