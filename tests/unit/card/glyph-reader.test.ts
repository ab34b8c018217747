import { describe, expect, it } from 'vitest';
import { checkCardNumber } from '../../../src/domain/card-read';
import { cardGuide } from '../../../src/features/door/card/card-guide';
import { GLYPH_CLASSES } from '../../../src/features/door/card/glyph-classes';
import { glyphTemplates } from '../../../src/features/door/card/glyph-classifier';
import { readGlyphRow } from '../../../src/features/door/card/glyph-reader';
import { GLYPH_H, GLYPH_W } from '../../../src/features/door/card/glyph-shape';
import { GLYPH_TEMPLATES } from '../../../src/features/door/card/glyph-templates';
import type { Rgba } from '../../../src/features/door/card/ink';

const ID = '11010519491231002X';
const WIDTH = 1280;
const HEIGHT = 720;

/** One face's glyph bitmaps (0–1 ink), as the templates file holds them. */
function face(font: string): Map<string, Float32Array> {
  const entry = GLYPH_TEMPLATES.find(([f]) => f === font);
  if (!entry) throw new Error(font);
  const bytes = Buffer.from(entry[1], 'base64');
  const size = GLYPH_W * GLYPH_H;
  return new Map(
    [...GLYPH_CLASSES].map((c, k) => [
      c,
      Float32Array.from(bytes.subarray(k * size, (k + 1) * size), (b) => b / 255),
    ]),
  );
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A camera frame of a pale card filling 90% of the guide, turned `rollDeg`, its number
 * row where the resident ID card prints it (glyphs 27 px tall, a 29 px pitch, from 34%
 * of the card's width, the baseline at 87% of its height) in `font`, with sensor noise.
 */
function frame(text: string, font: string, rollDeg: number): Rgba {
  const glyphs = face(font);
  const guide = cardGuide(WIDTH, HEIGHT);
  const card = { w: guide.width * 0.9, h: guide.height * 0.9 };
  const centre = { x: WIDTH / 2, y: HEIGHT / 2 };
  const [gh, gw, pitch] = [27, 27 * (GLYPH_W / GLYPH_H), 29];
  const left = card.w * 0.34;
  const top = card.h * 0.87 - gh;
  const cos = Math.cos((rollDeg * Math.PI) / 180);
  const sin = Math.sin((rollDeg * Math.PI) / 180);
  const random = seeded(7);
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      // The frame's pixel in the card's own coordinates (0,0 its top left corner).
      const dx = x - centre.x;
      const dy = y - centre.y;
      const u = dx * cos + dy * sin + card.w / 2;
      const v = -dx * sin + dy * cos + card.h / 2;
      let grey = 60;
      if (u >= 0 && v >= 0 && u < card.w && v < card.h) {
        grey = 232;
        const k = Math.floor((u - left) / pitch);
        const char = text[k];
        const gu = ((u - left - k * pitch) / gw) * GLYPH_W;
        const gv = ((v - top) / gh) * GLYPH_H;
        const bitmap = char ? glyphs.get(char) : undefined;
        if (bitmap && gu >= 0 && gv >= 0 && gu < GLYPH_W && gv < GLYPH_H)
          grey -= 215 * (bitmap[Math.floor(gv) * GLYPH_W + Math.floor(gu)] ?? 0);
      }
      grey += (random() - 0.5) * 16;
      data.set([grey, grey, grey, 255], (y * WIDTH + x) * 4);
    }
  return { width: WIDTH, height: HEIGHT, data };
}

function turned(f: Rgba): Rgba {
  const data = new Uint8ClampedArray(f.data.length);
  const n = f.width * f.height;
  for (let i = 0; i < n; i++) data.set(f.data.subarray(i * 4, i * 4 + 4), (n - 1 - i) * 4);
  return { ...f, data };
}

// Drawn in Liberation Mono, read with the templates of every other face: the reader
// must not need the very font on the card.
const LIBERATION = '48px "Liberation Mono"';
const others = glyphTemplates((font) => !font.includes('Liberation Mono'));
const valid = (n: string) => checkCardNumber(n, Date.UTC(2026, 11, 8)).ok;

describe('readGlyphRow', () => {
  it('reads the 18 characters of a card turned a few degrees, in a face it has no template of', () => {
    const read = readGlyphRow(frame(ID, LIBERATION, 4), others, valid);
    expect(read?.text).toBe(ID);
    expect(read?.number).toBe(ID);
    expect(read?.upsideDown).toBe(false);
    expect(read?.guesses).toHaveLength(18);
    expect(read?.guesses[0]?.[0]?.score).toBeGreaterThan(read?.guesses[0]?.[1]?.score ?? 1);
  });

  it('reads a card held upside down from the top strip, turned', () => {
    const read = readGlyphRow(turned(frame(ID, LIBERATION, -3)), others, valid);
    expect(read?.text).toBe(ID);
    expect(read?.upsideDown).toBe(true);
  });

  it('reads the upright strip when the turned one, tried first, holds no number', () => {
    const read = readGlyphRow(frame(ID, LIBERATION, 0), others, valid, true);
    expect(read?.number).toBe(ID);
    expect(read?.upsideDown).toBe(false);
  });

  it('gives the row but no number when the row fails the check', () => {
    const wrong = `${ID.slice(0, 17)}0`;
    const read = readGlyphRow(frame(wrong, LIBERATION, 1), others, valid);
    expect(read?.text).toBe(wrong);
    expect(read?.number).toBeNull();
  });

  it('finds no number in a row of 19 digits (a bank card) or on a blank card', () => {
    expect(readGlyphRow(frame('6222021234567890123', LIBERATION, 2), others, valid)).toBeNull();
    expect(readGlyphRow(frame('', LIBERATION, 0), others, valid)).toBeNull();
  });
});
