import { MAX_PAYLOAD_LENGTH } from '../../../domain/codes/classify';

/**
 * Handheld scanners in keyboard ("wedge") mode type the payload and press Enter, a
 * whole code within a few tens of milliseconds; people type a key every 100 ms or
 * more, even fast typists rarely under 50 ms between keys. A burst is accepted as a
 * scan when every gap between its keys, and before the Enter, is at most `maxGapMs`,
 * and it is at least `minLength` characters long. A slower key starts a new burst.
 */
export interface WedgeOptions {
  maxGapMs: number;
  minLength: number;
  /** The buffer stops growing here; the domain rejects such a payload as oversized. */
  maxLength: number;
}

/** USB scanners send a key every 2–15 ms; Bluetooth ones up to ~35 ms. */
export const DEFAULT_WEDGE: WedgeOptions = {
  maxGapMs: 40,
  minLength: 4,
  maxLength: MAX_PAYLOAD_LENGTH + 1,
};

export interface WedgeDetector {
  /**
   * Feeds one key (KeyboardEvent.key) at a time in ms. Returns the scanned text when
   * this key is the Enter that ends a scanner burst, otherwise null.
   */
  key(key: string, at: number): string | null;
  reset(): void;
}

export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE): WedgeDetector {
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;

  return {
    key(key, at) {
      const fast = at - last <= options.maxGapMs;
      if (key === 'Enter') {
        const text = fast && buffer.length >= options.minLength ? buffer : null;
        buffer = '';
        last = Number.NEGATIVE_INFINITY;
        return text;
      }
      // Only printable characters belong to a payload; Shift and the like are ignored.
      if ([...key].length !== 1) return null;
      if (!fast) buffer = key;
      else if (buffer.length < options.maxLength) buffer += key;
      last = at;
      return null;
    },
    reset() {
      buffer = '';
      last = Number.NEGATIVE_INFINITY;
    },
  };
}
