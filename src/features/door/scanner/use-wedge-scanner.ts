import { useEffect, useRef } from 'react';
import { createWedgeDetector, DEFAULT_WEDGE, type WedgeOptions } from './wedge-detector';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    )
  );
}

/**
 * Listens for keyboard-wedge scans on the whole page while mounted, so no text field
 * needs focus. Keys typed into a text field belong to that field and are left alone.
 * The Enter that ends a scan is swallowed: it must not also press the focused button.
 */
export function useWedgeScanner(
  onScan: (text: string) => void,
  options: WedgeOptions = DEFAULT_WEDGE,
): void {
  const latest = useRef(onScan);
  latest.current = onScan;

  useEffect(() => {
    const detector = createWedgeDetector(options);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey || isTextField(e.target)) {
        detector.reset();
        return;
      }
      const text = detector.key(e.key, performance.now());
      if (text === null) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current(text);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [options]);
}
