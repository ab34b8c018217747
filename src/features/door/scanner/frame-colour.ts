/**
 * The colour of a code's modules, from the pixels inside its four corners: a grid of
 * samples over the quad (inset, so the blurred edge and the quiet zone stay out), split
 * in two by Otsu's threshold on lightness (max + min of R,G,B, over 2: a yellow module is
 * half as light as the white card, a lit green one on a dark card far lighter than it),
 * each side's RGB averaged.
 *
 * Which side is the modules is told by the quiet zone just outside the quad: light around
 * a printed-style code (modules dark, the card's white their reference), dark around a
 * dark-mode app's inverted code (modules light; no white to balance against, so a
 * neutral one). Taking the dark card as "white" read a lit red code as green.
 * Pure: works on any `{width, height, data}` in RGBA order.
 */
import {
  type ColourReading,
  classifyCodeColour,
  type Rgb,
} from '../../../domain/codes/code-colour';
import { combineWitnesses } from '../../../domain/codes/colour-witnesses';
import type { FramePoint } from './frame-reading';
import { offsetAt, type RgbaFrame } from './quad-point';
import { readRingColour } from './ring-colour';

export type { RgbaFrame } from './quad-point';

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

/**
 * How far outside the quad the quiet zone is sampled (a phone app's is 1–4 modules): two
 * rings, the lighter counting, since a health-code card's coloured ring round the code
 * can lie on one of them.
 */
const QUIET_OUTSETS = [0.015, 0.035] as const;
const NEUTRAL_WHITE: Rgb = { r: 255, g: 255, b: 255 };

/**
 * Half the side of the code's middle left unsampled: health-code cards put a logo or the
 * holder's photo over up to a third of the side (an area of ~11%), whose colours are not
 * the modules'. What is left (~85% of the grid) still holds hundreds of modules.
 */
const LOGO_HALF = 0.19;

/** Offsets of the grid's samples that fall inside the frame, away from the middle. */
function sampleOffsets(frame: RgbaFrame, corners: readonly FramePoint[]): number[] {
  const offsets: number[] = [];
  for (let j = 0; j < GRID; j++) {
    const v = INSET + ((1 - 2 * INSET) * (j + 0.5)) / GRID;
    for (let i = 0; i < GRID; i++) {
      const u = INSET + ((1 - 2 * INSET) * (i + 0.5)) / GRID;
      if (Math.abs(u - 0.5) < LOGO_HALF && Math.abs(v - 0.5) < LOGO_HALF) continue;
      const o = offsetAt(frame, corners, u, v);
      if (o !== null) offsets.push(o);
    }
  }
  return offsets;
}

/** Offsets just outside each of the quad's four edges: the code's quiet zone. */
function quietOffsets(frame: RgbaFrame, corners: readonly FramePoint[], out: number): number[] {
  const offsets: number[] = [];
  for (let k = 0; k < 8; k++) {
    const t = 0.15 + (0.7 * k) / 7;
    for (const [u, v] of [
      [t, -out],
      [t, 1 + out],
      [-out, t],
      [1 + out, t],
    ] as const) {
      const o = offsetAt(frame, corners, u, v);
      if (o !== null) offsets.push(o);
    }
  }
  return offsets;
}

function lightness(data: Uint8ClampedArray, o: number): number {
  const r = data[o] ?? 0;
  const g = data[o + 1] ?? 0;
  const b = data[o + 2] ?? 0;
  return (Math.max(r, g, b) + Math.min(r, g, b)) >> 1;
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

export interface CodeSample {
  /** The modules' mean colour, and the white it is balanced against. */
  modules: Rgb;
  reference: Rgb;
  /** Light modules on a dark card (a dark-mode app's code). */
  inverted: boolean;
  /** Lightness (0–255) of the code's light side: a lit screen's is far above paper's. */
  light: number;
}

export function sampleCodeColour(
  frame: RgbaFrame,
  corners: readonly FramePoint[],
): CodeSample | null {
  const offsets = sampleOffsets(frame, corners);
  if (offsets.length === 0) return null;
  const { data } = frame;
  const levels = offsets.map((o) => lightness(data, o));
  const histogram = new Uint32Array(256);
  for (const level of levels) histogram[level] = (histogram[level] ?? 0) + 1;
  const threshold = otsu(histogram, levels.length);
  // Each side's core (its darker half of the dark, lighter half of the light): the middles
  // of modules and of white, least mixed with the other by blur, bloom or a haze.
  const darkLevels = levels.filter((l) => l <= threshold).sort((a, b) => a - b);
  const lightLevels = levels.filter((l) => l > threshold).sort((a, b) => a - b);
  const least = offsets.length * MIN_SIDE_SHARE;
  if (darkLevels.length < least || lightLevels.length < least) return null;
  const darkCore = darkLevels[Math.floor(darkLevels.length / 2)] ?? threshold;
  const lightCore = lightLevels[Math.floor(lightLevels.length / 2)] ?? threshold;
  const dark: Sum = { r: 0, g: 0, b: 0, n: 0 };
  const light: Sum = { r: 0, g: 0, b: 0, n: 0 };
  offsets.forEach((o, k) => {
    const level = levels[k] ?? 0;
    const side = level <= darkCore ? dark : level >= lightCore ? light : null;
    if (!side) return;
    side.r += data[o] ?? 0;
    side.g += data[o + 1] ?? 0;
    side.b += data[o + 2] ?? 0;
    side.n += 1;
  });
  const darkMean = meanOf(dark, 1);
  const lightMean = meanOf(light, 1);
  if (!darkMean || !lightMean) return null;
  const quietLevels = QUIET_OUTSETS.map((out) => {
    const quiet = quietOffsets(frame, corners, out);
    return quiet.length === 0
      ? null
      : quiet.reduce((a, o) => a + lightness(data, o), 0) / quiet.length;
  }).filter((l) => l !== null);
  const inverted = quietLevels.length > 0 && Math.max(...quietLevels) <= threshold;
  const level =
    (Math.max(lightMean.r, lightMean.g, lightMean.b) +
      Math.min(lightMean.r, lightMean.g, lightMean.b)) /
    2;
  return inverted
    ? { modules: lightMean, reference: NEUTRAL_WHITE, inverted, light: level }
    : { modules: darkMean, reference: lightMean, inverted, light: level };
}

/** The share of the region's short side measured round its centre by `centreLight`. */
const CENTRE_PATCH = 0.2;

/**
 * How light the brightest tenth of the region's centre is (0–255), sampled every 4 px: a
 * lit phone screen held there reads ~200–255, paper or a wall in a dim hall far less.
 */
export function centreLight(
  frame: RgbaFrame,
  region: { x: number; y: number; width: number; height: number },
): number {
  const half = (Math.min(region.width, region.height) * CENTRE_PATCH) / 2;
  const cx = region.x + region.width / 2;
  const cy = region.y + region.height / 2;
  const histogram = new Uint32Array(256);
  let n = 0;
  for (let y = Math.max(0, Math.floor(cy - half)); y < Math.min(frame.height, cy + half); y += 4) {
    for (let x = Math.max(0, Math.floor(cx - half)); x < Math.min(frame.width, cx + half); x += 4) {
      const level = lightness(frame.data, (y * frame.width + x) * 4);
      histogram[level] = (histogram[level] ?? 0) + 1;
      n++;
    }
  }
  let above = 0;
  for (let level = 255; level >= 0; level--) {
    above += histogram[level] ?? 0;
    if (above >= n / 10) return level;
  }
  return 0;
}

export function readCodeColour(frame: RgbaFrame, corners: readonly FramePoint[]): ColourReading {
  return readCodeLook(frame, corners).colour;
}

/** The code's colour, and how light its light side is (for choosing among codes). */
export function readCodeLook(
  frame: RgbaFrame,
  corners: readonly FramePoint[],
): { colour: ColourReading; light: number } {
  const sample = sampleCodeColour(frame, corners);
  if (sample) {
    const modules = classifyCodeColour(sample.modules, sample.reference);
    const ring = readRingColour(frame, corners, sample.reference);
    return { colour: combineWitnesses(modules, ring), light: sample.light };
  }
  // No split into two sides (a blur, a flat patch): its mean lightness.
  const offsets = sampleOffsets(frame, corners);
  const sum = offsets.reduce((a, o) => a + lightness(frame.data, o), 0);
  return { colour: { colour: null, margin: 0 }, light: sum / (offsets.length || 1) };
}
