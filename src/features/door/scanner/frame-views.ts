/**
 * The pictures the decode path hands the detector, made from one frame: a rectangle of it,
 * each pixel reduced to one level (written to R = G = B), upscaled when zooming.
 * - min(R,G,B), the weakest channel, keeps a coloured module dark on a white card: a
 *   yellow (250,200,0) module is nearly white in plain luma (~190) but black here;
 * - max(R,G,B), the strongest, keeps a coloured module lit on a dark card (a dark-mode
 *   app's inverted code): there the weakest channel of a green (0,168,80) module is as
 *   black as the card, and the code vanishes. Written inverted (255 − max), so the
 *   detector sees dark modules on light: a native BarcodeDetector need not read inverted
 *   codes, and the ponyfill finds it on its first try.
 *
 * Tight loops over the frame's Uint8ClampedArray into reused buffers: a 1280×720 frame is
 * ~1 M pixels and the camera offers several a second (~5 ms a frame on this machine).
 */
import type { RgbaFrame } from './frame-colour';
import type { FramePoint } from './frame-reading';
import { thresholdGlobally } from './global-threshold';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface View {
  rect: Rect;
  scale: number;
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

const pool: Uint8ClampedArray<ArrayBuffer>[] = [];
const POOL_SIZE = 4;

/** A buffer of `length` bytes, reused when a finished view gave one back. */
function take(length: number): Uint8ClampedArray<ArrayBuffer> {
  const at = pool.findIndex((b) => b.length === length);
  return at >= 0
    ? (pool.splice(at, 1)[0] ?? new Uint8ClampedArray(length))
    : new Uint8ClampedArray(length);
}

function give(buffer: Uint8ClampedArray<ArrayBuffer>): void {
  if (pool.length >= POOL_SIZE) pool.shift();
  pool.push(buffer);
}

/** Gives a view's buffer back once the detector is done with it. */
export function releaseView(view: View): void {
  give(view.data);
}

/** `rect` cut to the frame, in whole pixels; null when nothing of it is left. */
export function clampRect(frame: RgbaFrame, rect: Rect): Rect | null {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const right = Math.min(frame.width, Math.ceil(rect.x + rect.width));
  const bottom = Math.min(frame.height, Math.ceil(rect.y + rect.height));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** 'max-inverted': 255 − max(R,G,B). */
export type Channel = 'min' | 'max-inverted';

/** min(R,G,B), or 255 − max(R,G,B), of each pixel of `rect` (row-major). */
function channelPlane(
  frame: RgbaFrame,
  rect: Rect,
  channel: Channel,
  out: Uint8ClampedArray,
): void {
  const inverted = channel === 'max-inverted';
  const src = frame.data;
  let k = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    let o = (y * frame.width + rect.x) * 4;
    for (let x = 0; x < rect.width; x++, o += 4) {
      const r = src[o] ?? 0;
      const g = src[o + 1] ?? 0;
      const b = src[o + 2] ?? 0;
      out[k++] = inverted ? 255 - Math.max(r, g, b) : Math.min(r, g, b);
    }
  }
}

function writeRgba(plane: Uint8ClampedArray, out: Uint8ClampedArray): void {
  for (let k = 0, o = 0; k < plane.length; k++, o += 4) {
    const v = plane[k] ?? 0;
    out[o] = v;
    out[o + 1] = v;
    out[o + 2] = v;
    out[o + 3] = 255;
  }
}

/** Bilinear upscale of a one-channel plane by `scale`, straight into RGBA. */
function upscale(plane: Uint8ClampedArray, w: number, h: number, view: View): void {
  const out = view.data;
  let o = 0;
  for (let y = 0; y < view.height; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / view.scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < view.width; x++, o += 4) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / view.scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = (plane[y0 * w + x0] ?? 0) * (1 - fx) + (plane[y0 * w + x1] ?? 0) * fx;
      const bottom = (plane[y1 * w + x0] ?? 0) * (1 - fx) + (plane[y1 * w + x1] ?? 0) * fx;
      const v = top * (1 - fy) + bottom * fy;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
}

/**
 * Local contrast normalisation of a one-channel plane, in place: each pixel's distance from
 * the mean of the `window`-px square round it, in units of that square's spread (CLAHE's
 * aim, in one pass over integral images). What varies slowly across a code goes: a
 * film's veil, a bloom's glow, rolling-shutter bars, a moiré beat; the modules stay.
 * Smoothed 3×3 first, so a sub-pixel pattern finer than a module does not pass as edges.
 */
/** Added to twice the local spread: a flat patch stays near mid-grey, not amplified noise. */
const FLAT = 6;

export function normaliseLocally(
  plane: Uint8ClampedArray,
  w: number,
  h: number,
  window: number,
): void {
  const smooth = new Float32Array(w * h);
  const tmp = new Float32Array(w * h);
  boxFilter(plane, tmp, smooth, w, h, 1);
  for (let i = 0; i < smooth.length; i++) smooth[i] = (smooth[i] ?? 0) / 9;
  const squares = new Float32Array(w * h);
  for (let i = 0; i < smooth.length; i++) squares[i] = (smooth[i] ?? 0) * (smooth[i] ?? 0);
  const r = Math.max(1, Math.floor(window / 2));
  const sums = new Float32Array(w * h);
  boxFilter(smooth, tmp, sums, w, h, r);
  boxFilter(squares, tmp, squares, w, h, r);
  const n = (2 * r + 1) * (2 * r + 1);
  for (let i = 0; i < plane.length; i++) {
    const mean = (sums[i] ?? 0) / n;
    const spread = Math.sqrt(Math.max(0, (squares[i] ?? 0) / n - mean * mean));
    plane[i] = 128 + (127 * ((smooth[i] ?? 0) - mean)) / (2 * spread + FLAT);
  }
}

/** Each 2×2 block of the plane averaged: half the width and height (odd edges dropped). */
function halved(plane: Uint8ClampedArray, w: number, h: number): Uint8ClampedArray<ArrayBuffer> {
  const hw = w >> 1;
  const hh = h >> 1;
  const out = take(hw * hh);
  for (let y = 0; y < hh; y++) {
    const top = 2 * y * w;
    for (let x = 0; x < hw; x++) {
      const o = top + 2 * x;
      out[y * hw + x] =
        ((plane[o] ?? 0) +
          (plane[o + 1] ?? 0) +
          (plane[o + w] ?? 0) +
          (plane[o + w + 1] ?? 0) +
          2) >>
        2;
    }
  }
  return out;
}

/**
 * An unsharp mask of radius `r`, in place: each pixel plus its distance from the mean of
 * the (2r+1)² square round it. A stroke of hand shake smears a module into its
 * neighbours; pushing each pixel away from its surroundings undoes some of it (the field
 * corpus's motion blur: two of the four frames no other pass reads).
 */
export function sharpenPlane(plane: Uint8ClampedArray, w: number, h: number, r: number): void {
  const sums = new Float32Array(w * h);
  boxFilter(plane, new Float32Array(w * h), sums, w, h, r);
  const n = (2 * r + 1) * (2 * r + 1);
  for (let i = 0; i < plane.length; i++) {
    const v = plane[i] ?? 0;
    plane[i] = 2 * v - (sums[i] ?? 0) / n;
  }
}

/**
 * The sum over the (2r+1)² square round each pixel (edges repeated), by running sums along
 * rows then columns: a few operations a pixel whatever `r`. `out` may be `src`.
 */
function boxFilter(
  src: ArrayLike<number>,
  tmp: Float32Array,
  out: Float32Array,
  w: number,
  h: number,
  r: number,
): void {
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = (r + 1) * (src[row] ?? 0);
    for (let x = 1; x <= r; x++) sum += src[row + Math.min(w - 1, x)] ?? 0;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = sum;
      sum += (src[row + Math.min(w - 1, x + r + 1)] ?? 0) - (src[row + Math.max(0, x - r)] ?? 0);
    }
  }
  for (let x = 0; x < w; x++) {
    let sum = (r + 1) * (tmp[x] ?? 0);
    for (let y = 1; y <= r; y++) sum += tmp[Math.min(h - 1, y) * w + x] ?? 0;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = sum;
      sum +=
        (tmp[Math.min(h - 1, y + r + 1) * w + x] ?? 0) - (tmp[Math.max(0, y - r) * w + x] ?? 0);
    }
  }
}

export interface ViewOptions {
  /** Upscale by this (≥ 1; default 1). */
  scale?: number;
  channel?: Channel;
  /** Normalise local contrast over squares of this many px (0 or absent: not). */
  localWindow?: number;
  /** Threshold the whole view at one level (global-threshold.ts). */
  global?: boolean;
  /** Unsharp mask: each pixel pushed away from the mean of the square this many px round it. */
  sharpen?: number;
  /** Halve the view (each 2×2 block averaged) before anything else: a picture's grain goes. */
  halve?: boolean;
}

/**
 * `rect` of the frame in min or max(R,G,B), `scale` times its size; null when a global
 * threshold was asked and the view has no dark and light to part.
 */
export function renderView(frame: RgbaFrame, rect: Rect, options: ViewOptions = {}): View | null {
  const { channel = 'min', localWindow = 0, global = false, sharpen = 0, halve = false } = options;
  const scale = halve ? 0.5 : (options.scale ?? 1);
  const full = take(rect.width * rect.height);
  channelPlane(frame, rect, channel, full);
  const plane = halve ? halved(full, rect.width, rect.height) : full;
  if (halve) give(full);
  const [w, h] = halve ? [rect.width >> 1, rect.height >> 1] : [rect.width, rect.height];
  if (localWindow > 0) normaliseLocally(plane, w, h, localWindow);
  if (sharpen > 0) sharpenPlane(plane, w, h, sharpen);
  if (global && !thresholdGlobally(plane, w, h)) {
    give(plane);
    return null;
  }
  const [width, height] = halve ? [w, h] : [Math.round(w * scale), Math.round(h * scale)];
  const view: View = { rect, scale, width, height, data: take(width * height * 4) };
  if (scale <= 1) writeRgba(plane, view.data);
  else upscale(plane, w, h, view);
  give(plane);
  return view;
}

/** A point of the view, in the original frame's pixels. */
export function toFrame(view: View, p: FramePoint): FramePoint {
  return { x: view.rect.x + p.x / view.scale, y: view.rect.y + p.y / view.scale };
}
