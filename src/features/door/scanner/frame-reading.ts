/**
 * What the door's own frame path (frame-decoder.ts) reads from one camera frame or still
 * image: the code's text, where it lies in the frame, and the colour of its modules as
 * the pure rule in src/domain/codes/code-colour.ts classified it.
 */
import type { ColourReading } from '../../../domain/codes/code-colour';

export interface FramePoint {
  x: number;
  y: number;
}

/**
 * Which of the decode path's passes read the code (for the benchmark and the log). No
 * plain-grey pass: on the public corpus it read nothing the two passes miss. No inverted
 * one: the ponyfill already tries inverted codes.
 */
export type DecodePass =
  | 'min-channel'
  | 'max-channel'
  | 'zoom'
  | 'local-contrast'
  | 'global-threshold'
  | 'global-threshold-half'
  | 'sharpen';

export interface FrameReading {
  text: string;
  /** The code's four corners in the frame's own pixels, clockwise from top-left. */
  corners: readonly FramePoint[];
  pass: DecodePass;
  colour: ColourReading;
}

/** The part of BarcodeDetector (native or the ZXing-C++ ponyfill) the frame path uses. */
export interface FrameDetector {
  detect(image: ImageData): Promise<{ rawValue: string; cornerPoints: readonly FramePoint[] }[]>;
}
