/**
 * Why a camera did not start, as one code for the scanner, the setup check and the device
 * health record. Browsers report getUserMedia failures as DOMException names; html5-qrcode
 * wraps them in a string ("Error getting userMedia, error = NotAllowedError: …"), so the
 * names are matched in the text.
 */
export const CAMERA_PROBLEMS = [
  'insecure',
  'unsupported',
  'denied',
  'no-camera',
  'busy',
  'failed',
] as const;
export type CameraProblem = (typeof CAMERA_PROBLEMS)[number];

/** Codes recorded by tablets before the scanner and setup shared one list: still read. */
export const LEGACY_CAMERA_FAILURES = ['not-allowed', 'not-found', 'unknown'] as const;
export type LegacyCameraFailure = (typeof LEGACY_CAMERA_FAILURES)[number];

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
