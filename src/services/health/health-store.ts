import { create } from 'zustand';
import type { StorageUse } from '../../db/persistence';
import type { HealthProblem } from '../../domain/device-health';
import type { CameraFailure } from '../../domain/events';

/** What each problem knows about itself. */
export interface ProblemDetails {
  offline: Record<never, never>;
  'storage-low': StorageUse;
  'storage-full': Record<never, never>;
  'persistence-refused': Record<never, never>;
  'clock-skew': { skewMs: number };
  'camera-failed': { reason: CameraFailure };
}

export type Problems = { [P in HealthProblem]?: ProblemDetails[P] & { since: number } };

/** The device's current problems, for the status area; services/health/use-device-health records them. */
interface HealthState {
  problems: Problems;
  /** Problems already recorded as device events in this page's life. */
  recorded: Partial<Record<HealthProblem, true>>;
  raise: <P extends HealthProblem>(problem: P, detail: ProblemDetails[P], at: number) => void;
  clear: (problem: HealthProblem) => void;
  setRecorded: (problem: HealthProblem, recorded: boolean) => void;
}

export const useHealthStore = create<HealthState>((set) => ({
  problems: {},
  recorded: {},
  raise: (problem, detail, at) =>
    set((s) => {
      const since = s.problems[problem]?.since ?? at;
      return { problems: { ...s.problems, [problem]: { ...detail, since } } };
    }),
  clear: (problem) =>
    set((s) => {
      if (!s.problems[problem]) return s;
      const { [problem]: _gone, ...rest } = s.problems;
      return { problems: rest };
    }),
  setRecorded: (problem, recorded) =>
    set((s) => {
      const { [problem]: _was, ...rest } = s.recorded;
      return { recorded: recorded ? { ...rest, [problem]: true } : rest };
    }),
}));

/** For the scanner (and the setup check): a camera that would not start. */
export function reportCameraFailure(reason: CameraFailure, at: number = Date.now()): void {
  useHealthStore.getState().raise('camera-failed', { reason }, at);
}

export function reportCameraWorking(): void {
  useHealthStore.getState().clear('camera-failed');
}
