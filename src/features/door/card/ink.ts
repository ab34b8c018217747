/**
 * The card's number strip as "ink": how much darker than the card around it each pixel
 * is, 0 (paper) to 1 (the darkest print nearby). Pure arithmetic on pixels, so the same
 * code runs in the reader's worker, the bench and the unit tests.
 *
 * Grey is each pixel's brightest channel: the number is black in every channel, while the
 * card's blue labels and pale tinted pattern are bright in one of them, so they fade.
 * Ink is measured against the local paper (a max filter) and then stretched by the local
 * darkest ink, so a light on the laminate or a dim hall changes little.
 */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function plane(width: number, height: number): Plane {
  return { width, height, data: new Float32Array(width * height) };
}

/** Bilinear sample of a plane; outside it, `outside`. */
export function sample(p: Plane, x: number, y: number, outside = 0): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= p.width - 1 || y0 >= p.height - 1) return outside;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * p.width + x0;
  const d = p.data;
  const top = (d[i] ?? 0) * (1 - fx) + (d[i + 1] ?? 0) * fx;
  const bottom = (d[i + p.width] ?? 0) * (1 - fx) + (d[i + p.width + 1] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * `box` of an RGBA frame as a grey plane `width` px wide (each pixel its brightest
 * channel), averaging the source pixels each output pixel covers; turned 180° if asked.
 */
export function cropGrey(frame: Rgba, box: Box, width: number, turned: boolean): Plane {
  const scale = box.width / width;
  const height = Math.max(1, Math.round(box.height / scale));
  const out = plane(width, height);
  const step = Math.max(1, Math.floor(scale));
  const { data } = frame;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = box.x + (x + 0.5) * scale - step / 2;
      const sy = box.y + (y + 0.5) * scale - step / 2;
      let sum = 0;
      let n = 0;
      for (let dy = 0; dy < step; dy++) {
        const py = Math.round(sy + dy);
        if (py < 0 || py >= frame.height) continue;
        for (let dx = 0; dx < step; dx++) {
          const px = Math.round(sx + dx);
          if (px < 0 || px >= frame.width) continue;
          const i = (py * frame.width + px) * 4;
          sum += Math.max(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
          n++;
        }
      }
      const o = turned ? (height - 1 - y) * width + (width - 1 - x) : y * width + x;
      out.data[o] = n ? sum / n : 255;
    }
  }
  return out;
}

/** The max (or min) over square blocks of `block` px, then over each block's 3×3 neighbours. */
function blockExtreme(p: Plane, block: number, pick: (a: number, b: number) => number): Plane {
  const bw = Math.ceil(p.width / block);
  const bh = Math.ceil(p.height / block);
  const blocks = plane(bw, bh);
  blocks.data.fill(pick === Math.max ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  for (let y = 0; y < p.height; y++) {
    const by = Math.floor(y / block) * bw;
    for (let x = 0; x < p.width; x++) {
      const b = by + Math.floor(x / block);
      blocks.data[b] = pick(blocks.data[b] ?? 0, p.data[y * p.width + x] ?? 0);
    }
  }
  const spread = plane(bw, bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      let v = blocks.data[y * bw + x] ?? 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < bw && ny < bh) v = pick(v, blocks.data[ny * bw + nx] ?? 0);
        }
      spread.data[y * bw + x] = v;
    }
  }
  return spread;
}

/** Each pixel's value of a block plane, interpolated between block centres. */
function upsample(blocks: Plane, block: number, x: number, y: number): number {
  const bx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), blocks.width - 1.001);
  const by = Math.min(Math.max((y + 0.5) / block - 0.5, 0), blocks.height - 1.001);
  if (blocks.width === 1 || blocks.height === 1)
    return blocks.data[Math.floor(by) * blocks.width + Math.floor(bx)] ?? 0;
  return sample(blocks, bx, by);
}

/** 3×3 mean: the sensor's noise, pixel by pixel, is not ink. */
function smooth(p: Plane): Plane {
  const out = plane(p.width, p.height);
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= p.width || ny >= p.height) continue;
          sum += p.data[ny * p.width + nx] ?? 0;
          n++;
        }
      out.data[y * p.width + x] = sum / n;
    }
  return out;
}

/** Less than this share of the paper darker is no print, however flat the area around. */
const MIN_CONTRAST = 0.3;

/**
 * Ink of a grey plane whose print is about `textHeight` px tall: 1 − grey ÷ the local
 * paper, stretched so the darkest print nearby is 1. Blocks span half the text's height,
 * so the 3×3 neighbourhood covers a whole glyph and some paper around it.
 */
export function inkOf(grey: Plane, textHeight: number): Plane {
  const block = Math.max(4, Math.round(textHeight * 0.6));
  const smoothed = smooth(grey);
  const paper = blockExtreme(smoothed, block, Math.max);
  const ink = plane(grey.width, grey.height);
  for (let y = 0; y < grey.height; y++)
    for (let x = 0; x < grey.width; x++) {
      const bg = Math.max(upsample(paper, block, x, y), 16);
      const i = y * grey.width + x;
      ink.data[i] = Math.max(0, 1 - (smoothed.data[i] ?? 0) / bg);
    }
  const darkest = blockExtreme(ink, block, Math.max);
  for (let y = 0; y < grey.height; y++)
    for (let x = 0; x < grey.width; x++) {
      const i = y * grey.width + x;
      const top = Math.max(upsample(darkest, block, x, y), MIN_CONTRAST);
      ink.data[i] = Math.min(1, (ink.data[i] ?? 0) / top);
    }
  return ink;
}
