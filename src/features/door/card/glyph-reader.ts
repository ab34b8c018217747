/**
 * Reads the resident ID number off a camera frame without an OCR engine: the card
 * guide's bottom strip (the top strip turned 180° for a card held upside down) as ink
 * (ink.ts), the row of 18 glyphs on it (glyph-row.ts), each glyph named by its nearest
 * template (glyph-classifier.ts). Pure arithmetic on the frame's pixels: it runs in a
 * worker, the bench and the unit tests alike, and needs no model file.
 */
import { cardGuide } from './card-guide';
import { classifyGlyph, type GlyphGuess, type Template } from './glyph-classifier';
import { ID_LENGTH, numberRow } from './glyph-row';
import { glyphBitmap, glyphCell, glyphShape } from './glyph-shape';
import { cropGrey, inkOf, type Rgba } from './ink';

/** The strip's width after scaling, px: the number's glyphs about 22–27 px tall. */
export const STRIP_WIDTH = 960;
const STRIP_SHARE = 0.4;
/** The glyphs' height as a share of the strip's width (OCR-B cap height on the card's face). */
const TEXT_HEIGHT_SHARE = 0.027;

export interface GlyphRowRead {
  /** The best guess per place, 18 characters. */
  text: string;
  /** The text when `valid` accepts it, else null. */
  number: string | null;
  /** Per place, every class best first, with its score (the bench's misses). */
  guesses: GlyphGuess[][];
  upsideDown: boolean;
}

function readStrip(
  frame: Rgba,
  upsideDown: boolean,
  templates: readonly Template[],
  valid: (candidate: string) => boolean,
): GlyphRowRead | null {
  const guide = cardGuide(frame.width, frame.height);
  const h = guide.height * STRIP_SHARE;
  const box = {
    x: guide.x,
    y: upsideDown ? guide.y : guide.y + guide.height - h,
    width: guide.width,
    height: h,
  };
  const ink = inkOf(cropGrey(frame, box, STRIP_WIDTH, upsideDown), STRIP_WIDTH * TEXT_HEIGHT_SHARE);
  const places = numberRow(ink);
  if (!places) return null;
  const guesses: GlyphGuess[][] = [];
  for (const [i, place] of places.entries()) {
    const bitmap = glyphBitmap(glyphCell(ink, place));
    if (!bitmap) return null;
    guesses.push(classifyGlyph(glyphShape(bitmap), templates, i === ID_LENGTH - 1));
  }
  const text = guesses.map((g) => g[0]?.char ?? '?').join('');
  return { text, number: valid(text) ? text : null, guesses, upsideDown };
}

/**
 * The number row's reading: the first strip's when it gives a number `valid` accepts,
 * else the other's, else whichever found a row (null when neither did).
 * `upsideDownFirst`: try the turned strip first (the way the last card was held).
 */
export function readGlyphRow(
  frame: Rgba,
  templates: readonly Template[],
  valid: (candidate: string) => boolean,
  upsideDownFirst = false,
): GlyphRowRead | null {
  const first = readStrip(frame, upsideDownFirst, templates, valid);
  if (first?.number) return first;
  return readStrip(frame, !upsideDownFirst, templates, valid) ?? first;
}
