/**
 * What a tablet's fixed-focus front camera does to a scene in a dim hall: defocus, hand
 * shake, refresh banding off a phone screen, glare, a low exposure with sensor noise, and
 * JPEG. Each works on an OffscreenCanvas or its ImageData, in Chromium.
 */
import { gaussian } from './seeded';

type Ctx = OffscreenCanvasRenderingContext2D;

function context(canvas: OffscreenCanvas): Ctx {
  return canvas.getContext('2d', { willReadFrequently: true }) as Ctx;
}

function copyOf(canvas: OffscreenCanvas): OffscreenCanvas {
  const copy = new OffscreenCanvas(canvas.width, canvas.height);
  context(copy).drawImage(canvas, 0, 0);
  return copy;
}

/** Defocus: a gaussian blur of standard deviation `sigma` px. */
export function gaussianBlur(canvas: OffscreenCanvas, sigma: number): void {
  if (sigma <= 0) return;
  const copy = copyOf(canvas);
  const ctx = context(canvas);
  ctx.filter = `blur(${sigma}px)`;
  ctx.drawImage(copy, 0, 0);
  ctx.filter = 'none';
}

/** Hand shake during the exposure: the mean of the scene along a `length` px stroke. */
export function motionBlur(canvas: OffscreenCanvas, length: number, angle: number): void {
  if (length <= 0) return;
  const copy = copyOf(canvas);
  const ctx = context(canvas);
  const steps = Math.max(2, Math.round(length));
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  for (let k = 0; k < steps; k++) {
    const t = k / (steps - 1) - 0.5;
    // The k-th copy at 1/(k+1): a running mean, so every copy weighs the same.
    ctx.globalAlpha = 1 / (k + 1);
    ctx.drawImage(copy, t * length * dx, t * length * dy);
  }
  ctx.globalAlpha = 1;
}

/** Bright blobs: a ceiling light reflected in the phone's glass. */
export function glare(
  canvas: OffscreenCanvas,
  blobs: readonly { x: number; y: number; radius: number; strength: number }[],
): void {
  const ctx = context(canvas);
  for (const { x, y, radius, strength } of blobs) {
    const g = ctx.createRadialGradient(x, y, 0, x, y, radius);
    g.addColorStop(0, `rgba(255,255,255,${strength})`);
    g.addColorStop(0.45, `rgba(255,255,255,${strength * 0.7})`);
    g.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = g;
    ctx.fillRect(x - radius, y - radius, 2 * radius, 2 * radius);
  }
}

export interface Exposure {
  /** Refresh / moiré banding: the luminance × (1 + amplitude · sin), bands `period` px apart. */
  banding: { amplitude: number; period: number; phase: number; slope: number } | null;
  /** Brightness gain (1: as drawn). */
  gain: number;
  /** Sensor noise, standard deviation in levels of 255, independent per channel. */
  noise: number;
}

/** Banding, gain and noise in one pass over the pixels. */
export function expose(canvas: OffscreenCanvas, exposure: Exposure, random: () => number): void {
  const ctx = context(canvas);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const { width, data } = image;
  const { banding, gain, noise } = exposure;
  for (let i = 0; i < data.length; i += 4) {
    let factor = gain;
    if (banding) {
      const p = i / 4;
      const y = Math.floor(p / width) + banding.slope * (p % width);
      factor *=
        1 + banding.amplitude * Math.sin((2 * Math.PI * y) / banding.period + banding.phase);
    }
    for (let k = 0; k < 3; k++) {
      const n = noise > 0 ? gaussian(random, noise) : 0;
      data[i + k] = (data[i + k] ?? 0) * factor + n;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** The frame as the decoders get it, and as a blob: JPEG at `quality` (0..1) or PNG. */
export async function encode(
  canvas: OffscreenCanvas,
  quality: number | null,
): Promise<{ frame: ImageData; blob: Blob }> {
  if (quality === null) {
    const frame = context(canvas).getImageData(0, 0, canvas.width, canvas.height);
    return { frame, blob: await canvas.convertToBlob({ type: 'image/png' }) };
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bitmap = await createImageBitmap(blob);
  const decoded = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = context(decoded);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { frame: ctx.getImageData(0, 0, decoded.width, decoded.height), blob };
}

/**
 * A screen too bright for an exposure set by the dim hall: every level × `gain`, more
 * round a hot spot (`hot`: extra gain at its centre, falling off over `radius` px: the
 * code's middle clipped to white), clipped, then bloom: the clipped light spread
 * `radius` px round itself (lens flare and sensor bleed), eating into the dark modules.
 */
export function overexpose(
  canvas: OffscreenCanvas,
  gain: number,
  bloom: { radius: number; strength: number },
  hot?: { x: number; y: number; gain: number; radius: number },
): void {
  const ctx = context(canvas);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const { data, width } = image;
  for (let i = 0; i < data.length; i += 4) {
    let g = gain;
    if (hot) {
      const p = i / 4;
      const d2 = ((p % width) - hot.x) ** 2 + (Math.floor(p / width) - hot.y) ** 2;
      g *= 1 + hot.gain * Math.exp(-d2 / (2 * hot.radius * hot.radius));
    }
    for (let k = 0; k < 3; k++) data[i + k] = (data[i + k] ?? 0) * g;
  }
  ctx.putImageData(image, 0, 0);
  const light = new OffscreenCanvas(canvas.width, canvas.height);
  const lctx = context(light);
  lctx.filter = `blur(${bloom.radius}px)`;
  lctx.drawImage(canvas, 0, 0);
  ctx.globalCompositeOperation = 'lighter';
  ctx.globalAlpha = bloom.strength;
  ctx.drawImage(light, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
}

/** Multiplies each pixel of the frame by `factor(x, y, channel)`, in one pass. */
function modulate(
  canvas: OffscreenCanvas,
  factor: (x: number, y: number, channel: number) => number,
): void {
  const ctx = context(canvas);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const { width, data } = image;
  for (let p = 0; p < data.length / 4; p++) {
    const x = p % width;
    const y = (p - x) / width;
    for (let k = 0; k < 3; k++) data[p * 4 + k] = (data[p * 4 + k] ?? 0) * factor(x, y, k);
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * The rolling shutter meeting the phone's PWM dimming: dark bars across the sensor's rows,
 * `period` px apart, `duty` of each period dark, `depth` deep, with soft edges.
 */
export function pwmBars(
  canvas: OffscreenCanvas,
  bars: { period: number; duty: number; depth: number; phase: number },
): void {
  const edge = Math.max(2, bars.period * 0.08);
  const rows = new Float32Array(canvas.height);
  for (let y = 0; y < canvas.height; y++) {
    const t = (((y + bars.phase * bars.period) % bars.period) + bars.period) % bars.period;
    const dark = bars.duty * bars.period;
    // Distance into the dark part, with ramps of `edge` px either side.
    const into = Math.min(t, dark - t);
    const weight =
      t < dark
        ? Math.min(1, 0.5 + into / (2 * edge))
        : Math.max(0, 0.5 - Math.min(t - dark, bars.period - t) / (2 * edge));
    rows[y] = 1 - bars.depth * weight;
  }
  modulate(canvas, (_x, y) => rows[y] ?? 1);
}

/**
 * Moiré: the screen's R, G, B sub-pixel stripes aliased by the camera's sensor into a
 * slow beat, each channel a third of a cycle from the next (colour fringes), `period` px
 * long at `angle`, `amplitude` deep.
 */
export function subpixelMoire(
  canvas: OffscreenCanvas,
  moire: { period: number; angle: number; amplitude: number; phase: number },
): void {
  const [fx, fy] = [Math.cos(moire.angle) / moire.period, Math.sin(moire.angle) / moire.period];
  modulate(
    canvas,
    (x, y, k) =>
      1 + moire.amplitude * Math.cos(2 * Math.PI * (x * fx + y * fy + moire.phase + k / 3)),
  );
}

/**
 * A smudged protective film: the screen's own light scattered `scatter` px round itself
 * (a veil that lifts the blacks and dims the whites, `strength` 0–1, varying slowly over
 * the frame), with fingerprint ridges (arcs `ridge` px apart round a point) in it.
 */
export function filmHaze(
  canvas: OffscreenCanvas,
  haze: { strength: number; ridge: number; centre: { x: number; y: number }; scatter: number },
): void {
  const veil = new OffscreenCanvas(canvas.width, canvas.height);
  const vctx = context(veil);
  vctx.filter = `blur(${haze.scatter}px)`;
  vctx.drawImage(canvas, 0, 0);
  const scattered = vctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const ctx = context(canvas);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const { width, height, data } = image;
  for (let p = 0; p < data.length / 4; p++) {
    const x = p % width;
    const y = (p - x) / width;
    const slow = 0.7 + 0.3 * Math.sin((3 * x) / width + 1.3) * Math.cos((2 * y) / height);
    const d = Math.hypot(x - haze.centre.x, y - haze.centre.y);
    const ridges = 0.85 + 0.15 * Math.sin((2 * Math.PI * d) / haze.ridge);
    const h = Math.min(0.9, haze.strength * slow * ridges);
    for (let k = 0; k < 3; k++) {
      const i = p * 4 + k;
      data[i] = (data[i] ?? 0) * (1 - h) + 1.1 * (scattered[i] ?? 0) * h;
    }
  }
  ctx.putImageData(image, 0, 0);
}
