/** The messages between the frame loop and its decoding worker (decode-worker.ts). */
import type { FrameQuality } from '../../../domain/camera-setup';
import type { FrameOutcome } from './frame-decoder';

/** The viewfinder's square within the frame sent, in the frame's pixels. */
export interface Crop {
  x: number;
  y: number;
  side: number;
}

export type ToDecodeWorker =
  | { kind: 'start' }
  /** `image`: the camera frame (a VideoFrame shares its buffer; no copy on the page). */
  | { kind: 'frame'; id: number; image: VideoFrame | ImageBitmap; crop: Crop; measure: boolean };

export type FromDecodeWorker =
  /** `detector`: what decodes there, or null where none works in a worker. */
  | { kind: 'ready'; detector: 'native' | 'polyfill' | null }
  | { kind: 'frame'; id: number; outcome: FrameOutcome | null; quality: FrameQuality | null };
