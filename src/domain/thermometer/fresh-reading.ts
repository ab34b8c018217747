import type { Policy } from '../policy';
import { temperatureBand } from '../temperature';

/** A reading a thermometer sent by itself, as the tablet received it. */
export interface SentReading {
  /** The value in °C, or null when the thermometer sent a special value (NaN, NRes, ±INF). */
  celsius: number | null;
  /** When the tablet received it (its own clock). */
  receivedAt: number;
  /** When the thermometer says it measured, from its time stamp, if it sent one. */
  measuredAt?: number;
  /** Identifies the notification itself (its bytes), to tell a repeat from a new reading. */
  key: string;
}

export type ReadingVerdict =
  | { use: true; celsius: number }
  | {
      use: false;
      why: 'no-value' | 'before-step' | 'stale' | 'repeat' | 'implausible';
    };

/**
 * When the reading was taken: the thermometer's time stamp, unless its clock runs ahead
 * of the tablet's (an unset clock), then the moment it arrived.
 */
export function takenAt(r: SentReading, policy: Policy): number {
  const window = policy.thermometer.freshReadingSeconds * 1000;
  return r.measuredAt !== undefined && r.measuredAt <= r.receivedAt + window
    ? r.measuredAt
    : r.receivedAt;
}

/**
 * Whether a reading a thermometer sent may fill the temperature step that opened at
 * `stepOpenedAt`. `previous` is the notification before this one, if any: thermometers
 * resend a stored measurement after a reconnect, and a time-stamped one is the same
 * measurement whenever it comes again.
 */
export function judgeSentReading(
  reading: SentReading,
  previous: SentReading | null,
  stepOpenedAt: number,
  now: number,
  policy: Policy,
): ReadingVerdict {
  const window = policy.thermometer.freshReadingSeconds * 1000;
  if (
    previous !== null &&
    previous.key === reading.key &&
    (reading.measuredAt !== undefined || reading.receivedAt - previous.receivedAt <= window)
  ) {
    return { use: false, why: 'repeat' };
  }
  if (reading.celsius === null) return { use: false, why: 'no-value' };
  const at = takenAt(reading, policy);
  if (at < stepOpenedAt) return { use: false, why: 'before-step' };
  if (now - at > window) return { use: false, why: 'stale' };
  if (temperatureBand(reading.celsius, policy) === 'implausible') {
    return { use: false, why: 'implausible' };
  }
  return { use: true, celsius: roundReading(reading.celsius) };
}

/**
 * One decimal, as the door records every reading. Halves round up: a reading on the
 * edge of a band goes to the higher one, the side of caution (a re-check, not an entry).
 */
export function roundReading(celsius: number): number {
  return Math.round(Math.round(celsius * 1000) / 100) / 10;
}
