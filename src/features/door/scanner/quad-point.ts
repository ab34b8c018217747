/** Points of a code's quad by its own coordinates (u, v: 0–1 inside, beyond it outside). */
import type { FramePoint } from './frame-reading';

export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** The offset (into `data`) of the quad's point (u, v), or null outside the frame. */
export function offsetAt(frame: RgbaFrame, corners: readonly FramePoint[], u: number, v: number) {
  const [tl, tr, br, bl] = corners;
  if (!tl || !tr || !br || !bl) return null;
  const x = (1 - v) * ((1 - u) * tl.x + u * tr.x) + v * ((1 - u) * bl.x + u * br.x);
  const y = (1 - v) * ((1 - u) * tl.y + u * tr.y) + v * ((1 - u) * bl.y + u * br.y);
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= frame.width || py >= frame.height) return null;
  return (py * frame.width + px) * 4;
}
