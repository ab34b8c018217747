/**
 * The colour of a code's modules, from the pixels inside its four corners: a grid of
 * samples over the quad (inset, so the blurred edge and the quiet zone stay out), split
 * into dark and light modules by Otsu's threshold on min(R,G,B) (the channel in which a
 * yellow module is as dark as a black one), each side's RGB averaged. Pure: works on any
 * `{width, height, data}` in RGBA order.
 */
import {
  type ColourReading,
  classifyCodeColour,
  type Rgb,
} from '../../../domain/codes/code-colour';
import type { FramePoint } from './frame-reading';

export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Samples per side of the quad: ~2,300 in all, enough for any code's ~25–57 modules. */
const GRID = 48;
/** The fraction of the quad left out at each edge. */
const INSET = 0.06;
/** Either side with fewer samples than this is no split of a code (a blank, a blur). */
const MIN_SIDE_SHARE = 0.1;

/** Otsu's threshold over a 256-bin histogram: the level that best parts two classes. */
function otsu(histogram: Uint32Array, total: number): number {
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * (histogram[i] ?? 0);
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    below += histogram[t] ?? 0;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += t * (histogram[t] ?? 0);
    const meanBelow = sumBelow / below;
    const meanAbove = (sumAll - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Offsets (into `data`) of the grid's samples that fall inside the frame. */
function sampleOffsets(frame: RgbaFrame, corners: readonly FramePoint[]): number[] {
  const [tl, tr, br, bl] = corners;
  if (!tl || !tr || !br || !bl) return [];
  const offsets: number[] = [];
  for (let j = 0; j < GRID; j++) {
    const v = INSET + ((1 - 2 * INSET) * (j + 0.5)) / GRID;
    for (let i = 0; i < GRID; i++) {
      const u = INSET + ((1 - 2 * INSET) * (i + 0.5)) / GRID;
      const x = (1 - v) * ((1 - u) * tl.x + u * tr.x) + v * ((1 - u) * bl.x + u * br.x);
      const y = (1 - v) * ((1 - u) * tl.y + u * tr.y) + v * ((1 - u) * bl.y + u * br.y);
      const px = Math.floor(x);
      const py = Math.floor(y);
      if (px < 0 || py < 0 || px >= frame.width || py >= frame.height) continue;
      offsets.push((py * frame.width + px) * 4);
    }
  }
  return offsets;
}

interface Sum {
  r: number;
  g: number;
  b: number;
  n: number;
}

function meanOf(sum: Sum, least: number): Rgb | null {
  return sum.n < least ? null : { r: sum.r / sum.n, g: sum.g / sum.n, b: sum.b / sum.n };
}

export function sampleCodeColour(
  frame: RgbaFrame,
  corners: readonly FramePoint[],
): { dark: Rgb; light: Rgb } | null {
  const offsets = sampleOffsets(frame, corners);
  if (offsets.length === 0) return null;
  const { data } = frame;
  const levels = offsets.map((o) => Math.min(data[o] ?? 0, data[o + 1] ?? 0, data[o + 2] ?? 0));
  const histogram = new Uint32Array(256);
  for (const level of levels) histogram[level] = (histogram[level] ?? 0) + 1;
  const threshold = otsu(histogram, levels.length);
  const dark: Sum = { r: 0, g: 0, b: 0, n: 0 };
  const light: Sum = { r: 0, g: 0, b: 0, n: 0 };
  offsets.forEach((o, k) => {
    const side = (levels[k] ?? 0) <= threshold ? dark : light;
    side.r += data[o] ?? 0;
    side.g += data[o + 1] ?? 0;
    side.b += data[o + 2] ?? 0;
    side.n += 1;
  });
  const least = offsets.length * MIN_SIDE_SHARE;
  const darkMean = meanOf(dark, least);
  const lightMean = meanOf(light, least);
  return darkMean && lightMean ? { dark: darkMean, light: lightMean } : null;
}

export function readCodeColour(frame: RgbaFrame, corners: readonly FramePoint[]): ColourReading {
  const sample = sampleCodeColour(frame, corners);
  return sample ? classifyCodeColour(sample.dark, sample.light) : { colour: null, margin: 0 };
}
