/**
 * The real camera: html5-qrcode's `Html5Qrcode` class (not its ready-made UI), with the
 * decoder chosen by decoder-setup.ts. Loaded lazily with the scan step, so neither
 * html5-qrcode nor the ZXing .wasm weighs on the app's start.
 */
import type { Html5Qrcode, Html5QrcodeCameraScanConfig } from 'html5-qrcode';
import { cameraProblem } from '../../../domain/camera';
import { VIEWFINDER_SHARE } from '../../../domain/camera-setup';
import {
  type CameraEngine,
  listCameras,
  type RunningCamera,
  type StartRequest,
} from './camera-engine';
import { CameraStartError, cameraPrecondition } from './camera-errors';
import type { DecoderKind } from './decoder-setup';
import { createReader, type DecoderChoice } from './html5-reader';

export interface Html5EngineOptions {
  /** 'zxing-js' forces html5-qrcode's own decoder (for the benchmark). */
  decoder?: DecoderChoice;
}

/** Frames decoded per second: quick enough, and light on a cheap tablet's CPU. */
const FPS = 12;

function scanConfig(): Html5QrcodeCameraScanConfig {
  return {
    fps: FPS,
    qrbox: (width, height) => {
      const side = Math.max(50, Math.floor(Math.min(width, height) * VIEWFINDER_SHARE));
      return { width: side, height: side };
    },
  };
}

function running(reader: Html5Qrcode, decoder: DecoderKind): RunningCamera {
  let torch: ReturnType<
    ReturnType<Html5Qrcode['getRunningTrackCameraCapabilities']>['torchFeature']
  >;
  let torchSupported = false;
  try {
    torch = reader.getRunningTrackCameraCapabilities().torchFeature();
    torchSupported = torch.isSupported();
  } catch {
    torchSupported = false;
  }
  let deviceId: string | null = null;
  try {
    deviceId = reader.getRunningTrackSettings().deviceId ?? null;
  } catch {
    deviceId = null;
  }
  return {
    decoder,
    deviceId,
    torchSupported,
    setTorch: (on) => (torchSupported ? torch.apply(on) : Promise.resolve()),
    cameras: listCameras,
    stop: async () => {
      // Not `reader.isScanning`: html5-qrcode sets it only once the video plays, which
      // can be after start() resolved; a camera closed before then would stay on.
      await reader.stop();
      reader.clear();
    },
  };
}

export function html5Engine(options: Html5EngineOptions = {}): CameraEngine {
  return {
    async start({ element, deviceId, facing, onDecode }: StartRequest) {
      const precondition = cameraPrecondition(window);
      if (precondition) throw new CameraStartError(precondition);
      const { reader, decoder } = await createReader(element, options.decoder);
      const config = scanConfig();
      const success = (
        text: string,
        result: { result: { debugData?: { decoderName?: string } } },
      ) => onDecode(text, result.result.debugData?.decoderName ?? 'unknown');
      const side = { facingMode: facing };
      try {
        await reader.start(deviceId ?? side, config, success, undefined);
      } catch (first) {
        // A remembered camera that is gone: fall back to the chosen side once.
        if (!deviceId || cameraProblem(first) !== 'no-camera') {
          throw new CameraStartError(cameraProblem(first), first);
        }
        try {
          await reader.start(side, config, success, undefined);
        } catch (second) {
          throw new CameraStartError(cameraProblem(second), second);
        }
      }
      return running(reader, decoder);
    },
  };
}
