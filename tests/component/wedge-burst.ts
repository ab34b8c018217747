import { fireEvent } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Keys as a keyboard-wedge device sends them (a code scanner, a card reader, a
 * thermometer), `gapMs` apart by the page's clock, then Enter. The clock is the test's
 * for the burst: on a loaded machine a pause between two synchronous events (a render
 * flushed, a garbage collection) can exceed the detector's 40 ms, and the burst would read
 * as a person typing.
 */
export function wedgeBurst(text: string, gapMs = 1) {
  let at = performance.now();
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => at);
  try {
    for (const key of [...text, 'Enter']) {
      at += gapMs;
      fireEvent.keyDown(document.body, { key });
    }
  } finally {
    clock.mockRestore();
  }
}
