/**
 * Finds the resident ID number on the strip's ink: 18 glyphs of one height, evenly
 * spaced along one straight line (the card may be turned a few degrees or tilted). The
 * blobs of ink are found first (connected components); the row is the longest run of
 * like-sized blobs whose centres lie on one line with no gap wider than two glyphs (the
 * printed label 公民身份号码 sits on the same line, further off). Two blobs much closer
 * than the row's pitch are one broken glyph; a blob as wide as two glyphs is two that
 * the blur joined. Anything but 18 glyphs is no number.
 */
import type { Plane } from './ink';

export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** A glyph's place on the row: its centre, and the row's direction and glyph height there. */
export interface GlyphPlace {
  cx: number;
  cy: number;
  /** Along the row, px (the glyph's cell: the pitch). */
  pitch: number;
  height: number;
  /** The row's direction, radians. */
  angle: number;
}

export const ID_LENGTH = 18;
const INK_THRESHOLD = 0.5;

/** 8-connected blobs of ink above INK_THRESHOLD (two passes, union-find). */
export function inkBlobs(ink: Plane): Blob[] {
  const { width, height, data } = ink;
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (a: number): number => {
    let r = a;
    while (parent[r] !== r) r = parent[r] ?? r;
    let c = a;
    while (parent[c] !== r) {
      const next = parent[c] ?? r;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if ((data[i] ?? 0) < INK_THRESHOLD) continue;
      let label = 0;
      const neighbours = [
        x > 0 ? labels[i - 1] : 0,
        y > 0 && x > 0 ? labels[i - width - 1] : 0,
        y > 0 ? labels[i - width] : 0,
        y > 0 && x < width - 1 ? labels[i - width + 1] : 0,
      ];
      for (const n of neighbours) {
        if (!n) continue;
        if (!label) label = find(n);
        else {
          const a = find(n);
          if (a !== label) parent[a] = label;
        }
      }
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      labels[i] = label;
    }
  const blobs = new Map<number, Blob>();
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const l = labels[y * width + x] ?? 0;
      if (!l) continue;
      const root = find(l);
      const b = blobs.get(root);
      if (!b) blobs.set(root, { x0: x, y0: y, x1: x, y1: y, pixels: 1 });
      else {
        b.x0 = Math.min(b.x0, x);
        b.x1 = Math.max(b.x1, x);
        b.y0 = Math.min(b.y0, y);
        b.y1 = Math.max(b.y1, y);
        b.pixels++;
      }
    }
  return [...blobs.values()];
}

const cx = (b: Blob) => (b.x0 + b.x1) / 2;
const cy = (b: Blob) => (b.y0 + b.y1) / 2;
const h = (b: Blob) => b.y1 - b.y0 + 1;
const w = (b: Blob) => b.x1 - b.x0 + 1;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Blobs the size of a printed glyph for a strip `stripHeight` px tall. */
function glyphLike(b: Blob, stripHeight: number): boolean {
  const height = h(b);
  return (
    height >= stripHeight * 0.04 &&
    height <= stripHeight * 0.3 &&
    w(b) <= height * 2.6 &&
    b.pixels >= height * 2
  );
}

/** The blobs on the line through a and b, of a's height, left to right, split into runs at wide gaps. */
function runsOnLine(blobs: readonly Blob[], a: Blob, b: Blob): Blob[][] {
  const slope = (cy(b) - cy(a)) / (cx(b) - cx(a));
  const height = (h(a) + h(b)) / 2;
  const on = blobs
    .filter((c) => {
      const off = Math.abs(cy(c) - (cy(a) + slope * (cx(c) - cx(a))));
      return off <= height * 0.22 && Math.abs(h(c) - height) <= height * 0.25;
    })
    .sort((p, q) => cx(p) - cx(q));
  const runs: Blob[][] = [];
  let run: Blob[] = [];
  for (const c of on) {
    const last = run[run.length - 1];
    if (last && c.x0 - last.x1 > height * 1.4) {
      runs.push(run);
      run = [];
    }
    run.push(c);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Join the pieces of broken glyphs, split glyphs the blur joined: the glyphs' spans along x. */
function glyphSpans(run: readonly Blob[]): { x0: number; x1: number }[] | null {
  const merged: Blob[] = [];
  const first = run[0];
  if (!first) return null;
  const height = median(run.map(h));
  for (const b of run) {
    const last = merged[merged.length - 1];
    if (last && Math.max(last.x1, b.x1) - Math.min(last.x0, b.x0) + 1 <= height * 0.75)
      merged[merged.length - 1] = {
        x0: Math.min(last.x0, b.x0),
        x1: Math.max(last.x1, b.x1),
        y0: Math.min(last.y0, b.y0),
        y1: Math.max(last.y1, b.y1),
        pixels: last.pixels + b.pixels,
      };
    else merged.push({ ...b });
  }
  const singles = merged.filter((b) => w(b) <= height * 0.95);
  const centres = singles.map(cx);
  const gaps = centres.slice(1).map((c, i) => c - (centres[i] ?? 0));
  const pitch = median(gaps.filter((g) => g < height * 1.6)) || height * 0.95;
  const spans: { x0: number; x1: number }[] = [];
  for (const b of merged) {
    const count = Math.max(1, Math.round((w(b) + pitch - height * 0.75) / pitch));
    const part = w(b) / count;
    for (let k = 0; k < count; k++) spans.push({ x0: b.x0 + k * part, x1: b.x0 + (k + 1) * part });
  }
  return spans;
}

/**
 * The 18 glyph places of the ID number on an ink plane, or null: the longest like-sized,
 * collinear run of blobs that makes exactly 18 glyphs.
 */
export function numberRow(ink: Plane): GlyphPlace[] | null {
  const blobs = inkBlobs(ink).filter((b) => glyphLike(b, ink.height));
  let best: { run: Blob[]; spans: { x0: number; x1: number }[] } | null = null;
  for (const a of blobs)
    for (const b of blobs) {
      const dx = cx(b) - cx(a);
      const height = Math.max(h(a), h(b));
      if (dx < height * 0.5 || dx > height * 4) continue;
      if (Math.abs(cy(b) - cy(a)) > dx * 0.2 || Math.abs(h(a) - h(b)) > height * 0.25) continue;
      for (const run of runsOnLine(blobs, a, b)) {
        if (!run.includes(a) || (best && run.length <= best.run.length)) continue;
        const spans = glyphSpans(run);
        if (spans?.length === ID_LENGTH) best = { run, spans };
      }
    }
  if (!best) return null;
  const { run, spans } = best;
  const firstBlob = run[0] as Blob;
  const lastBlob = run[run.length - 1] as Blob;
  const slope = (cy(lastBlob) - cy(firstBlob)) / Math.max(1, cx(lastBlob) - cx(firstBlob));
  const angle = Math.atan(slope);
  const height = median(run.map(h)) / Math.max(Math.cos(angle), 0.5);
  const pitch = ((spans[spans.length - 1]?.x1 ?? 0) - (spans[0]?.x0 ?? 0)) / ID_LENGTH;
  return spans.map((s) => {
    const x = (s.x0 + s.x1) / 2;
    return {
      cx: x,
      cy: cy(firstBlob) + slope * (x - cx(firstBlob)),
      pitch: pitch / Math.cos(angle),
      height,
      angle,
    };
  });
}
