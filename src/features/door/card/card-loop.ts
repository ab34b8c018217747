/**
 * The identity step's card view on the door's camera: a few frames a second, each
 * handed to the card worker (card-worker.ts) with the guide's place in it, each answer
 * given to `onRead` (a number that passed the checks on that frame, or null). The
 * frame loop of the scan steps is not run meanwhile: no code is decoded at this step.
 */

import { cardGuide } from './card-guide';
import type { FromCardWorker, ToCardWorker } from './card-worker-protocol';

/** Frames read per second at most (2–4 is enough: three agreeing frames offer a number). */
export const CARD_FPS = 3;

type ReadCard = (
  image: VideoFrame | ImageBitmap,
  guide: ToCardWorker['guide'],
) => Promise<string | null>;

function startWorker(): ReadCard | null {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./card-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const waiting = new Map<number, (idNumber: string | null) => void>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<FromCardWorker>) => {
    waiting.get(event.data.id)?.(event.data.idNumber);
    waiting.delete(event.data.id);
  };
  worker.onerror = () => {
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
  };
  return (image, guide) =>
    new Promise((answer) => {
      const id = nextId++;
      waiting.set(id, answer);
      worker.postMessage({ id, image, guide } satisfies ToCardWorker, [image]);
    });
}

let reader: ReadCard | null | undefined;

/** Starts reading the video's frames; returns the function that stops it. */
export function cardLoop(
  video: HTMLVideoElement,
  onRead: (idNumber: string | null) => void,
  paused: () => boolean,
): () => void {
  reader ??= startWorker();
  const read = reader;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped || !read) return;
    const started = performance.now();
    if (
      !paused() &&
      !document.hidden &&
      video.readyState >= video.HAVE_CURRENT_DATA &&
      video.videoWidth > 0
    ) {
      const guide = cardGuide(video.videoWidth, video.videoHeight);
      const idNumber = await frameOf(video, guide)
        .then(({ image, crop }) => read(image, crop))
        .catch(() => null);
      if (stopped) return;
      onRead(idNumber);
    }
    const spent = performance.now() - started;
    timer = setTimeout(() => void tick(), Math.max(0, 1000 / CARD_FPS - spent));
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The frame to send, and the guide within it: a VideoFrame whole, or a bitmap of the guide alone. */
async function frameOf(video: HTMLVideoElement, guide: ToCardWorker['guide']) {
  if (typeof VideoFrame === 'function') return { image: new VideoFrame(video), crop: guide };
  const image = await createImageBitmap(video, guide.x, guide.y, guide.width, guide.height);
  return { image, crop: { x: 0, y: 0, width: guide.width, height: guide.height } };
}
