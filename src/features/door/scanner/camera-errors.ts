/**
 * Why a camera did not start, as a code the screen can put in words with what to do.
 * html5-qrcode wraps getUserMedia's DOMException into a string
 * ("Error getting userMedia, error = NotAllowedError: …"), so names are matched in text.
 */
export type CameraProblem = 'insecure' | 'unsupported' | 'denied' | 'no-camera' | 'busy' | 'failed';

const BY_NAME: readonly [CameraProblem, readonly string[]][] = [
  ['denied', ['NotAllowedError', 'PermissionDeniedError', 'SecurityError']],
  ['no-camera', ['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError']],
  ['busy', ['NotReadableError', 'TrackStartError', 'AbortError']],
];

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'name' in error) return String(error.name);
  return String(error);
}

export function cameraProblem(error: unknown): CameraProblem {
  const text = errorText(error);
  for (const [problem, names] of BY_NAME) {
    if (names.some((n) => text.includes(n))) return problem;
  }
  if (/not supported|streaming/i.test(text)) return 'unsupported';
  return 'failed';
}

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
