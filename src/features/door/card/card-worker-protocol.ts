/** The messages between the identity step's card loop and its reading worker (card-worker.ts). */
import type { Rect } from './card-guide';

export interface ToCardWorker {
  id: number;
  /** The camera frame (a VideoFrame shares the camera's buffer), closed in the worker. */
  image: VideoFrame | ImageBitmap;
  /** The card guide within `image`, in its pixels. */
  guide: Rect;
}

/** `idNumber`: a number that passed the checks on this frame alone, else null. */
export interface FromCardWorker {
  id: number;
  idNumber: string | null;
}
