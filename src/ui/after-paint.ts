import { useEffect, useState } from 'react';

/** Runs `then` once the frame being prepared has been painted (a task after its frame). */
export function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(then, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
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
