/** The messages between the frame loop and its decoding worker (decode-worker.ts). */
import type { FrameQuality } from '../../../domain/camera-setup';
import type { FrameReading } from './frame-reading';

export type ToDecodeWorker =
  | { kind: 'start' }
  | { kind: 'frame'; id: number; bitmap: ImageBitmap; measure: boolean };

export type FromDecodeWorker =
  /** `detector`: what decodes there, or null where none works in a worker. */
  | { kind: 'ready'; detector: 'native' | 'polyfill' | null }
  | { kind: 'frame'; id: number; reading: FrameReading | null; quality: FrameQuality | null };
