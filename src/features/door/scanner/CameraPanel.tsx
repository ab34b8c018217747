import { Camera, Flashlight, FlashlightOff, RefreshCw, SwitchCamera } from 'lucide-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCameraId, loadSettings, saveCameraId } from '../../../db/settings';
import {
  type CameraAdvice,
  cameraAdvice,
  DEFAULT_FACING,
  type FrameQuality,
  TIE_WINDOW_MS,
} from '../../../domain/camera-setup';
import type { ColourReading } from '../../../domain/codes/code-colour';
import { reportCameraFailure, reportCameraWorking } from '../../../services/health/health-store';
import { afterPaint } from '../../../ui/after-paint';
import { Button } from '../../../ui/Button';
import { useDoorStore } from '../door-store';
import type { CameraDevice, RunningCamera } from './camera-engine';
import { CameraSession, type SessionState } from './camera-session';
import { useCameraEngine } from './engine-context';

/**
 * A phone shows the same code for many frames: a code is read once while it stays in
 * view, and again only after it has been out of view this long.
 */
const REPEAT_MS = 2500;
/** The guide's advice is weighed on this many recent quality samples (about 2.5 s). */
const QUALITY_WINDOW = 5;

/**
 * The camera of a scan step (./ScanPanel): the viewfinder, started when the step opens and
 * stopped when it closes. Camera failures are shown in words with what to do; the step's
 * buttons around it keep working.
 */
export function CameraPanel({
  title,
  onScan,
  children,
}: {
  title: string;
  onScan: (text: string, colour?: ColourReading) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const engine = useCameraEngine();
  const [advice, setAdvice] = useState<CameraAdvice | null>(null);
  const seen = useRef({
    readAt: performance.now(),
    recent: [] as FrameQuality[],
    /** When frames with two codes too alike to choose came (cleared by a read). */
    ties: [] as number[],
  });
  const viewfinder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<SessionState>({ status: 'idle' });
  const [decoder, setDecoder] = useState('');
  // Keyed by camera: a camera that starts again starts with its torch off.
  const [torchOf, setTorchOf] = useState<RunningCamera | null>(null);
  const [cameras, setCameras] = useState<CameraDevice[]>([]);
  const latest = useRef(onScan);
  latest.current = onScan;
  // Stopped once the next step is painted (stopping the tracks and removing the video
  // took ~10 ms of a tap at 4× CPU); until then no frame is decoded or handed on.
  // StrictMode's unmount and mount again in one go cancels the close.
  const closing = useRef<(() => void) | null>(null);

  const [session] = useState(() => {
    let last = { text: '', at: 0 };
    return new CameraSession(
      engine,
      async () => ({
        element: viewfinder.current ?? document.createElement('div'),
        deviceId: await loadCameraId().catch(() => null),
        // Read at each start: the side is chosen in settings, another screen.
        facing: await loadSettings().then(
          (s) => s.cameraFacing,
          () => DEFAULT_FACING,
        ),
        onDecode: (text, name, colour) => {
          const now = performance.now();
          seen.current.readAt = now;
          seen.current.ties = [];
          const repeated = text === last.text && now - last.at < REPEAT_MS;
          last = { text, at: now };
          if (repeated || closing.current) return;
          setDecoder(name);
          latest.current(text, colour);
        },
        // A tap's write goes first: no frame is decoded while the step commits.
        paused: () => useDoorStore.getState().saving || closing.current !== null,
        onAmbiguous: () => {
          const now = performance.now();
          seen.current.ties = [...seen.current.ties.filter((t) => now - t < TIE_WINDOW_MS), now];
        },
        onFrame: (quality) => {
          const { recent } = seen.current;
          recent.push(quality);
          if (recent.length > QUALITY_WINDOW) recent.shift();
        },
      }),
      setState,
    );
  });

  useEffect(() => {
    closing.current?.();
    closing.current = null;
    session.open();
    return () => {
      closing.current = afterPaint(() => session.close());
    };
  }, [session]);

  // What to tell staff when nothing has been read for a few seconds (camera-setup.ts).
  useEffect(() => {
    if (state.status !== 'running') {
      setAdvice(null);
      return;
    }
    seen.current = { readAt: performance.now(), recent: [], ties: [] };
    const timer = setInterval(() => {
      const { readAt, recent, ties } = seen.current;
      const now = performance.now();
      const recentTies = ties.filter((t) => now - t < TIE_WINDOW_MS).length;
      setAdvice(cameraAdvice(now - readAt, recent, recentTies));
    }, 500);
    return () => clearInterval(timer);
  }, [state]);

  // The top bar's device health shows (and the log records) a camera that fails here.
  useEffect(() => {
    if (state.status === 'failed') reportCameraFailure(state.problem);
    else if (state.status === 'running') reportCameraWorking();
  }, [state]);

  useEffect(() => {
    if (state.status !== 'running') return;
    let live = true;
    state.camera.cameras().then(
      (list) => live && setCameras(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [state]);

  const running = state.status === 'running' ? state.camera : null;
  const torch = running !== null && torchOf === running;
  const switchCamera = async () => {
    if (!running || cameras.length < 2) return;
    const at = cameras.findIndex((c) => c.id === running.deviceId);
    const next = cameras[(at + 1) % cameras.length];
    if (!next) return;
    await saveCameraId(next.id).catch(() => undefined);
    session.reopen();
  };
  const toggleTorch = async () => {
    if (!running) return;
    await running.setTorch(!torch).then(
      () => setTorchOf(torch ? null : running),
      () => undefined,
    );
  };

  return (
    <section
      className="scan-panel"
      aria-label={title}
      data-testid="scan-panel"
      data-camera={state.status}
      data-decoder={decoder}
      data-engine={running?.decoder ?? ''}
    >
      <h3 className="scan-title">
        <Camera aria-hidden /> {title}
      </h3>
      <div className="viewfinder">
        {/* The camera engine owns this element's children: React renders none into it. */}
        <div className="viewfinder-video" ref={viewfinder} />
        {running && <div className="viewfinder-box" aria-hidden />}
        {state.status === 'starting' && <p className="viewfinder-note">{t('scanner.starting')}</p>}
        {advice && (
          <p
            className="viewfinder-advice"
            role="status"
            data-testid="camera-advice"
            data-advice={advice}
          >
            {t(`scanner.advice.${advice}`)}
          </p>
        )}
      </div>
      {state.status === 'failed' && (
        <div className="notice notice-warn scan-problem" role="alert">
          <p>{t(`scanner.problems.${state.problem}`)}</p>
          {state.problem !== 'insecure' && state.problem !== 'unsupported' && (
            <Button onClick={() => session.reopen()}>
              <RefreshCw aria-hidden /> {t('scanner.retry')}
            </Button>
          )}
        </div>
      )}
      {running && (running.torchSupported || cameras.length > 1) && (
        <div className="scan-tools">
          {running.torchSupported && (
            <Button aria-pressed={torch} onClick={() => toggleTorch()}>
              {torch ? <FlashlightOff aria-hidden /> : <Flashlight aria-hidden />}
              {t(torch ? 'scanner.torchOff' : 'scanner.torchOn')}
            </Button>
          )}
          {cameras.length > 1 && (
            <Button onClick={() => switchCamera()}>
              <SwitchCamera aria-hidden /> {t('scanner.switchCamera')}
            </Button>
          )}
        </div>
      )}
      <p className="hint">{t('scanner.hint')}</p>
      {children}
    </section>
  );
}
