/**
 * Reads the ID number's strip off a camera frame with Tesseract (tesseract.js, in its
 * own Web Worker: the page only crops and scales). The strip is the bottom 40% of the
 * card guide; when it holds no number that `accept` takes, the top 40% turned 180° (a
 * card held upside down); the way that last read a number is tried first next time. Every file comes from the hall's server (`paths`): nothing is fetched
 * from anywhere else, and the trained data is Tesseract's `eng` 4.0.0 best_int, told to
 * see digits and X only.
 */
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { cardGuide } from './card-guide';
import { ocrNumberCandidates, wordsToLines } from './number-candidates';

export interface OcrPaths {
  workerPath: string;
  corePath: string;
  langPath: string;
}

export interface NumberFrameRead {
  /** ID-shaped tokens (not yet validated), in the order read. */
  candidates: string[];
  /** Tesseract's text of the strips tried, for the bench's misses. */
  text: string;
  upsideDown: boolean;
}

export interface OcrTuning {
  /** The strip's width after scaling, px (700: the digits about 19 px tall; 1,000 and 1,400 read no more, slower). */
  stripWidth: number;
  /** Tesseract's page segmentation: sparse text (11) or one block (6). */
  psm: PSM;
}

export const OCR_TUNING: OcrTuning = { stripWidth: 700, psm: PSM.SPARSE_TEXT };
const STRIP_SHARE = 0.4;

function strip(
  source: CanvasImageSource,
  frame: { width: number; height: number },
  upsideDown: boolean,
  stripWidth: number,
): OffscreenCanvas {
  const guide = cardGuide(frame.width, frame.height);
  const h = guide.height * STRIP_SHARE;
  const scale = stripWidth / guide.width;
  const canvas = new OffscreenCanvas(stripWidth, Math.round(h * scale));
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.filter = 'grayscale(1)';
  if (upsideDown) {
    ctx.translate(canvas.width, canvas.height);
    ctx.rotate(Math.PI);
  }
  const top = upsideDown ? guide.y : guide.y + guide.height - h;
  ctx.drawImage(source, guide.x, top, guide.width, h, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export interface NumberOcr {
  read(
    source: CanvasImageSource,
    frame: { width: number; height: number },
  ): Promise<NumberFrameRead>;
  close(): Promise<void>;
}

/** `accept`: whether a candidate is worth stopping for (the ID number's validation). */
export async function createNumberOcr(
  paths: OcrPaths,
  accept: (candidate: string) => boolean,
  tuning: OcrTuning = OCR_TUNING,
): Promise<NumberOcr> {
  const worker: Worker = await createWorker('eng', 1, {
    ...paths,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
  await worker.setParameters({
    tessedit_char_whitelist: '0123456789X',
    tessedit_pageseg_mode: tuning.psm,
  });
  const recognise = async (canvas: OffscreenCanvas) => {
    const { blocks } = (await worker.recognize(canvas, {}, { text: false, blocks: true })).data;
    const words = (blocks ?? []).flatMap((b) =>
      b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)),
    );
    return wordsToLines(words);
  };
  let turnedFirst = false;
  return {
    async read(source, frame) {
      const texts: string[] = [];
      for (const upsideDown of [turnedFirst, !turnedFirst]) {
        const text = await recognise(strip(source, frame, upsideDown, tuning.stripWidth));
        texts.push(text);
        const candidates = ocrNumberCandidates(text);
        if (candidates.some(accept)) {
          turnedFirst = upsideDown;
          return { candidates, text, upsideDown };
        }
      }
      return { candidates: [], text: texts.join('\n--- turned ---\n'), upsideDown: false };
    },
    async close() {
      await worker.terminate();
    },
  };
}
