/**
 * The door's own decode path for one camera frame or still image, pass by pass, stopping
 * at the first read. The detector (native BarcodeDetector or the ZXing-C++ ponyfill, see
 * decoder-setup.ts) already tries inverted codes and downscales large pictures; the passes
 * add what it lacks, each bought by the public corpus (tests/corpora/browser):
 *  - 'min-channel': each pixel's weakest channel, so a yellow or green code on white is
 *    as black as a printed one (in plain grey a yellow module is almost white);
 *  - 'max-channel': its strongest, inverted, for a dark-mode app's inverted code (lit
 *    coloured modules on a dark card), which the weakest channel blacks out (the field
 *    corpus: 11 of 20 inverted codes read without it), handed over as dark on light;
 *  - 'zoom': the centre (or the region) upscaled, for a code too small in its frame to
 *    be read (a phone held far off, a small low-resolution photo);
 *  - 'local-contrast': each pixel against its neighbourhood's mean and spread, for
 *    rolling-shutter bars;
 *  - 'global-threshold': the weakest channel cut at one level for the whole view
 *    (global-threshold.ts), for a picture blended into the modules; then the same on
 *    the view halved (2×2 blocks averaged: the picture's grain goes, as the detector's
 *    own downscaling does for large images only);
 *  - 'sharpen': an unsharp mask, for a stroke of hand shake.
 * The code's colour is read from the original frame's own pixels.
 *
 * Every code a pass finds is kept, and the one staff aimed at is chosen (code-choice.ts);
 * a later pass runs only when the choice is doubtful (an off-centre code outshone by
 * something lit at the centre that no pass has read yet).
 */
import {
  type CodeCandidate,
  chooseCode,
  OFF_CENTRE,
  offCentre,
  type Viewfinder,
} from './code-choice';
import { centreLight, readCodeLook } from './frame-colour';
import type { DecodePass, FrameDetector, FrameReading } from './frame-reading';
import { clampRect, type Rect, releaseView, renderView, toFrame, type View } from './frame-views';

export interface DecodeOptions {
  /** Where to look (default: the whole frame); corners still come in frame pixels. */
  region?: Rect;
  /** The passes to try, in order (default: all); for measuring what each one buys. */
  passes?: readonly DecodePass[];
}

export const DECODE_PASSES: readonly DecodePass[] = [
  'min-channel',
  'max-channel',
  'zoom',
  'local-contrast',
  'global-threshold',
  'global-threshold-half',
  'sharpen',
];

/**
 * The passes a codeless frame pays for most (each buys a few reads, see benchmarks.md).
 * The camera loop tries one of them a frame, in turn (`cameraPasses`): a code held up
 * is in several frames a second, and a frame with no code then costs one of them, not
 * all. A still image, and the benchmarks, try all.
 */
export const LATE_PASSES: readonly DecodePass[] = [
  'global-threshold',
  'global-threshold-half',
  'sharpen',
];

/** The camera loop's passes for its `frame`-th frame: the early ones, and a late one in turn. */
export function cameraPasses(frame: number): readonly DecodePass[] {
  const late = LATE_PASSES[frame % LATE_PASSES.length];
  return DECODE_PASSES.filter((p) => !LATE_PASSES.includes(p) || p === late);
}

/** The unsharp mask's radius, in camera pixels (a shake's stroke is 4–10 of them). */
const SHARPEN_RADIUS = 5;

/** The local-contrast pass's square: a share of the region's short side (a few modules). */
const LOCAL_SHARE = 1 / 24;

/**
 * A region whose short side is at most this is zoomed whole (a small photo); a larger one,
 * its centre half (a camera frame with a code held far off, under ~120 px of 1280×720).
 */
const SMALL_SIDE = 480;
/**
 * On the corpus, 2× read three small photos the first pass missed (100×99, 339×233 and
 * 240×240 px); 3× read one fewer (qrcode-4/14 reads at 2× and 2.5×, not at 3×).
 */
const ZOOM_SCALE = 2;

function zoomRect(region: Rect): Rect {
  const short = Math.min(region.width, region.height);
  if (short <= SMALL_SIDE) return region;
  const side = Math.round(short / 2);
  return {
    x: region.x + Math.round((region.width - side) / 2),
    y: region.y + Math.round((region.height - side) / 2),
    width: side,
    height: side,
  };
}

function viewFor(pass: DecodePass, frame: ImageData, region: Rect): View | null {
  switch (pass) {
    case 'min-channel':
      return renderView(frame, region);
    case 'max-channel':
      return renderView(frame, region, { channel: 'max-inverted' });
    case 'zoom':
      return renderView(frame, zoomRect(region), { scale: ZOOM_SCALE });
    case 'local-contrast':
      return renderView(frame, region, {
        localWindow: Math.max(15, Math.round(Math.min(region.width, region.height) * LOCAL_SHARE)),
      });
    case 'global-threshold':
      return renderView(frame, region, { global: true });
    case 'global-threshold-half':
      return renderView(frame, region, { global: true, halve: true });
    case 'sharpen':
      return renderView(frame, region, { sharpen: SHARPEN_RADIUS });
  }
}

function imageOf(view: View): ImageData {
  return new ImageData(view.data, view.width, view.height);
}

/** What one frame gave: the chosen code, two codes too alike to choose, or nothing. */
export type FrameOutcome =
  | { kind: 'read'; reading: FrameReading }
  | { kind: 'tie'; texts: readonly string[] }
  | { kind: 'none' };

type Found = CodeCandidate & FrameReading;

function found(frame: ImageData, view: View, pass: DecodePass, code: DetectedCode): Found {
  const corners = code.cornerPoints.map((p) => toFrame(view, p));
  const look = readCodeLook(frame, corners);
  const c = look.colour.colour;
  return {
    text: code.rawValue,
    corners,
    pass,
    colour: look.colour,
    light: look.light,
    coloured: c === 'green' || c === 'yellow' || c === 'red',
  };
}

type DetectedCode = Awaited<ReturnType<FrameDetector['detect']>>[number];

/** Whether the choice can stand without the later passes: centred, or not outshone. */
function settled(code: Found, view: Viewfinder): boolean {
  return (
    offCentre(code.corners, view) <= OFF_CENTRE ||
    view.centreLight === undefined ||
    code.light * 1.3 >= view.centreLight
  );
}

export async function readFrame(
  detector: FrameDetector,
  frame: ImageData,
  options: DecodeOptions = {},
): Promise<FrameOutcome> {
  const region = clampRect(
    frame,
    options.region ?? { x: 0, y: 0, width: frame.width, height: frame.height },
  );
  if (!region) return { kind: 'none' };
  const view: Viewfinder = { ...region, centreLight: centreLight(frame, region) };
  const all: Found[] = [];
  let choice: ReturnType<typeof chooseCode<Found>> = { kind: 'none' };
  for (const pass of options.passes ?? DECODE_PASSES) {
    const rendered = viewFor(pass, frame, region);
    if (!rendered) continue;
    try {
      const codes = await detector.detect(imageOf(rendered));
      for (const code of codes) {
        if (code.rawValue === '' || code.cornerPoints.length !== 4) continue;
        if (all.some((f) => f.text === code.rawValue)) continue;
        all.push(found(frame, rendered, pass, code));
      }
    } finally {
      releaseView(rendered);
    }
    if (all.length === 0) continue;
    choice = chooseCode(all, view);
    if (choice.kind === 'tie') break;
    if (choice.kind === 'chosen' && settled(choice.code, view)) break;
  }
  if (choice.kind === 'tie') return { kind: 'tie', texts: choice.codes.map((c) => c.text) };
  if (choice.kind === 'none') return { kind: 'none' };
  const { text, corners, pass, colour } = choice.code;
  return { kind: 'read', reading: { text, corners, pass, colour } };
}

/** The chosen code's reading, or null (nothing read, or two codes too alike to choose). */
export async function decodeFrame(
  detector: FrameDetector,
  frame: ImageData,
  options: DecodeOptions = {},
): Promise<FrameReading | null> {
  const outcome = await readFrame(detector, frame, options);
  return outcome.kind === 'read' ? outcome.reading : null;
}
