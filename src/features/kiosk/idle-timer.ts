import { type IdlePhase, type IdleTiming, idlePhase } from '../../domain/idle';
import type { ActivityClock } from './activity';

export interface IdleTimerHandlers {
  /** Whether there is anything to reset (a visit, a verdict, another screen…). */
  needsReset: () => boolean;
  /** Each second of the warning, with the time left. */
  onWarn: (resetInMs: number) => void;
  /** Activity during the warning: the warning goes away. */
  onActive: () => void;
  /** The warning ran out: back to the start screen. */
  onReset: () => void;
}

export const IDLE_TICK_MS = 1_000;

/**
 * Ticks once a second and turns the time since the last touch into warn / reset
 * calls. A tick (not one long timeout) because the warning counts down on screen, and
 * because a tablet that slept through the deadline must reset at its next tick.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private warning = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly clock: ActivityClock,
    private readonly timing: IdleTiming,
    private readonly handlers: IdleTimerHandlers,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), IDLE_TICK_MS);
    this.unsubscribe = this.clock.subscribe(() => this.tick());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private tick(): void {
    const phase: IdlePhase = idlePhase(this.clock.idleMs(), this.timing);
    const due = phase.phase !== 'active' && this.handlers.needsReset();
    if (!due) {
      if (this.warning) {
        this.warning = false;
        this.handlers.onActive();
      }
      return;
    }
    if (phase.phase === 'warning') {
      this.warning = true;
      this.handlers.onWarn(phase.resetInMs);
    } else {
      this.warning = false;
      this.handlers.onReset();
    }
  }
}
