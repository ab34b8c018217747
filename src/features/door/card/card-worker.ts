/// <reference lib="webworker" />
/**
 * The card's number read off camera frames away from the page's main thread: a frame's
 * read is tens of milliseconds at 1× (more on a slow tablet), which would delay the
 * staff's taps. Only the guide's crop is turned into pixels, and nothing is kept: each
 * frame is closed once read, and only the number (or null) goes back.
 */
import { checkCardNumber } from '../../../domain/card-read';
import type { FromCardWorker, ToCardWorker } from './card-worker-protocol';
import { glyphTemplates } from './glyph-classifier';
import { readGlyphRow } from './glyph-reader';

declare const self: DedicatedWorkerGlobalScope;

const templates = glyphTemplates();
let canvas: OffscreenCanvas | null = null;
/** The way the last card read was held: tried first on the next frame. */
let turnedFirst = false;

function guidePixels(
  image: VideoFrame | ImageBitmap,
  { x, y, width, height }: ToCardWorker['guide'],
) {
  if (!canvas || canvas.width !== width || canvas.height !== height)
    canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(image, x, y, width, height, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

const valid = (candidate: string) => checkCardNumber(candidate, Date.now()).ok;

self.onmessage = (event: MessageEvent<ToCardWorker>) => {
  const { id, image, guide } = event.data;
  let idNumber: string | null = null;
  try {
    const frame = guidePixels(image, guide);
    if (frame) {
      const whole = { x: 0, y: 0, width: frame.width, height: frame.height };
      const read = readGlyphRow(frame, templates, valid, turnedFirst, whole);
      if (read?.number) {
        turnedFirst = read.upsideDown;
        idNumber = read.number;
      }
    }
  } finally {
    image.close();
  }
  self.postMessage({ id, idNumber } satisfies FromCardWorker);
};
