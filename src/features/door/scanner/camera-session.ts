/**
 * One scan step's camera, safe against the races React produces: StrictMode mounts,
 * unmounts and mounts again in one go; a step can close while the camera is still
 * starting (the permission prompt is open); the staff can switch cameras mid-start.
 *
 * Callers only say what they want (open / close / reopen). The session does one thing
 * at a time and, after each, compares what is wanted with what is running, so a stop
 * requested during a start is carried out as soon as the start returns, and a quick
 * close-then-open (StrictMode) never starts the camera twice: requests are coalesced
 * to the end of the current microtask.
 */

import { type CameraProblem, cameraProblem } from '../../../domain/camera';
import type { CameraEngine, RunningCamera, StartRequest } from './camera-engine';
import { CameraStartError } from './camera-errors';

export type SessionState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running'; camera: RunningCamera }
  | { status: 'failed'; problem: CameraProblem };

export class CameraSession {
  private wanted = false;
  private stale = false;
  private camera: RunningCamera | null = null;
  private work: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly engine: CameraEngine,
    private readonly request: () => StartRequest | Promise<StartRequest>,
    private readonly onState: (state: SessionState) => void,
  ) {}

  open(): void {
    this.wanted = true;
    this.schedule();
  }

  close(): void {
    this.wanted = false;
    this.schedule();
  }

  /** Starts again with a fresh request (another camera), or retries after a failure. */
  reopen(): void {
    this.wanted = true;
    this.stale = true;
    this.schedule();
  }

  /** Resolves once nothing is starting or stopping (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.scheduled || this.work) {
      await (this.work ?? Promise.resolve());
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.work ??= this.settle().finally(() => {
        this.work = null;
        if (this.needsWork()) this.schedule();
      });
    });
  }

  private needsWork(): boolean {
    return this.wanted ? !this.camera || this.stale : this.camera !== null;
  }

  private async settle(): Promise<void> {
    while (this.needsWork()) {
      if (this.camera && (!this.wanted || this.stale)) {
        const camera = this.camera;
        this.camera = null;
        await camera.stop().catch(() => undefined);
        this.onState({ status: 'idle' });
        continue;
      }
      this.stale = false;
      this.onState({ status: 'starting' });
      try {
        this.camera = await this.engine.start(await this.request());
      } catch (e) {
        // Closed while it was starting (the step moved on, the test ended): nothing to say.
        if (!this.wanted) return;
        const problem = e instanceof CameraStartError ? e.problem : cameraProblem(e);
        this.onState({ status: 'failed', problem });
        // Wanted still, but not retried on its own: the staff decide (Retry button).
        this.wanted = false;
        return;
      }
      if (this.wanted && !this.stale) this.onState({ status: 'running', camera: this.camera });
    }
  }
}
