/// <reference lib="webworker" />
/**
 * The door's frame decoding, off the page's main thread (issue 31): on a slow tablet a
 * frame's passes take 100–300 ms, and on the main thread they delay the staff's taps
 * behind them. The page sends the camera's frame as a VideoFrame (transferred; it shares
 * the decoder's buffer, so the page converts no pixels: createImageBitmap on the page took
 * 45% of its main thread at 4× throttle); here the viewfinder's square is read into
 * pixels, measured for the guide's advice when asked, and
 * decoded by the same path as on the main thread (frame-decoder.ts).
 */
import { measureFrame } from '../../../domain/camera-setup';
import type { Crop, FromDecodeWorker, ToDecodeWorker } from './decode-worker-protocol';
import { type DetectorClass, ponyfillDetectorClass, readsSelfTest } from './decoder-setup';
import { cameraPasses, readFrame } from './frame-decoder';
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

function pixels(image: VideoFrame | ImageBitmap, { x, y, side }: Crop): ImageData | null {
  if (!canvas || canvas.width !== side) canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(image, x, y, side, side, 0, 0, side, side);
  return context.getImageData(0, 0, side, side);
}

const post = (message: FromDecodeWorker) => self.postMessage(message);
/** Frames read so far: which late pass the next one tries. */
let frames = 0;

self.onmessage = async (event: MessageEvent<ToDecodeWorker>) => {
  const message = event.data;
  if (message.kind === 'start') {
    const kind = await chooseDetector().catch(() => null);
    post({ kind: 'ready', detector: kind });
    return;
  }
  const { image, crop, id, measure } = message;
  try {
    const frame = pixels(image, crop);
    if (!frame || !detector) {
      post({ kind: 'frame', id, outcome: null, quality: null });
      return;
    }
    const quality = measure ? measureFrame(frame) : null;
    const outcome = await readFrame(detector, frame, { passes: cameraPasses(frames++) }).catch(
      () => null,
    );
    post({ kind: 'frame', id, outcome, quality });
  } finally {
    image.close();
  }
};
