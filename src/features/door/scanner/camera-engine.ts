/**
 * What the scan panel needs from a camera: start it on an element with a decode
 * callback, then stop it, switch the torch, list the cameras. The real engine is
 * the door's frame engine (frame-engine.ts, loaded lazily), or html5-qrcode's own loop
 * (html5-engine.ts) where no BarcodeDetector works; tests give a fake one.
 */
import type { CameraFacing, FrameQuality } from '../../../domain/camera-setup';
import type { ColourReading } from '../../../domain/codes/code-colour';
import type { DecoderKind } from './decoder-setup';

export interface CameraDevice {
  id: string;
  label: string;
}

export interface StartRequest {
  element: HTMLElement;
  /** A remembered camera, or null for the camera on the `facing` side. */
  deviceId: string | null;
  facing: CameraFacing;
  /** `colour`: the code's colour read from the frame, where the engine reads pixels. */
  onDecode: (text: string, decoder: string, colour?: ColourReading) => void;
  /** Two codes in view too alike to choose between: nothing was read from that frame. */
  onAmbiguous?: () => void;
  /** A sample of the picture's quality now and then (for the guide's advice). */
  onFrame?: (quality: FrameQuality) => void;
  /** True while nothing should be decoded (the step is committing a tap). */
  paused?: () => boolean;
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

/** The tablet's cameras, for the Switch camera button (labels once permission is given). */
export async function listCameras(): Promise<CameraDevice[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `camera ${i + 1}` }));
}
