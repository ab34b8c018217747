/**
 * Which of the codes in one frame staff aimed at (issue 32): a visitor's phone is often
 * held in front of the hall's own 场所码 poster or a leaflet, and the detector lists codes
 * in no useful order. The aimed-at code is near the viewfinder's centre, large, and on a
 * lit screen (its light side far brighter than paper lit by the hall); a coloured read
 * (green, yellow, red) is a little more evidence of a health-code app. Two different
 * payloads scoring within `TIE` of each other give no read: a wrong payload on the record
 * is worse than none. A code lying wholly inside another's quad is in front of it (it
 * covers part of that code, read only by its error correction): the one in front is
 * chosen, as a phone held over a poster's code, or a "double QR" printed inside another.
 * Pure: the frame path (frame-decoder.ts) measures, this decides.
 */
import type { FramePoint } from './frame-reading';

export interface CodeCandidate {
  text: string;
  /** Four corners in the frame's pixels. */
  corners: readonly FramePoint[];
  /** Lightness (0–255) of the code's light side: a lit screen's white or lit modules. */
  light: number;
  /** The modules read green, yellow or red (a health-code app's colours). */
  coloured: boolean;
}

export interface Viewfinder {
  /** The region decoded; its centre is where staff aim. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * How light the brightest part of the viewfinder's centre is (0–255), when measured: a
   * lit screen there that no code was read from outshines an off-centre paper code.
   */
  centreLight?: number;
}

export type CodeChoice<T> =
  | { kind: 'chosen'; code: T; lead: number }
  | { kind: 'tie'; codes: readonly T[] }
  | { kind: 'none' };

/** Weights of the score: size (share of the largest), distance from centre, light share. */
const SIZE_WEIGHT = 0.5;
const CENTRE_WEIGHT = 1;
const LIGHT_WEIGHT = 1;
const COLOUR_BONUS = 0.15;
/** Two payloads closer than this in score are a tie. */
export const TIE = 0.15;
/** Past this distance (share of half the short side), a code is off-centre. */
export const OFF_CENTRE = 0.4;
/** The centre outshines an off-centre code by this factor: a screen is there, unread. */
const OUTSHONE = 1.3;

function centreOf(corners: readonly FramePoint[]): FramePoint {
  const n = corners.length || 1;
  return {
    x: corners.reduce((a, p) => a + p.x, 0) / n,
    y: corners.reduce((a, p) => a + p.y, 0) / n,
  };
}

/** √(area) of the quad (shoelace): the code's side, for a square seen at any angle. */
export function sideOf(corners: readonly FramePoint[]): number {
  let twice = 0;
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % corners.length] ?? p;
    twice += p.x * q.y - q.x * p.y;
  });
  return Math.sqrt(Math.abs(twice) / 2);
}

/** Distance of the code's centre from the viewfinder's, in halves of its short side. */
export function offCentre(corners: readonly FramePoint[], view: Viewfinder): number {
  const c = centreOf(corners);
  const reach = Math.max(1, Math.min(view.width, view.height) / 2);
  return Math.hypot(c.x - (view.x + view.width / 2), c.y - (view.y + view.height / 2)) / reach;
}

/** An off-centre code dimmer than something lit at the centre that was not read. */
export function outshone(code: CodeCandidate, view: Viewfinder): boolean {
  return (
    view.centreLight !== undefined &&
    offCentre(code.corners, view) > OFF_CENTRE &&
    view.centreLight > code.light * OUTSHONE
  );
}

/** Whether `p` lies inside the convex quad `corners` (any winding). */
function inside(p: FramePoint, corners: readonly FramePoint[]): boolean {
  let sign = 0;
  for (const [i, a] of corners.entries()) {
    const b = corners[(i + 1) % corners.length] ?? a;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** `outer` has another payload's code wholly inside its quad: that code is in front. */
function behindAnother(outer: CodeCandidate, all: readonly CodeCandidate[]): boolean {
  return all.some((c) => c.text !== outer.text && c.corners.every((p) => inside(p, outer.corners)));
}

export function chooseCode<T extends CodeCandidate>(
  all: readonly T[],
  view: Viewfinder,
): CodeChoice<T> {
  const candidates = all.filter((c) => !behindAnother(c, all));
  if (candidates.length === 0) return { kind: 'none' };
  const maxSide = Math.max(...candidates.map((c) => sideOf(c.corners)), 1e-9);
  const maxLight = Math.max(...candidates.map((c) => c.light), 1e-9);
  const score = (c: T) =>
    SIZE_WEIGHT * (sideOf(c.corners) / maxSide) -
    CENTRE_WEIGHT * offCentre(c.corners, view) +
    LIGHT_WEIGHT * (c.light / maxLight) +
    (c.coloured ? COLOUR_BONUS : 0);
  // One entry per payload (a code listed twice, or by two passes): its best score.
  const best = new Map<string, { code: T; score: number }>();
  for (const code of candidates) {
    const s = score(code);
    const seen = best.get(code.text);
    if (!seen || s > seen.score) best.set(code.text, { code, score: s });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (!first) return { kind: 'none' };
  if (second && first.score - second.score < TIE)
    return { kind: 'tie', codes: [first.code, second.code] };
  if (outshone(first.code, view)) return { kind: 'none' };
  return {
    kind: 'chosen',
    code: first.code,
    lead: second ? first.score - second.score : Number.POSITIVE_INFINITY,
  };
}
