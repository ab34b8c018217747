/**
 * The checked clock (issue 23): the tablet's clock may be set back an hour or forward a
 * day mid-shift (by hand, by drift). The server's clock is the reference; what the tablet
 * last learned of it (each sync exchange, each clock probe) corrects the device clock for
 * the day boundary, ticket numbering and the retention purge. Event order never depends
 * on either clock: it is each device's seq (src/domain/events.ts, inLogOrder).
 */

/** What the tablet last learned of the server's clock. */
export interface ClockSample {
  /** Device clock minus server clock, ms: positive when the tablet is ahead. */
  offsetMs: number;
  /** Device clock when it was learned. */
  seenAt: number;
  /**
   * A monotonic clock (performance.now) when it was learned, in this page's life only:
   * the wall clock set by hand afterwards is then caught without asking the server again.
   */
  monotonic?: number;
}

/**
 * The offset from one exchange: the server read its clock somewhere between sending
 * and receiving, so the device's side is the round trip's midpoint.
 */
export function offsetFromExchange(exchange: {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}): number {
  return Math.round((exchange.sentAt + exchange.receivedAt) / 2 - exchange.serverTime);
}

/**
 * The offset now. A sample of this page's life with a monotonic reading places the
 * server's clock by the time elapsed since, whatever the wall clock did meanwhile; an
 * older sample (a reload, a page that was hidden and may have slept) is taken as it is.
 * Null when no server was ever seen.
 */
export function currentOffset(
  sample: ClockSample | null,
  deviceNow: number,
  monotonicNow?: number,
): number | null {
  if (!sample) return null;
  if (sample.monotonic === undefined || monotonicNow === undefined) return sample.offsetMs;
  const serverNow = sample.seenAt - sample.offsetMs + (monotonicNow - sample.monotonic);
  return Math.round(deviceNow - serverNow);
}

/** The device clock corrected by the offset: the device clock itself when none is known. */
export function checkedTime(deviceTime: number, offsetMs: number | null | undefined): number {
  return deviceTime - (offsetMs ?? 0);
}

/** The policy's clock settings (src/domain/policy.ts). */
export interface ClockRule {
  /** Beyond this the door warns, and no purge runs while the tablet is ahead by more. */
  toleranceMinutes: number;
}

export interface ClockWarning {
  /** 'ahead': the tablet's clock is later than the server's (快); 'behind' (慢). */
  direction: 'ahead' | 'behind';
  /** How far off, in ms (positive). */
  ms: number;
}

/** Whether the door should warn about the clock, and how. */
export function clockWarning(offsetMs: number | null, rule: ClockRule): ClockWarning | null {
  if (offsetMs === null || Math.abs(offsetMs) <= rule.toleranceMinutes * 60_000) return null;
  return { direction: offsetMs > 0 ? 'ahead' : 'behind', ms: Math.abs(offsetMs) };
}

/**
 * The retention purge refuses to run while the tablet is ahead of the server by more than
 * the tolerance: even with the checked clock, a jump not yet measured would purge early.
 */
export function purgeRefusedByClock(offsetMs: number | null, rule: ClockRule): boolean {
  return offsetMs !== null && offsetMs > rule.toleranceMinutes * 60_000;
}

/** How far off, in words' units: whole days, else whole hours, else whole minutes. */
export function offsetSpan(ms: number): { unit: 'day' | 'hour' | 'minute'; count: number } {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes >= 24 * 60 && minutes % (24 * 60) < 60) {
    return { unit: 'day', count: Math.round(minutes / (24 * 60)) };
  }
  if (minutes >= 60 && minutes % 60 < 5) return { unit: 'hour', count: Math.round(minutes / 60) };
  if (minutes >= 120) return { unit: 'hour', count: Math.round(minutes / 60) };
  return { unit: 'minute', count: minutes };
}
