/**
 * The checked clock of this tablet (issue 23): the device clock corrected by what the
 * tablet last learned of the server's (src/domain/clock.ts). Sync and the clock probe tell
 * it each offset they measure; the day boundary, ticket numbering and the retention purge
 * read it; every event records the offset known when it was written.
 */
import { create } from 'zustand';
import {
  type ClockRule,
  type ClockSample,
  checkedTime,
  clockWarning,
  currentOffset,
} from '../../domain/clock';
import { dayKey } from '../../domain/time';
import { useHealthStore } from '../health/health-store';

/** The offset the screens show (null: no server seen yet); the clock alone writes it. */
export const useClockStore = create<{ offsetMs: number | null }>(() => ({ offsetMs: null }));

/** A change of the estimate smaller than this is not worth a write to idb-keyval. */
const SAVE_AFTER_CHANGE_MS = 1_000;

export interface CheckedClockOptions {
  /** The device clock. */
  now: () => number;
  /** A clock the wall clock's setting does not move (performance.now). */
  monotonic: () => number;
  rule: ClockRule;
  /** The sample kept from before this page (idb-keyval), if any. */
  initial: ClockSample | null;
  save: (sample: ClockSample) => Promise<void>;
}

export class CheckedClock {
  private sample: ClockSample | null;
  private saved: number | null;

  constructor(private readonly o: CheckedClockOptions) {
    this.sample = null;
    this.saved = o.initial?.offsetMs ?? null;
    if (o.initial) this.anchor(o.initial.offsetMs);
    this.publish();
  }

  /** Device clock minus server clock now, ms; null when no server was ever seen. */
  offset(): number | null {
    return currentOffset(this.sample, this.o.now(), this.o.monotonic());
  }

  /** The device clock corrected by the offset (the device clock when none is known). */
  readonly checkedNow = (): number => checkedTime(this.o.now(), this.offset());

  /** Which day it is: the ledger's day, the day's ticket numbers. */
  readonly today = (): string => dayKey(this.checkedNow());

  /** An offset measured against the server just now (a sync exchange, the clock probe). */
  observe(offsetMs: number): void {
    this.anchor(offsetMs);
    this.persist(offsetMs);
    this.publish();
  }

  /**
   * The page is visible again: the estimate it kept is carried by the monotonic clock from
   * now on, so the wall clock corrected meanwhile (network time, by hand) shows at once.
   */
  resume(): void {
    if (this.sample && this.sample.monotonic === undefined) this.anchor(this.sample.offsetMs);
    this.refresh();
  }

  /**
   * Takes `offsetMs` as the offset now and carries it by the monotonic clock: from an
   * exchange, or (at start-up, back from hidden) the best estimate kept.
   */
  private anchor(offsetMs: number): void {
    this.sample = { offsetMs, seenAt: this.o.now(), monotonic: this.o.monotonic() };
  }

  /**
   * The page was hidden: the tablet may sleep, and a monotonic clock may stop meanwhile.
   * The estimate as it stands is kept; the wall clock carries it until the next exchange.
   */
  forgetMonotonic(): void {
    const offsetMs = this.offset();
    if (offsetMs === null) return;
    this.sample = { offsetMs, seenAt: this.o.now() };
    this.persist(offsetMs);
  }

  /**
   * Looks again (a timer): a wall clock set by hand since the last exchange shows here,
   * in the banner and as a device-health problem; the estimate is kept for a reload.
   */
  refresh(): void {
    const offsetMs = this.offset();
    if (offsetMs !== null && this.sample) this.persist(offsetMs);
    this.publish();
  }

  private persist(offsetMs: number): void {
    if (this.saved !== null && Math.abs(this.saved - offsetMs) < SAVE_AFTER_CHANGE_MS) return;
    this.saved = offsetMs;
    this.o.save({ offsetMs, seenAt: this.o.now() }).catch(() => {
      this.saved = null; // storage trouble shows elsewhere; try again at the next look
    });
  }

  private publish(): void {
    const offsetMs = this.offset();
    useClockStore.setState({ offsetMs });
    const health = useHealthStore.getState();
    if (offsetMs !== null && clockWarning(offsetMs, this.o.rule)) {
      health.raise('clock-skew', { skewMs: offsetMs }, this.o.now());
    } else {
      health.clear('clock-skew');
    }
  }
}
