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
 *    be read (a phone held far off, a small low-resolution photo).
 * The code's colour is read from the original frame's own pixels.
 */
import { readCodeColour } from './frame-colour';
import type { DecodePass, FrameDetector, FrameReading } from './frame-reading';
import { clampRect, type Rect, releaseView, renderView, toFrame, type View } from './frame-views';

export interface DecodeOptions {
  /** Where to look (default: the whole frame); corners still come in frame pixels. */
  region?: Rect;
  /** The passes to try, in order (default: all); for measuring what each one buys. */
  passes?: readonly DecodePass[];
}

export const DECODE_PASSES: readonly DecodePass[] = ['min-channel', 'max-channel', 'zoom'];

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

function viewFor(pass: DecodePass, frame: ImageData, region: Rect): View {
  switch (pass) {
    case 'min-channel':
      return renderView(frame, region);
    case 'max-channel':
      return renderView(frame, region, 1, 'max-inverted');
    case 'zoom':
      return renderView(frame, zoomRect(region), ZOOM_SCALE);
  }
}

function imageOf(view: View): ImageData {
  return new ImageData(view.data, view.width, view.height);
}

export async function decodeFrame(
  detector: FrameDetector,
  frame: ImageData,
  options: DecodeOptions = {},
): Promise<FrameReading | null> {
  const region = clampRect(
    frame,
    options.region ?? { x: 0, y: 0, width: frame.width, height: frame.height },
  );
  if (!region) return null;
  for (const pass of options.passes ?? DECODE_PASSES) {
    const view = viewFor(pass, frame, region);
    try {
      const found = await detector.detect(imageOf(view));
      const code = found.find((c) => c.rawValue !== '' && c.cornerPoints.length === 4);
      if (code) {
        const corners = code.cornerPoints.map((p) => toFrame(view, p));
        return { text: code.rawValue, corners, pass, colour: readCodeColour(frame, corners) };
      }
    } finally {
      releaseView(view);
    }
  }
  return null;
}
