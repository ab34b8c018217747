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
import { cameraPasses, type FrameOutcome, readFrame } from './frame-decoder';
import type { FrameDetector } from './frame-reading';
import { html5Engine } from './html5-engine';
import { type DecodeWorker, decodeWorker } from './worker-decoder';

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

/** Where a frame is decoded: in the worker (the main thread stays free for taps), or here. */
type Decoder = { worker: DecodeWorker } | { detector: FrameDetector };

function frameLoop(video: HTMLVideoElement, decoder: Decoder, request: StartRequest): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frames = 0;
  const canvas = 'detector' in decoder ? document.createElement('canvas') : null;
  const context = canvas?.getContext('2d', { willReadFrequently: true }) ?? null;

  /** One frame: what it gave, and its quality every QUALITY_EVERY frames. */
  const read = async (): Promise<FrameOutcome | null> => {
    const { x, y, side } = viewfinderOf(video);
    const measure = frames++ % QUALITY_EVERY === 0;
    if ('worker' in decoder) {
      // A VideoFrame references the camera's buffer; a bitmap (where there is no WebCodecs)
      // converts the pixels here.
      const image =
        typeof VideoFrame === 'function'
          ? new VideoFrame(video)
          : await createImageBitmap(video, x, y, side, side);
      const crop = image instanceof ImageBitmap ? { x: 0, y: 0, side } : { x, y, side };
      const { outcome, quality } = await decoder.worker.decode(image, crop, measure);
      if (quality) request.onFrame?.(quality);
      return outcome;
    }
    if (!canvas || !context) return null;
    if (canvas.width !== side) {
      canvas.width = side;
      canvas.height = side;
    }
    context.drawImage(video, x, y, side, side, 0, 0, side, side);
    const frame = context.getImageData(0, 0, side, side);
    if (measure) request.onFrame?.(measureFrame(frame));
    return readFrame(decoder.detector, frame, { passes: cameraPasses(frames) });
  };

  const tick = async () => {
    if (stopped) return;
    const started = performance.now();
    // Nothing to read while the step commits (its result comes first), or hidden.
    const paused = request.paused?.() === true || document.hidden;
    if (!paused && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const outcome = await read().catch(() => null);
      if (stopped) return;
      // Frames decoded so far, on the preview now and then (bench/tablet-run.ts reads it).
      if (frames % QUALITY_EVERY === 0) video.dataset.frames = String(frames);
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
      // The worker first: a main-thread detector would compile its .wasm here too.
      const worker = await decodeWorker();
      const installed = worker ? null : await installedDetector();
      let decoder: Decoder;
      let kind: 'native' | 'polyfill';
      if (worker) {
        decoder = { worker };
        kind = worker.detector;
      } else if (installed) {
        decoder = { detector: installed.detector };
        kind = installed.kind;
      } else return fallback.start(request);
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
      return { decoder: kind, ...running(stream, video, frameLoop(video, decoder, request)) };
    },
  };
}
