/**
 * The coloured ring or frame some provincial health-code cards draw round the code, in
 * the code's own colour: a second witness of it (colour-witnesses.ts). Looked for in
 * bands just outside the quad (from 2% to 16% of the code's side: the quiet zone, then
 * the ring; a phone's edge lies further), each band sampled along the middle of all four
 * sides. A band is a ring only when most of its samples on every side are strongly
 * coloured and of one class: a header, a hand or a poster beside the code fills one
 * side, not four. Pure: any `{width, height, data}` in RGBA order.
 */
import {
  type ColourReading,
  classifyCodeColour,
  type Rgb,
} from '../../../domain/codes/code-colour';
import type { FramePoint } from './frame-reading';
import { offsetAt, type RgbaFrame } from './quad-point';

/** Band outsets, as shares of the side beyond the quad's edge. */
const OUTSETS = Array.from({ length: 15 }, (_, k) => 0.02 + k * 0.01);
/** Samples along each side (its middle 80%: a ring's rounded corners stay out). */
const PER_SIDE = 12;
/** Of each side's samples, at least this share must be of the band's class. */
const SIDE_SHARE = 0.75;

interface Band {
  reading: ColourReading;
  mean: Rgb;
}

function bandAt(
  frame: RgbaFrame,
  corners: readonly FramePoint[],
  out: number,
  reference: Rgb,
): Band | null {
  const { data } = frame;
  const sides: Rgb[][] = [[], [], [], []];
  for (let k = 0; k < PER_SIDE; k++) {
    const t = 0.1 + (0.8 * (k + 0.5)) / PER_SIDE;
    const points = [
      [t, -out],
      [1 + out, t],
      [t, 1 + out],
      [-out, t],
    ] as const;
    points.forEach(([u, v], side) => {
      const o = offsetAt(frame, corners, u, v);
      if (o !== null)
        sides[side]?.push({ r: data[o] ?? 0, g: data[o + 1] ?? 0, b: data[o + 2] ?? 0 });
    });
  }
  const all = sides.flat();
  if (sides.some((s) => s.length < PER_SIDE * SIDE_SHARE)) return null;
  const mean = {
    r: all.reduce((a, c) => a + c.r, 0) / all.length,
    g: all.reduce((a, c) => a + c.g, 0) / all.length,
    b: all.reduce((a, c) => a + c.b, 0) / all.length,
  };
  const reading = classifyCodeColour(mean, reference);
  const colour = reading.colour;
  if (colour === null || colour === 'black') return null;
  const agreeing = (s: Rgb[]) =>
    s.filter((c) => classifyCodeColour(c, reference).colour === colour);
  if (sides.some((s) => agreeing(s).length < PER_SIDE * SIDE_SHARE)) return null;
  return { reading, mean };
}

/** Chroma of a colour balanced against the white (max − min of the ratios). */
function chroma(c: Rgb, white: Rgb): number {
  const r = c.r / Math.max(1, white.r);
  const g = c.g / Math.max(1, white.g);
  const b = c.b / Math.max(1, white.b);
  return Math.max(r, g, b) - Math.min(r, g, b);
}

/**
 * The ring's colour when a ring of a code's colour (green, yellow, red) goes round all
 * four sides; null when none does. `reference` is the card's white the modules were
 * balanced against.
 */
export function readRingColour(
  frame: RgbaFrame,
  corners: readonly FramePoint[],
  reference: Rgb,
): ColourReading | null {
  let best: Band | null = null;
  for (const out of OUTSETS) {
    const band = bandAt(frame, corners, out, reference);
    if (band && (!best || chroma(band.mean, reference) > chroma(best.mean, reference))) best = band;
  }
  return best?.reading ?? null;
}
