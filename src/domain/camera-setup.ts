/**
 * How the door asks for its camera and what it tells staff about the picture: pure rules,
 * used by the frame engine (src/features/door/scanner/frame-engine.ts).
 *
 * At a door the tablet usually films the visitor's phone with its front camera, fixed
 * focus and no torch, in a hall lit for people: ask for 1280×720 where the camera has it,
 * and continuous focus, exposure and white balance where it offers them.
 */

import type { CameraFacing } from './camera-facing';

export { type CameraFacing, DEFAULT_FACING } from './camera-facing';

/** The share of the frame's short side that is decoded: a phone held 20–40 cm away. */
export const VIEWFINDER_SHARE = 0.8;

export function videoConstraints(
  facing: CameraFacing,
  deviceId: string | null,
): MediaTrackConstraints {
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return deviceId ? { ...size, deviceId: { exact: deviceId } } : { ...size, facingMode: facing };
}

/** The subset of MediaTrackCapabilities the door tunes (not all in TypeScript's DOM lib). */
export interface TunableCapabilities {
  focusMode?: readonly string[];
  exposureMode?: readonly string[];
  whiteBalanceMode?: readonly string[];
  exposureCompensation?: { min?: number; max?: number; step?: number };
  torch?: boolean;
}

/**
 * Exposure compensation asked for, in EV, where the camera offers it: a phone screen at
 * full brightness in a hall the auto-exposure is set by clips to white (issue 32). A small
 * step only, so a dim screen or a printed code is not lost in the dark. No `exposureTime`:
 * it needs the manual exposure mode, which would freeze the exposure for the whole day.
 */
export const EXPOSURE_COMPENSATION = -0.7;

/**
 * The advanced constraints to apply once the track runs: each mode set only where the
 * camera lists 'continuous' (applyConstraints rejects an unsupported value as a whole);
 * a lower exposure compensation only within the range (and on the steps) it gives.
 */
export function tuningFor(caps: TunableCapabilities): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [];
  for (const key of ['focusMode', 'exposureMode', 'whiteBalanceMode'] as const) {
    if (caps[key]?.includes('continuous')) out.push({ [key]: 'continuous' });
  }
  const ev = caps.exposureCompensation;
  if (ev && typeof ev.min === 'number' && typeof ev.max === 'number' && ev.min < 0) {
    const step = ev.step && ev.step > 0 ? ev.step : 0;
    const snapped = step ? Math.round(EXPOSURE_COMPENSATION / step) * step : EXPOSURE_COMPENSATION;
    const value = Math.min(ev.max, Math.max(ev.min, snapped));
    if (value < 0) out.push({ exposureCompensation: value });
  }
  return out;
}

/** What the camera's picture was like, measured on a sparse grid of the viewfinder. */
export interface FrameQuality {
  /** Mean luma, 0–255. */
  brightness: number;
  /** Standard deviation of luma: something with edges (a phone) is in view. */
  contrast: number;
  /** Share of neighbouring pixel pairs with a luma step (an edge of any kind). */
  edges: number;
  /** Share with a steep step: a code in focus has many; the same code out of focus, few. */
  crisp: number;
}

export type CameraAdvice = 'aim' | 'too-dark' | 'blurry' | 'one-code';

/** Frames with two codes too alike to choose (code-choice.ts) before staff are told. */
export const TIES_BEFORE_ADVICE = 3;
/** How long a frame with two such codes counts (ms). */
export const TIE_WINDOW_MS = 2000;

/** Nothing read for this long while the camera runs: the guide says what to do. */
export const ADVICE_AFTER_MS = 3000;
const DARK_BRIGHTNESS = 40;
/** Luma steps (of 255) between neighbours: any edge, and an edge in focus. */
const EDGE_STEP = 8;
const CRISP_STEP = 30;
/** Enough soft edges to be a code's pattern, not a blank card or a wall. */
const PATTERN_EDGES = 0.1;
/** Out of focus: under this share of those edges is steep. */
const BLURRY_CRISP_SHARE = 0.15;

/**
 * What to tell staff. At once, after a few frames with two codes too alike to choose
 * (`recentTies`: such frames in the last `TIE_WINDOW_MS`): only one code in the frame.
 * When nothing has been read for a while: too dark (the mean of the
 * recent frames), out of focus (a pattern of edges, nearly none of them steep: a blank
 * phone card or an empty hall has few edges at all, and is not "blurred"), or, by
 * default, how to hold the phone.
 */
export function cameraAdvice(
  msSinceRead: number,
  recent: readonly FrameQuality[],
  recentTies = 0,
): CameraAdvice | null {
  if (recentTies >= TIES_BEFORE_ADVICE) return 'one-code';
  if (msSinceRead < ADVICE_AFTER_MS) return null;
  if (recent.length === 0) return 'aim';
  const mean = (k: keyof FrameQuality) => recent.reduce((a, q) => a + q[k], 0) / recent.length;
  if (mean('brightness') < DARK_BRIGHTNESS) return 'too-dark';
  const edges = mean('edges');
  if (edges >= PATTERN_EDGES && mean('crisp') < edges * BLURRY_CRISP_SHARE) return 'blurry';
  return 'aim';
}

/** Luma of one RGBA pixel at byte offset i (Rec. 601, integer). */
function luma(data: ArrayLike<number>, i: number): number {
  return ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
}

/** Measures a frame on a grid `step` pixels apart: a few thousand reads for 1280×720. */
export function measureFrame(
  frame: { width: number; height: number; data: ArrayLike<number> },
  step = 8,
): FrameQuality {
  const { width, height, data } = frame;
  let n = 0;
  let sum = 0;
  let squares = 0;
  let edges = 0;
  let crisp = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x + 1 < width; x += step) {
      const i = (y * width + x) * 4;
      const v = luma(data, i);
      sum += v;
      squares += v * v;
      const step = Math.abs(v - luma(data, i + 4));
      if (step >= EDGE_STEP) edges++;
      if (step >= CRISP_STEP) crisp++;
      n++;
    }
  }
  if (n === 0) return { brightness: 0, contrast: 0, edges: 0, crisp: 0 };
  const brightness = sum / n;
  return {
    brightness,
    contrast: Math.sqrt(Math.max(0, squares / n - brightness * brightness)),
    edges: edges / n,
    crisp: crisp / n,
  };
}
