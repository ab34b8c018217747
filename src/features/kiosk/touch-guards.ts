/**
 * Stops the stray gestures of a public touch screen: pinch-zoom, the long-press
 * context menu, text selection outside fields, dragging images and links. CSS does
 * most of it (.kiosk in kiosk.css); these listeners cover what CSS cannot.
 */
function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function blockStrayGestures(): () => void {
  const prevent = (e: Event) => e.preventDefault();
  const outsideFields = (e: Event) => {
    if (!isField(e.target)) e.preventDefault();
  };
  const pinch = (e: TouchEvent) => {
    if (e.touches.length > 1) e.preventDefault();
  };
  const zoomWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, {}],
    ['dragstart', prevent, {}],
    ['selectstart', outsideFields, {}],
    // Safari's own pinch events.
    ['gesturestart', prevent, {}],
    ['touchmove', pinch as EventListener, { passive: false }],
    ['wheel', zoomWheel as EventListener, { passive: false }],
  ];
  for (const [type, listener, options] of listeners) {
    document.addEventListener(type, listener, options);
  }
  return () => {
    for (const [type, listener] of listeners) document.removeEventListener(type, listener);
  };
}
