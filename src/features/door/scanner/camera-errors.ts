import type { CameraProblem } from '../../../domain/camera';

/** Problems known before asking for the camera at all. */
export function cameraPrecondition(win: Window): CameraProblem | null {
  if (!win.isSecureContext) return 'insecure';
  if (typeof win.navigator.mediaDevices?.getUserMedia !== 'function') return 'unsupported';
  return null;
}

export class CameraStartError extends Error {
  constructor(
    readonly problem: CameraProblem,
    override readonly cause?: unknown,
  ) {
    super(`camera-${problem}`);
    this.name = 'CameraStartError';
  }
}
