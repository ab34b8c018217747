/**
 * A door command names the state it was issued from, and applies only to that state
 * (issue 31). A gloved double tap, a tap queued behind a busy main thread, a second tab:
 * each may deliver a command after its screen is gone. Checked inside the step's own
 * transaction, on the committed visit, this rule makes such a command a no-op whatever
 * the timing, so the log is the one a single tap makes.
 */
import { type DoorStep, nextStep, openCheck } from './flow';
import type { Policy } from './policy';
import type { Visit } from './visit';

export type Issued =
  /** Opening a visit under an id chosen when the door became free: it must not exist yet. */
  | { kind: 'new-visit' }
  /**
   * Answering this step of the visit on screen. A step can come round again (an undo
   * reopens it, a raised re-check is taken again), so the name also counts the undos and
   * readings the screen showed.
   */
  | {
      kind: 'step';
      step: DoorStep;
      reopens: number;
      readings: number;
      /** Which of the policy's added checks, at a 'check' step: they follow one another. */
      check?: string;
    };

/** The state a button on a visit's screen answers. */
export function issuedAt(visit: Visit, policy: Policy): Issued {
  const check = openCheck(visit, policy)?.key;
  return {
    kind: 'step',
    step: nextStep(visit, policy),
    reopens: visit.reopened.length,
    readings: visit.readings.length,
    ...(check === undefined ? {} : { check }),
  };
}

/** What the visit looks like, less when it was last touched. */
function substance(visit: Visit): string {
  const { updatedAt: _updatedAt, ...rest } = visit;
  return JSON.stringify(rest);
}

/**
 * Whether a command's events apply to the committed visit (`before`, null for none yet;
 * `after`, with the command's events): its state is still the one the command names, and
 * the events change something (a repeat that changes nothing, e.g. the same symptoms
 * reported twice, is not recorded again).
 */
export function commandApplies(
  issued: Issued,
  before: Visit | null,
  after: Visit,
  policy: Policy,
): boolean {
  if (issued.kind === 'new-visit') return before === null;
  if (!before) return false;
  const now = issuedAt(before, policy);
  return (
    now.kind === 'step' &&
    now.step === issued.step &&
    now.reopens === issued.reopens &&
    now.readings === issued.readings &&
    now.check === issued.check &&
    substance(after) !== substance(before)
  );
}
