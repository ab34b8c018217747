/**
 * Perspective for the scan benches: a true homography (ZXing samples a code's grid with
 * one), the warp that draws an image onto any four corners of a scene, and the corners a
 * flat rectangle (a phone, a code) shows a pinhole camera when tilted. Pure, except that
 * the warp writes into an ImageData.
 */

export interface Point {
  x: number;
  y: number;
}

/** Corners clockwise from top-left: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Square → quad (Heckbert): x = (a u + b v + c) / (g u + h v + 1), likewise y. */
function squareToQuadCoefficients(quad: Quad) {
  const [{ x: x0, y: y0 }, { x: x1, y: y1 }, { x: x2, y: y2 }, { x: x3, y: y3 }] = quad;
  const dx1 = x1 - x2,
    dx2 = x3 - x2,
    dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2,
    dy2 = y3 - y2,
    dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  return {
    a: x1 - x0 + g * x1,
    b: x3 - x0 + h * x3,
    c: x0,
    d: y1 - y0 + g * y1,
    e: y3 - y0 + h * y3,
    f: y0,
    g,
    h,
  };
}

/** The point (u, v) of the unit square (u along the top edge, v down the left) on `quad`. */
export function pointOnQuad(quad: Quad, u: number, v: number): Point {
  const { a, b, c, d, e, f, g, h } = squareToQuadCoefficients(quad);
  const w = g * u + h * v + 1;
  return { x: (a * u + b * v + c) / w, y: (d * u + e * v + f) / w };
}

/** The inverse: a scene point to (u, v) on the source, both 0..1 inside the quad. */
export function quadToSquare(quad: Quad): (x: number, y: number) => [number, number] {
  const { a, b, c, d, e, f, g, h } = squareToQuadCoefficients(quad);
  // The adjugate of the 3×3 matrix.
  const A = e - f * h,
    B = c * h - b,
    C = b * f - c * e;
  const D = f * g - d,
    E = a - c * g,
    F = c * d - a * f;
  const G = d * h - e * g,
    H = b * g - a * h,
    I = a * e - b * d;
  return (x, y) => {
    const w = G * x + H * y + I;
    return [(A * x + B * y + C) / w, (D * x + E * y + F) / w];
  };
}

const SUBPIXELS = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
] as const;

/**
 * Draws `src` onto `quad` of `out`: each scene pixel is mapped back onto the source and
 * sampled 2×2 (anti-aliased edges), blended by the source's alpha. Downscale the source
 * to about the quad's size first: four samples a pixel do not filter a large reduction.
 */
export function warpOnto(out: ImageData, src: ImageData, quad: Quad): void {
  const toSource = quadToSquare(quad);
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const left = Math.max(0, Math.floor(Math.min(...xs)));
  const right = Math.min(out.width, Math.ceil(Math.max(...xs)));
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(out.height, Math.ceil(Math.max(...ys)));
  for (let py = top; py < bottom; py++) {
    for (let px = left; px < right; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let cover = 0;
      for (const [ox, oy] of SUBPIXELS) {
        const [u, v] = toSource(px + ox, py + oy);
        if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
        const i = (Math.floor(v * src.height) * src.width + Math.floor(u * src.width)) * 4;
        const alpha = (src.data[i + 3] ?? 0) / 255 / 4;
        r += (src.data[i] ?? 0) * alpha;
        g += (src.data[i + 1] ?? 0) * alpha;
        b += (src.data[i + 2] ?? 0) * alpha;
        cover += alpha;
      }
      if (cover === 0) continue;
      const o = (py * out.width + px) * 4;
      out.data[o] = r + (out.data[o] ?? 0) * (1 - cover);
      out.data[o + 1] = g + (out.data[o + 1] ?? 0) * (1 - cover);
      out.data[o + 2] = b + (out.data[o + 2] ?? 0) * (1 - cover);
    }
  }
}

export interface Pose {
  /** Where the rectangle's centre lands in the frame, px. */
  centre: Point;
  /** Its size seen square-on at that distance, px. */
  width: number;
  height: number;
  /** Top edge away from the camera, degrees. */
  pitch: number;
  /** Right edge away from the camera, degrees. */
  yaw: number;
  /** In-plane rotation, degrees clockwise. */
  roll: number;
  /** The camera's focal length in px (a 1280-wide frame at 70° across: ~914). */
  focal: number;
}

/** The four corners a tilted flat rectangle shows a pinhole camera. */
export function tiltedQuad(pose: Pose): Quad {
  const rad = Math.PI / 180;
  const [cr, sr] = [Math.cos(pose.roll * rad), Math.sin(pose.roll * rad)];
  const [cp, sp] = [Math.cos(pose.pitch * rad), Math.sin(pose.pitch * rad)];
  const [cy, sy] = [Math.cos(pose.yaw * rad), Math.sin(pose.yaw * rad)];
  const corner = (dx: number, dy: number): Point => {
    // Roll in the plane, then pitch about the x axis, then yaw about the y axis (z away).
    const x1 = dx * cr - dy * sr;
    const y1 = dx * sr + dy * cr;
    const y2 = y1 * cp;
    const z2 = -y1 * sp;
    const x3 = x1 * cy - z2 * sy;
    const z3 = x1 * sy + z2 * cy;
    const depth = pose.focal + z3;
    return {
      x: pose.centre.x + (pose.focal * x3) / depth,
      y: pose.centre.y + (pose.focal * y2) / depth,
    };
  };
  const [w, h] = [pose.width / 2, pose.height / 2];
  return [corner(-w, -h), corner(w, -h), corner(w, h), corner(-w, h)];
}
