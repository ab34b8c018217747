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
