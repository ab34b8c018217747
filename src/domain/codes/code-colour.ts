/**
 * The colour of a health code's modules, read from a camera frame: green, yellow, red,
 * or black (a plain code of an unknown issuer). Offered to staff for one confirming tap,
 * never decided alone; `null` when the pixels do not tell it with a margin.
 * (Implementation: see the issue-20 brief; this file is the contract.)
 */
export type SeenColour = 'green' | 'yellow' | 'red' | 'black';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface ColourReading {
  colour: SeenColour | null;
  /** How far the reading is from the nearest other class (0: on a boundary). */
  margin: number;
}

export const SEEN_COLOURS: readonly SeenColour[] = ['green', 'yellow', 'red', 'black'];
