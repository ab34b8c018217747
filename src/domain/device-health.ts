/**
 * What makes the tablet unhealthy, as pure rules; src/app/health watches the browser
 * and records each problem as a device event when it appears.
 */
export type HealthProblem =
  | 'offline'
  | 'storage-low'
  /** A write failed for want of space (QuotaExceededError): nothing new can be recorded. */
  | 'storage-full'
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

/** The clock's skew: src/domain/clock.ts (the checked clock, the policy's tolerance). */
