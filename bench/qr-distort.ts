/**
 * QR images drawn in the browser with the distortions a phone screen shows a tablet
 * camera: noise, blur, rotation, perspective (keystone), low contrast. Deterministic:
 * the noise comes from a seeded generator.
 */
import QRCode from 'qrcode';

export type Distortion = 'clean' | 'noise' | 'blur' | 'rotation' | 'perspective' | 'low-contrast';

export interface Sample {
  distortion: Distortion;
  level: number;
  payload: string;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
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
 * The code on a plane tilted away at the top, by a true homography (ZXing samples the
 * grid with one): the top edge `level` × 10% narrower, the height foreshortened.
 * Each scene pixel is mapped back onto the code and sampled 2×2 (anti-aliased).
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
  const [x0, y0, x1, y1] = [
    cx - (top * side) / 2,
    cy - height / 2,
    cx + (top * side) / 2,
    cy - height / 2,
  ];
  const [x2, y2, x3, y3] = [cx + side / 2, cy + height / 2, cx - side / 2, cy + height / 2];
  // Square → quad (Heckbert): x = (a u + b v + c) / (g u + h v + 1), likewise y.
  const dx1 = x1 - x2,
    dx2 = x3 - x2,
    dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2,
    dy2 = y3 - y2,
    dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  const [a, b, c] = [x1 - x0 + g * x1, x3 - x0 + h * x3, x0];
  const [d, e, f] = [y1 - y0 + g * y1, y3 - y0 + h * y3, y0];
  // Its inverse (adjugate of the 3×3 matrix), quad → square.
  const A = e - f * h,
    B = c * h - b,
    C = b * f - c * e;
  const D = f * g - d,
    E = a - c * g,
    F = c * d - a * f;
  const G = d * h - e * g,
    H = b * g - a * h,
    I = a * e - b * d;
  const out = ctx.getImageData(0, 0, size, size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let sum = 0;
      let hits = 0;
      for (const [ox, oy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const X = px + ox,
          Y = py + oy;
        const w = G * X + H * Y + I;
        const u = (A * X + B * Y + C) / w,
          v = (D * X + E * Y + F) / w;
        if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
        const i = (Math.floor(v * code.height) * code.width + Math.floor(u * code.width)) * 4;
        sum += src.data[i] ?? 0;
        hits++;
      }
      if (hits === 0) continue;
      const o = (py * size + px) * 4;
      const value = (sum + (out.data[o] ?? 0) * (4 - hits)) / 4;
      out.data[o] = value;
      out.data[o + 1] = value;
      out.data[o + 2] = value;
    }
  }
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
      // Box-Muller: normal noise, the same on the three channels (sensor luma noise).
      const n =
        Math.sqrt(-2 * Math.log(random() + 1e-9)) * Math.cos(2 * Math.PI * random()) * sigma;
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
