/**
 * QR images drawn in the browser with the distortions a phone screen shows a tablet
 * camera: noise, blur, rotation, perspective (keystone), low contrast. Deterministic:
 * the noise comes from a seeded generator.
 */
import QRCode from 'qrcode';
import { warpOnto } from './homography';
import { gaussian, seeded } from './seeded';

export type Distortion = 'clean' | 'noise' | 'blur' | 'rotation' | 'perspective' | 'low-contrast';

export interface Sample {
  distortion: Distortion;
  level: number;
  payload: string;
}

function codeCanvas(payload: string, modulePx: number, dark: string, light: string) {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * modulePx;
  const canvas = new OffscreenCanvas(side, side);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = dark;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c))
        ctx.fillRect((c + quiet) * modulePx, (r + quiet) * modulePx, modulePx, modulePx);
    }
  }
  return canvas;
}

/**
 * The code on a plane tilted away at the top, by a true homography (bench/homography.ts):
 * the top edge `level` × 10% narrower, the height foreshortened.
 */
function drawTilted(
  ctx: OffscreenCanvasRenderingContext2D,
  code: OffscreenCanvas,
  size: number,
  side: number,
  level: number,
) {
  const src = (code.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(
    0,
    0,
    code.width,
    code.height,
  );
  const top = 1 - 0.1 * level;
  const height = side * (1 - 0.04 * level);
  const cx = size / 2;
  const cy = size / 2;
  const out = ctx.getImageData(0, 0, size, size);
  warpOnto(out, src, [
    { x: cx - (top * side) / 2, y: cy - height / 2 },
    { x: cx + (top * side) / 2, y: cy - height / 2 },
    { x: cx + side / 2, y: cy + height / 2 },
    { x: cx - side / 2, y: cy + height / 2 },
  ]);
  ctx.putImageData(out, 0, 0);
}

/** A 480×480 scene holding the distorted code, as a PNG blob. */
export async function drawSample(sample: Sample, seed: number): Promise<Blob> {
  const size = 480;
  const { distortion, level } = sample;
  // Low contrast: dark modules from 135 up to 180 on a 200 background (of 255).
  const dark = 120 + 15 * level;
  const code =
    distortion === 'low-contrast'
      ? codeCanvas(sample.payload, 6, `rgb(${dark},${dark},${dark})`, 'rgb(200,200,200)')
      : codeCanvas(sample.payload, 6, '#111', '#f4f4f4');
  const scene = new OffscreenCanvas(size, size);
  const ctx = scene.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = '#8a8f94';
  ctx.fillRect(0, 0, size, size);
  const side = Math.min(code.width, 400);
  ctx.save();
  ctx.translate(size / 2, size / 2);
  if (distortion === 'rotation') ctx.rotate((level * 15 * Math.PI) / 180);
  if (distortion === 'blur') ctx.filter = `blur(${level * 0.75}px)`;
  if (distortion === 'perspective') {
    ctx.restore();
    drawTilted(ctx, code, size, side, level);
    ctx.save();
  } else {
    ctx.drawImage(code, -side / 2, -side / 2, side, side);
  }
  ctx.restore();
  if (distortion === 'noise') {
    const random = seeded(seed);
    const image = ctx.getImageData(0, 0, size, size);
    const sigma = 18 * level;
    for (let i = 0; i < image.data.length; i += 4) {
      // The same on the three channels (sensor luma noise).
      const n = gaussian(random, sigma);
      for (let k = 0; k < 3; k++) image.data[i + k] = (image.data[i + k] ?? 0) + n;
    }
    ctx.putImageData(image, 0, 0);
  }
  return scene.convertToBlob({ type: 'image/png' });
}

export function samples(payloads: readonly string[]): Sample[] {
  const out: Sample[] = [];
  const kinds: Distortion[] = ['clean', 'noise', 'blur', 'rotation', 'perspective', 'low-contrast'];
  for (const distortion of kinds) {
    const levels = distortion === 'clean' ? [0] : [1, 2, 3, 4];
    for (const level of levels) {
      for (const payload of payloads) out.push({ distortion, level, payload });
    }
  }
  return out;
}
