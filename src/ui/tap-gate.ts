/**
 * Which taps a screen takes, decided on the tap's own time (the input event's timeStamp:
 * when the finger touched, not when a busy main thread got round to dispatching it).
 *
 * A gloved double tap puts a second touch 100–250 ms after the first. On a slow tablet
 * with the camera decoding on the same thread, that touch may be dispatched long after
 * the first tap's result is on screen, onto whatever button is now under the finger. A
 * timer that re-enables buttons cannot tell such a queued touch from a new one; the
 * touch's own time can. So a tap counts only if it happened
 *  - while no command of the screen was in flight (a command holds the screen until its
 *    result has been painted), and
 *  - at least `settle` ms after what it lands on was painted (nobody reads a new step and
 *    reaches for it faster; a ghost tap always comes sooner).
 * Both hold for any interleaving and any CPU speed: nothing here is sized on a machine.
 * The commands themselves also name the state they answer (src/domain/tap-commands.ts),
 * so a tap that gets through anyway cannot apply twice or to the wrong step.
 */

export interface GateState {
  /** Commands issued from the screen whose result is not yet on screen. */
  busy: number;
  /** New content committed to the page and not yet painted. */
  pending: number;
  /** Taps that happened before this time (performance clock) are not counted. */
  openAt: number;
}

export const OPEN_GATE: GateState = { busy: 0, pending: 0, openAt: Number.NEGATIVE_INFINITY };

/** From when the gate takes taps, once no command is in flight (never while content is unpainted). */
export function opensAt(gate: GateState): number {
  return gate.pending > 0 ? Number.POSITIVE_INFINITY : gate.openAt;
}

/** True when a tap made at `tapAt` counts. */
export function tapCounts(gate: GateState, tapAt: number): boolean {
  return gate.busy === 0 && tapAt >= opensAt(gate);
}

/** A command issued: the screen takes nothing until its result is shown. */
export function commandIssued(gate: GateState): GateState {
  return { ...gate, busy: gate.busy + 1 };
}

/** A command's result painted at `at`: taps made before it saw a stale screen. */
export function resultShown(gate: GateState, at: number): GateState {
  return { ...gate, busy: Math.max(0, gate.busy - 1), openAt: Math.max(gate.openAt, at) };
}

/** New content in the page, not yet painted: no tap can have been aimed at it. */
export function contentCommitted(gate: GateState): GateState {
  return { ...gate, pending: gate.pending + 1 };
}

/** That content painted at `at`: it takes taps from `at + settle`. */
export function contentShown(gate: GateState, at: number, settle: number): GateState {
  return {
    ...gate,
    pending: Math.max(0, gate.pending - 1),
    openAt: Math.max(gate.openAt, at + settle),
  };
}

/** How long a busy page may hold a touch before dispatching it, at most. */
const MAX_QUEUED_MS = 5000;

/**
 * The time a tap was made, in performance.now()'s clock. Browsers give input events that
 * clock; where the two disagree (an epoch time, 0, or a test's fake clock that jumped
 * hours ahead of the event's), the tap is taken as made now.
 */
export function tapTime(event: { timeStamp: number }, now: number): number {
  const t = event.timeStamp;
  return Number.isFinite(t) && t > 0 && t <= now + 1000 && t >= now - MAX_QUEUED_MS ? t : now;
}
