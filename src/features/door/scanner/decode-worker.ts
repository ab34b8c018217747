/// <reference lib="webworker" />
/**
 * The door's frame decoding, off the page's main thread (issue 31): on a slow tablet a
 * frame's passes take 100–300 ms, and on the main thread they delay the staff's taps
 * behind them. The page sends the viewfinder's square as an ImageBitmap (transferred, no
 * copy); here it is read into pixels, measured for the guide's advice when asked, and
 * decoded by the same path as on the main thread (frame-decoder.ts).
 */
import { measureFrame } from '../../../domain/camera-setup';
import type { FromDecodeWorker, ToDecodeWorker } from './decode-worker-protocol';
import { type DetectorClass, ponyfillDetectorClass, readsSelfTest } from './decoder-setup';
import { decodeFrame } from './frame-decoder';
import type { FrameDetector } from './frame-reading';

declare const self: DedicatedWorkerGlobalScope;

let detector: FrameDetector | null = null;
let canvas: OffscreenCanvas | null = null;

async function chooseDetector(): Promise<'native' | 'polyfill' | null> {
  const native: unknown = Reflect.get(self, 'BarcodeDetector');
  if (typeof native === 'function' && (await readsSelfTest(native as DetectorClass))) {
    detector = new (native as DetectorClass)({ formats: ['qr_code'] });
    return 'native';
  }
  const Ponyfill = (await ponyfillDetectorClass()) as unknown as DetectorClass;
  if (!(await readsSelfTest(Ponyfill))) return null;
  detector = new Ponyfill({ formats: ['qr_code'] });
  return 'polyfill';
}

function pixels(bitmap: ImageBitmap): ImageData | null {
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height)
    canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

const post = (message: FromDecodeWorker) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToDecodeWorker>) => {
  const message = event.data;
  if (message.kind === 'start') {
    const kind = await chooseDetector().catch(() => null);
    post({ kind: 'ready', detector: kind });
    return;
  }
  const { bitmap, id, measure } = message;
  try {
    const frame = pixels(bitmap);
    if (!frame || !detector) {
      post({ kind: 'frame', id, reading: null, quality: null });
      return;
    }
    const quality = measure ? measureFrame(frame) : null;
    const reading = await decodeFrame(detector, frame).catch(() => null);
    post({ kind: 'frame', id, reading, quality });
  } finally {
    bitmap.close();
  }
};
