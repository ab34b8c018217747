/**
 * `npm run bench:card`, in Chromium (bench/card-run.ts starts it): the card corpus
 * (bench/card-corpus.ts) through the door's number reader (number-ocr.ts). Per sample,
 * the camera's frames one after another until a number is offered or FRAMES have been
 * read; a number is offered as the identity step offers it (offerCardNumber: three
 * frames agree on a number that passes checkCardNumber, no other valid number seen).
 * Per condition: number right / wrong number offered / nothing, ms per read, ms until
 * the offer (reads only; the frames' drawing is not counted).
 */
import { type CardRead, checkCardNumber, offerCardNumber } from '../src/domain/card-read';
import { glyphTemplates } from '../src/features/door/card/glyph-classifier';
import { readGlyphRow } from '../src/features/door/card/glyph-reader';
import { createNumberOcr, OCR_TUNING } from '../src/features/door/card/number-ocr';
import { CARD_CONDITIONS, type CardCondition, drawCardSample } from './card-corpus';
import { publishResult } from './page-result';
import { sized } from './size';
import { summarise } from './stats';

const params = new URLSearchParams(location.search);
const SAMPLES = Number(params.get('samples') ?? sized(20, 2));
const FRAMES = Number(params.get('frames') ?? 6);
const tuning = {
  stripWidth: Number(params.get('stripWidth') ?? OCR_TUNING.stripWidth),
  psm: (params.get('psm') ?? OCR_TUNING.psm) as typeof OCR_TUNING.psm,
};
const model = params.get('model') ?? '4.0.0_best_int';
// reader=tesseract: Tesseract (number-ocr.ts); else the glyph reader (glyph-reader.ts),
// fonts=no-ocrb: its templates without OCR-B (the card's own font left out).
const reader = params.get('reader') ?? 'glyphs';
const withoutOcrB = params.get('fonts') === 'no-ocrb';
const only = params.get('conditions')?.split(',');

export const OCR_PATHS = {
  workerPath: '/node_modules/tesseract.js/dist/worker.min.js',
  corePath: '/node_modules/tesseract.js-core/',
  langPath: `/node_modules/@tesseract.js-data/eng/${model}`,
};

interface Outcome {
  offered: string | null;
  expected: string | null;
  readMs: number[];
  offerMs: number | null;
  misses: string[];
}

interface FrameReader {
  read(frame: ImageData): Promise<{ candidates: string[]; text: string }>;
  close(): Promise<void>;
}

const validNow = (n: string) => checkCardNumber(n, Date.now()).ok;

async function frameReader(): Promise<FrameReader> {
  if (reader === 'tesseract') {
    const ocr = await createNumberOcr(OCR_PATHS, validNow, tuning);
    return {
      async read(frame) {
        const bitmap = await createImageBitmap(frame);
        const read = await ocr.read(bitmap, frame);
        bitmap.close();
        return read;
      },
      close: () => ocr.close(),
    };
  }
  const templates = glyphTemplates((font) => !withoutOcrB || !font.includes('OCR B'));
  let turnedFirst = false;
  return {
    async read(frame) {
      const read = readGlyphRow(frame, templates, validNow, turnedFirst);
      if (read?.number) turnedFirst = read.upsideDown;
      return {
        candidates: read?.number ? [read.number] : [],
        text: read?.text ?? '(no row)',
      };
    },
    close: async () => {},
  };
}

async function sample(ocr: FrameReader, c: CardCondition, seed: number): Promise<Outcome> {
  const reads: CardRead[] = [];
  const readMs: number[] = [];
  const misses: string[] = [];
  let expected: string | null = null;
  for (let f = 0; f < FRAMES; f++) {
    const { frame, expected: e } = drawCardSample(c, seed, f);
    expected = e.idNumber;
    // The glyph reader is synchronous: let the page breathe between frames.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const t0 = performance.now();
    const read = await ocr.read(frame);
    readMs.push(performance.now() - t0);
    const valid = read.candidates.filter((n) => checkCardNumber(n, Date.now()).ok);
    if (!valid.length)
      misses.push(`${expected} ← ${read.text.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
    for (const idNumber of valid) reads.push({ idNumber, source: 'camera' });
    const offer = offerCardNumber(reads, Date.now());
    if (offer) {
      const offerMs = readMs.reduce((a, b) => a + b, 0);
      return { offered: offer.idNumber, expected, readMs, offerMs, misses };
    }
  }
  return { offered: null, expected, readMs, offerMs: null, misses };
}

publishResult(async () => {
  const t0 = performance.now();
  const ocr = await frameReader();
  const loadMs = Math.round(performance.now() - t0);
  const table: Record<string, unknown> = {};
  const examples: Record<string, string[]> = {};
  const conditions = CARD_CONDITIONS.filter((c) => !only || only.includes(c.name));
  for (const [ci, c] of conditions.entries()) {
    const outcomes: Outcome[] = [];
    for (let s = 0; s < SAMPLES; s++) outcomes.push(await sample(ocr, c, 1000 * ci + s + 1));
    const right = outcomes.filter((o) => o.offered !== null && o.offered === o.expected).length;
    const wrong = outcomes.filter((o) => o.offered !== null && o.offered !== o.expected).length;
    const reads = summarise(outcomes.flatMap((o) => o.readMs));
    const offers = summarise(outcomes.flatMap((o) => (o.offerMs === null ? [] : [o.offerMs])));
    table[c.name] = {
      n: SAMPLES,
      'number right': right,
      'wrong offered': wrong,
      nothing: SAMPLES - right - wrong,
      'reads median ms': Math.round(reads.median),
      'reads p95 ms': Math.round(reads.p95),
      'to offer median ms': Math.round(offers.median),
      'to offer max ms': Math.round(offers.max),
    };
    examples[c.name] = outcomes.flatMap((o) => o.misses).slice(0, 3);
  }
  await ocr.close();
  return { loadMs, table, examples };
});
