import { useEffect, useState } from 'react';

/** A hidden page paints no frame: past this, what waits for the paint runs anyway. */
const NO_FRAME_MS = 250;

/** Runs `then` once the frame being prepared has been painted (a task after its frame). */
export function afterPaint(then: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    then();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fallback = setTimeout(once, NO_FRAME_MS);
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          timer = setTimeout(once, 0);
        })
      : undefined;
  return () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * False on the first render when `wait`, true from the task after that render's frame is
 * painted: for a part of the screen that may follow the answer to a tap by a frame, so
 * the answer is painted without waiting for it (issue 31: at 4× CPU the booking list,
 * its live queries and the camera's start doubled the time to the verdict).
 */
export function usePaintedFirst(wait: boolean): boolean {
  const [ready, setReady] = useState(!wait);
  useEffect(() => (ready ? undefined : afterPaint(() => setReady(true))), [ready]);
  return ready;
}
