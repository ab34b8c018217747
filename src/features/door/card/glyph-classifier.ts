/**
 * Names a glyph by its nearest template (glyph-templates.ts: 0–9 and X in several fonts,
 * made by `npm run make:glyphs`): each class scores its best normalised correlation over
 * the fonts, and the classes come back best first, so a caller sees how close the second
 * was. X is only ever the 18th character of an ID number, so only that place may be X.
 */
import { GLYPH_CLASSES } from './glyph-classes';
import { GLYPH_H, GLYPH_W, glyphShape } from './glyph-shape';
import { GLYPH_TEMPLATES } from './glyph-templates';

export interface Template {
  font: string;
  char: string;
  shape: Float32Array;
}

export interface GlyphGuess {
  char: string;
  score: number;
}

function decode(base64: string): Uint8Array {
  const raw = atob(base64);
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** The templates, optionally only the fonts `keep` accepts (the bench leaves OCR-B out). */
export function glyphTemplates(keep: (font: string) => boolean = () => true): Template[] {
  const size = GLYPH_W * GLYPH_H;
  return GLYPH_TEMPLATES.filter(([font]) => keep(font)).flatMap(([font, base64]) => {
    const bytes = decode(base64);
    return [...GLYPH_CLASSES].map((char, k) => ({
      font,
      char,
      shape: glyphShape(
        Float32Array.from(bytes.subarray(k * size, (k + 1) * size), (b) => b / 255),
      ),
    }));
  });
}

export function classifyGlyph(
  shape: Float32Array,
  templates: readonly Template[],
  mayBeX: boolean,
): GlyphGuess[] {
  const best = new Map<string, number>();
  for (const t of templates) {
    if (t.char === 'X' && !mayBeX) continue;
    let s = 0;
    for (let i = 0; i < shape.length; i++) s += (shape[i] ?? 0) * (t.shape[i] ?? 0);
    if (s > (best.get(t.char) ?? Number.NEGATIVE_INFINITY)) best.set(t.char, s);
  }
  return [...best].map(([char, score]) => ({ char, score })).sort((a, b) => b.score - a.score);
}
