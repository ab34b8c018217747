/**
 * What the scan panel needs from a camera: start it on an element with a decode
 * callback, then stop it, switch the torch, list the cameras. The real engine is
 * html5-qrcode (html5-engine.ts, loaded lazily); tests give a fake one.
 */
import type { DecoderKind } from './decoder-setup';

export interface CameraDevice {
  id: string;
  label: string;
}

export interface StartRequest {
  element: HTMLElement;
  /** A remembered camera, or null for the rear camera. */
  deviceId: string | null;
  onDecode: (text: string, decoder: string) => void;
}

export interface RunningCamera {
  readonly decoder: DecoderKind;
  /** The camera actually in use, when the browser says. */
  readonly deviceId: string | null;
  readonly torchSupported: boolean;
  setTorch(on: boolean): Promise<void>;
  cameras(): Promise<CameraDevice[]>;
  /** Stops the stream: every track ended, the element emptied. */
  stop(): Promise<void>;
}

export interface CameraEngine {
  start(request: StartRequest): Promise<RunningCamera>;
}
