/**
 * The page's side of the decoding worker (decode-worker.ts): started once, on the first
 * camera, and kept for the next ones (its detector's WebAssembly compiles once). Where a
 * worker cannot decode (no module workers, no OffscreenCanvas, the .wasm refused), the
 * frame engine decodes on the main thread as before.
 */
import type { FrameQuality } from '../../../domain/camera-setup';
import type { Crop, FromDecodeWorker, ToDecodeWorker } from './decode-worker-protocol';
import type { FrameOutcome } from './frame-decoder';

/** A detector that never answers is taken for none. */
const READY_TIMEOUT_MS = 10_000;

export interface DecodeWorker {
  readonly detector: 'native' | 'polyfill';
  /** Decodes the crop of the image (handed over, closed there); `measure`: its quality too. */
  decode(
    image: VideoFrame | ImageBitmap,
    crop: Crop,
    measure: boolean,
  ): Promise<{ outcome: FrameOutcome | null; quality: FrameQuality | null }>;
}

function start(): Promise<DecodeWorker | null> {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function')
    return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  const waiting = new Map<
    number,
    (answer: { outcome: FrameOutcome | null; quality: FrameQuality | null }) => void
  >();
  let nextId = 1;
  const send = (message: ToDecodeWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);

  return new Promise((resolve) => {
    const give = (value: DecodeWorker | null) => {
      clearTimeout(timer);
      if (!value) worker.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => give(null), READY_TIMEOUT_MS);
    worker.onerror = () => {
      give(null);
      for (const answer of waiting.values()) answer({ outcome: null, quality: null });
      waiting.clear();
    };
    worker.onmessage = (event: MessageEvent<FromDecodeWorker>) => {
      const message = event.data;
      if (message.kind === 'frame') {
        waiting.get(message.id)?.({ outcome: message.outcome, quality: message.quality });
        waiting.delete(message.id);
        return;
      }
      const { detector } = message;
      if (!detector) {
        give(null);
        return;
      }
      give({
        detector,
        decode: (image, crop, measure) =>
          new Promise((answer) => {
            const id = nextId++;
            waiting.set(id, answer);
            send({ kind: 'frame', id, image, crop, measure }, [image]);
          }),
      });
    };
    send({ kind: 'start' });
  });
}

let started: Promise<DecodeWorker | null> | undefined;

/** The decoding worker, started on first use; null where none can decode. */
export function decodeWorker(): Promise<DecodeWorker | null> {
  started ??= start();
  return started;
}
