/**
 * The door's camera: getUserMedia asked for what a door needs (src/domain/camera-setup.ts),
 * a <video> preview (mirrored for the front camera: people hold the phone the way they
 * see it), and a frame loop that reads the viewfinder's pixels itself, so the decode path
 * (frame-decoder.ts) can keep coloured modules dark and read the code's colour.
 *
 * It needs a BarcodeDetector (native, or the ZXing-C++ ponyfill: decoder-setup.ts); where
 * neither works, html5-qrcode's own zxing-js camera loop takes over (html5-engine.ts).
 */

import { cameraProblem } from '../../../domain/camera';
import {
  type CameraFacing,
  measureFrame,
  type TunableCapabilities,
  tuningFor,
  VIEWFINDER_SHARE,
  videoConstraints,
} from '../../../domain/camera-setup';
import {
  type CameraEngine,
  listCameras,
  type RunningCamera,
  type StartRequest,
} from './camera-engine';
import { CameraStartError, cameraPrecondition } from './camera-errors';
import { installedDetector } from './decoder-setup';
import { readFrame } from './frame-decoder';
import type { FrameDetector } from './frame-reading';
import { html5Engine } from './html5-engine';

/** Frames decoded per second at most; a slow decode only lowers it (never queues). */
const FPS = 10;
/** A quality sample every this many frames (for the guide's advice). */
const QUALITY_EVERY = 5;

async function openStream(request: StartRequest): Promise<MediaStream> {
  const ask = (deviceId: string | null) =>
    navigator.mediaDevices.getUserMedia({
      audio: false,
      video: videoConstraints(request.facing, deviceId),
    });
  try {
    return await ask(request.deviceId);
  } catch (first) {
    // A remembered camera that is gone: fall back to the chosen side once.
    if (!request.deviceId || cameraProblem(first) !== 'no-camera') {
      throw new CameraStartError(cameraProblem(first), first);
    }
    try {
      return await ask(null);
    } catch (second) {
      throw new CameraStartError(cameraProblem(second), second);
    }
  }
}

function capabilities(track: MediaStreamTrack): TunableCapabilities {
  try {
    return (track.getCapabilities?.() ?? {}) as TunableCapabilities;
  } catch {
    return {};
  }
}

/** The facing the browser reports, else the one asked for (desktop webcams report none). */
function facingOf(track: MediaStreamTrack, asked: CameraFacing): CameraFacing {
  const reported = track.getSettings().facingMode;
  return reported === 'user' || reported === 'environment' ? reported : asked;
}

/** The viewfinder's square, centred in the video frame. */
function viewfinderOf(video: HTMLVideoElement) {
  const side = Math.floor(Math.min(video.videoWidth, video.videoHeight) * VIEWFINDER_SHARE);
  return {
    x: Math.floor((video.videoWidth - side) / 2),
    y: Math.floor((video.videoHeight - side) / 2),
    side,
  };
}

function frameLoop(
  video: HTMLVideoElement,
  detector: FrameDetector,
  request: StartRequest,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frames = 0;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  const tick = async () => {
    if (stopped || !context) return;
    const started = performance.now();
    if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const { x, y, side } = viewfinderOf(video);
      if (canvas.width !== side) {
        canvas.width = side;
        canvas.height = side;
      }
      context.drawImage(video, x, y, side, side, 0, 0, side, side);
      const frame = context.getImageData(0, 0, side, side);
      if (frames++ % QUALITY_EVERY === 0) request.onFrame?.(measureFrame(frame));
      const outcome = await readFrame(detector, frame).catch(() => null);
      if (stopped) return;
      if (outcome?.kind === 'read') {
        const { reading } = outcome;
        request.onDecode(reading.text, `frame:${reading.pass}`, reading.colour);
      } else if (outcome?.kind === 'tie') request.onAmbiguous?.();
    }
    const spent = performance.now() - started;
    timer = setTimeout(() => void tick(), Math.max(0, 1000 / FPS - spent));
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function running(
  stream: MediaStream,
  video: HTMLVideoElement,
  stopLoop: () => void,
): Omit<RunningCamera, 'decoder'> {
  const [track] = stream.getVideoTracks();
  const torchSupported = track ? capabilities(track).torch === true : false;
  return {
    deviceId: track?.getSettings().deviceId ?? null,
    torchSupported,
    setTorch: async (on) => {
      if (torchSupported && track)
        await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    },
    cameras: listCameras,
    stop: async () => {
      stopLoop();
      for (const t of stream.getTracks()) t.stop();
      video.srcObject = null;
      video.remove();
    },
  };
}

export function frameEngine(): CameraEngine {
  const fallback = html5Engine();
  return {
    async start(request) {
      const precondition = cameraPrecondition(window);
      if (precondition) throw new CameraStartError(precondition);
      const installed = await installedDetector();
      if (!installed) return fallback.start(request);
      const { detector, kind } = installed;
      const stream = await openStream(request);
      const [track] = stream.getVideoTracks();
      const video = document.createElement('video');
      try {
        if (track) {
          const tuning = tuningFor(capabilities(track));
          if (tuning.length > 0)
            await track
              .applyConstraints({ advanced: tuning as MediaTrackConstraintSet[] })
              .catch(() => undefined);
        }
        video.muted = true;
        video.playsInline = true;
        video.className = 'viewfinder-feed';
        video.dataset.mirrored = String(track ? facingOf(track, request.facing) === 'user' : false);
        video.srcObject = stream;
        request.element.replaceChildren(video);
        await video.play();
      } catch (e) {
        for (const t of stream.getTracks()) t.stop();
        video.remove();
        throw new CameraStartError(cameraProblem(e), e);
      }
      return { decoder: kind, ...running(stream, video, frameLoop(video, detector, request)) };
    },
  };
}
