/**
 * What makes the tablet unhealthy, as pure rules; src/app/health watches the browser
 * and records each problem as a device event when it appears.
 */
export type HealthProblem =
  | 'offline'
  | 'storage-low'
  | 'persistence-refused'
  | 'clock-skew'
  | 'camera-failed';

/**
 * Nearly full: 90% of the quota used, or under 50 MB left. A day at one door is a few
 * MB of events (bench/), so 50 MB is days of margin to sync and clear.
 */
export const STORAGE_LOW = { usedFraction: 0.9, minFreeBytes: 50 * 1024 * 1024 } as const;

export function storageIsLow(estimate: { usage: number; quota: number }): boolean {
  if (estimate.quota <= 0) return false;
  return (
    estimate.usage / estimate.quota >= STORAGE_LOW.usedFraction ||
    estimate.quota - estimate.usage < STORAGE_LOW.minFreeBytes
  );
}

/** Entry and exit times are what contact tracing compares: 2 minutes off is too much. */
export const CLOCK_SKEW_TOLERANCE_MS = 2 * 60_000;

/**
 * The device clock minus the server's, from an HTTP `Date` header (whole seconds).
 * The server read its clock somewhere between sending and receiving, and within the
 * second its header names: both uncertainties are split in the middle.
 */
export function clockSkewMs(probe: { sentAt: number; receivedAt: number; serverDate: number }) {
  const deviceMid = (probe.sentAt + probe.receivedAt) / 2;
  return Math.round(deviceMid - (probe.serverDate + 500));
}

export function clockIsSkewed(skewMs: number): boolean {
  return Math.abs(skewMs) > CLOCK_SKEW_TOLERANCE_MS;
}
