/**
 * `npm run bench:card`, in Chromium (bench/card-run.ts starts it): the card corpus
 * (bench/card-corpus.ts) through the door's number reader (number-ocr.ts). Per sample,
 * the camera's frames one after another until a number is offered or FRAMES have been
 * read; a number is offered when two frames give the same valid number (validateIdNumber).
 * Per condition: number right / wrong number offered / nothing, ms per read, ms until
 * the offer (reads only; the frames' drawing is not counted).
 */
import { validateIdNumber } from '../src/domain/id-number';
import { createNumberOcr, type NumberOcr } from '../src/features/door/card/number-ocr';
import { CARD_CONDITIONS, type CardCondition, drawCardSample } from './card-corpus';
import { publishResult } from './page-result';
import { sized } from './size';
import { summarise } from './stats';

const params = new URLSearchParams(location.search);
const SAMPLES = Number(params.get('samples') ?? sized(20, 2));
const FRAMES = Number(params.get('frames') ?? 4);
const AGREE = 2;
const only = params.get('conditions')?.split(',');

export const OCR_PATHS = {
  workerPath: '/node_modules/tesseract.js/dist/worker.min.js',
  corePath: '/node_modules/tesseract.js-core/',
  langPath: '/node_modules/@tesseract.js-data/eng/4.0.0_best_int',
};

interface Outcome {
  offered: string | null;
  expected: string | null;
  readMs: number[];
  offerMs: number | null;
  misses: string[];
}

async function sample(ocr: NumberOcr, c: CardCondition, seed: number): Promise<Outcome> {
  const seen = new Map<string, number>();
  const readMs: number[] = [];
  const misses: string[] = [];
  let expected: string | null = null;
  for (let f = 0; f < FRAMES; f++) {
    const { frame, expected: e } = drawCardSample(c, seed, f);
    expected = e.idNumber;
    const bitmap = await createImageBitmap(frame);
    const t0 = performance.now();
    const read = await ocr.read(bitmap, frame);
    readMs.push(performance.now() - t0);
    bitmap.close();
    const valid = read.candidates.filter((n) => validateIdNumber(n).ok);
    if (!valid.length)
      misses.push(`${expected} ← ${read.text.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
    for (const n of valid) {
      const count = (seen.get(n) ?? 0) + 1;
      seen.set(n, count);
      if (count >= AGREE) {
        const offerMs = readMs.reduce((a, b) => a + b, 0);
        return { offered: n, expected, readMs, offerMs, misses };
      }
    }
  }
  return { offered: null, expected, readMs, offerMs: null, misses };
}

publishResult(async () => {
  const t0 = performance.now();
  const ocr = await createNumberOcr(OCR_PATHS, (n) => validateIdNumber(n).ok);
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
