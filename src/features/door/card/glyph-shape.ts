/**
 * A glyph as a fixed-size shape to compare: the ink inside its cell on the row, turned
 * with the row, cut to the ink's bounding box and scaled to GLYPH_H px tall (GLYPH_W at
 * most, keeping its proportions, centred), softened a little, then centred on its mean
 * and scaled to unit length, so that comparing two shapes is one dot product (their
 * normalised correlation: the same for a faint glyph and a bold one).
 */
import type { GlyphPlace } from './glyph-row';
import { type Plane, plane, sample } from './ink';

export const GLYPH_W = 16;
export const GLYPH_H = 24;

/** The ink of a glyph's cell, in the row's frame, one px per px. */
export function glyphCell(ink: Plane, place: GlyphPlace): Plane {
  const halfW = Math.ceil(place.pitch * 0.55);
  const halfH = Math.ceil(place.height * 0.75);
  const out = plane(2 * halfW + 1, 2 * halfH + 1);
  const cos = Math.cos(place.angle);
  const sin = Math.sin(place.angle);
  for (let v = -halfH; v <= halfH; v++)
    for (let u = -halfW; u <= halfW; u++) {
      const x = place.cx + u * cos - v * sin;
      const y = place.cy + u * sin + v * cos;
      out.data[(v + halfH) * out.width + (u + halfW)] = sample(ink, x, y);
    }
  return out;
}

/**
 * The glyph's extent along one axis: from the fullest row (or column) outward while
 * each holds a tenth of its ink. A digit's projection has no gap, so a sliver of the
 * neighbouring glyph at the cell's edge, past a gap of paper, stays out.
 */
function extent(sums: number[]): [number, number] | null {
  const top = Math.max(...sums);
  if (top <= 0) return null;
  const peak = sums.indexOf(top);
  let first = peak;
  let last = peak;
  while (first > 0 && (sums[first - 1] ?? 0) >= top * 0.1) first--;
  while (last < sums.length - 1 && (sums[last + 1] ?? 0) >= top * 0.1) last++;
  return [first, last];
}

/** Ink below this is the paper's noise or the pattern, not the glyph's stroke. */
const STROKE_FLOOR = 0.35;

/** The cell with the paper's noise taken off: ink above STROKE_FLOOR, stretched to 0–1. */
function strokes(cell: Plane): Plane {
  const out = plane(cell.width, cell.height);
  for (let i = 0; i < cell.data.length; i++)
    out.data[i] = Math.max(0, ((cell.data[i] ?? 0) - STROKE_FLOOR) / (1 - STROKE_FLOOR));
  return out;
}

/** A cell's ink cut to the glyph and scaled into GLYPH_W × GLYPH_H, 0–1 (not yet normalised). */
export function glyphBitmap(inkCell: Plane): Float32Array | null {
  const cell = strokes(inkCell);
  const cols = Array.from({ length: cell.width }, (_, x) => {
    let s = 0;
    for (let y = 0; y < cell.height; y++) s += cell.data[y * cell.width + x] ?? 0;
    return s;
  });
  const rows = Array.from({ length: cell.height }, (_, y) => {
    let s = 0;
    for (let x = 0; x < cell.width; x++) s += cell.data[y * cell.width + x] ?? 0;
    return s;
  });
  const xs = extent(cols);
  const ys = extent(rows);
  if (!xs || !ys) return null;
  const bw = xs[1] - xs[0] + 1;
  const bh = ys[1] - ys[0] + 1;
  const scale = Math.min(GLYPH_H / bh, GLYPH_W / bw);
  const left = (GLYPH_W - bw * scale) / 2;
  const top = (GLYPH_H - bh * scale) / 2;
  const out = new Float32Array(GLYPH_W * GLYPH_H);
  const SUB = 3;
  for (let y = 0; y < GLYPH_H; y++)
    for (let x = 0; x < GLYPH_W; x++) {
      let sum = 0;
      for (let sy = 0; sy < SUB; sy++)
        for (let sx = 0; sx < SUB; sx++) {
          const gx = (x + (sx + 0.5) / SUB - left) / scale + xs[0] - 0.5;
          const gy = (y + (sy + 0.5) / SUB - top) / scale + ys[0] - 0.5;
          if (gx < xs[0] - 0.5 || gx > xs[1] + 0.5 || gy < ys[0] - 0.5 || gy > ys[1] + 0.5)
            continue;
          sum += sample(cell, Math.max(0, gx), Math.max(0, gy));
        }
      out[y * GLYPH_W + x] = sum / (SUB * SUB);
    }
  return out;
}

/** A bitmap softened (3×3 binomial), centred on its mean and scaled to unit length. */
export function glyphShape(bitmap: Float32Array): Float32Array {
  const soft = new Float32Array(bitmap.length);
  const k = [1, 2, 1];
  for (let y = 0; y < GLYPH_H; y++)
    for (let x = 0; x < GLYPH_W; x++) {
      let sum = 0;
      let weight = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= GLYPH_W || ny >= GLYPH_H) continue;
          const wgt = (k[dx + 1] ?? 0) * (k[dy + 1] ?? 0);
          sum += (bitmap[ny * GLYPH_W + nx] ?? 0) * wgt;
          weight += wgt;
        }
      soft[y * GLYPH_W + x] = sum / weight;
    }
  const mean = soft.reduce((a, b) => a + b, 0) / soft.length;
  let norm = 0;
  for (let i = 0; i < soft.length; i++) {
    const v = (soft[i] ?? 0) - mean;
    soft[i] = v;
    norm += v * v;
  }
  const length = Math.sqrt(norm) || 1;
  for (let i = 0; i < soft.length; i++) soft[i] = (soft[i] ?? 0) / length;
  return soft;
}

export function correlation(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}
