/**
 * Stops the stray gestures of a public touch screen: pinch-zoom, the long-press
 * context menu, text selection outside fields, dragging images and links. CSS does
 * most of it (.kiosk in kiosk.css); these listeners cover what CSS cannot.
 */
function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function blockStrayGestures(): () => void {
  const stop = new AbortController();
  const { signal } = stop;
  const prevent = (e: Event) => e.preventDefault();
  document.addEventListener('contextmenu', prevent, { signal });
  document.addEventListener('dragstart', prevent, { signal });
  // Safari's own pinch events.
  document.addEventListener('gesturestart', prevent, { signal });
  document.addEventListener(
    'selectstart',
    (e) => {
      if (!isField(e.target)) e.preventDefault();
    },
    { signal },
  );
  document.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    { passive: false, signal },
  );
  document.addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey) e.preventDefault();
    },
    { passive: false, signal },
  );
  return () => stop.abort();
}
