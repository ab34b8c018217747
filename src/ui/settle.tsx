import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import {
  commandIssued,
  contentCommitted,
  contentShown,
  type GateState,
  OPEN_GATE,
  opensAt,
  resultShown,
  tapCounts,
  tapTime,
} from './tap-gate';

/**
 * Ghost-tap protection for gloved double taps (issues 12 and 31), decided on each tap's
 * own time by the rule in ./tap-gate.ts: while a command is in flight the screen takes
 * no tap, and content (a new step, a button that just appeared) takes taps only from
 * `ms` after it was painted. A person needs ≥ 600 ms to read a new step and reach for
 * it; the last ghost of a triple tap comes ≤ 250 ms after the first touch. 350 ms sits
 * between the two. Because the rule reads the touch's time, a touch queued behind the
 * camera on a slow tablet is judged by when it was made, not when it was dispatched.
 */
export const DEFAULT_TAP_SETTLE_MS = 350;

/** A command never holds the screen longer than this, whatever happens to its promise. */
const HOLD_MAX_MS = 8000;

const nextFrame = (then: (at: number) => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(then);
  else setTimeout(() => then(performance.now()), 0);
};

/** A gate: the screen's (commands in flight), or a region's (its content's paint). */
export class ScreenGate {
  private state: GateState = OPEN_GATE;
  constructor(readonly settleMs: number) {}

  counts(tapAt: number): boolean {
    return tapCounts(this.state, tapAt);
  }

  /** From when its content takes taps (commands in flight aside). */
  opensAt(): number {
    return opensAt(this.state);
  }

  /** Content just committed to the page; taps count again from `settleMs` after its paint. */
  committed(): void {
    if (this.settleMs <= 0) return;
    this.state = contentCommitted(this.state);
    nextFrame((at) => {
      this.state = contentShown(this.state, at, this.settleMs);
    });
  }

  /** Holds the screen until `work` settles and its result is painted. */
  hold(work: PromiseLike<unknown>): void {
    this.state = commandIssued(this.state);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(limit);
      const done = (at: number) => {
        this.state = resultShown(this.state, at);
      };
      // Component tests (settle 0) go on at once; a real screen waits for the paint.
      if (this.settleMs <= 0) done(performance.now());
      else nextFrame(done);
    };
    const limit = setTimeout(release, HOLD_MAX_MS);
    work.then(release, release);
  }
}

interface Settle {
  /** The screen's gate: a command in flight holds every button. */
  gate: ScreenGate;
  /** The region's gate: its new content takes taps only after the settle time. */
  region: ScreenGate | null;
  /** Changes whenever the region's content is a new step: its buttons settle again. */
  epoch: string;
}

const SettleContext = createContext<Settle>({ gate: new ScreenGate(0), region: null, epoch: '' });

/** Sets the settle time for everything below (the app's root; 0 in component tests). */
export function SettleTime({ ms, children }: { ms: number; children: ReactNode }) {
  const [gate] = useState(() => new ScreenGate(ms));
  return (
    <SettleContext.Provider value={{ gate, region: null, epoch: '' }}>
      {children}
    </SettleContext.Provider>
  );
}

/**
 * A region whose content is new each time `step` changes, even when React keeps the same
 * button elements (the mask and hands steps share their layout; a guide's window keeps
 * 重呼 where it was): its buttons take taps again only `ms` after the change is painted.
 * Other regions are not held (a guide may serve at window 3 as window 1 calls).
 */
export function SettleRegion({ step, children }: { step: string; children: ReactNode }) {
  const { gate } = useContext(SettleContext);
  const [region] = useState(() => new ScreenGate(gate.settleMs));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step is new content
  useLayoutEffect(() => region.committed(), [region, step]);
  return (
    <SettleContext.Provider value={{ gate, region, epoch: step }}>
      {children}
    </SettleContext.Provider>
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * A button's side of the rule: whether a tap counts (the screen's gate, and the button's
 * own paint when it just appeared or its step changed), a repeat on the same button
 * within the settle time ignored where asked (a toggle), and what a handler returns held
 * as a command in flight. `settling` greys the button while it would refuse a tap.
 */
export function useTapGuard(guardRepeat: boolean) {
  const { gate, region, epoch } = useContext(SettleContext);
  const ms = gate.settleMs;
  const own = useRef<GateState>(OPEN_GATE);
  const lastTap = useRef(Number.NEGATIVE_INFINITY);
  const [settled, setSettled] = useState<string | null>(ms > 0 ? null : epoch);

  useLayoutEffect(() => {
    if (ms <= 0) return;
    own.current = contentCommitted(own.current);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    // Shown enabled when, and only when, the gates take a tap, read on the rule's own
    // clock: a timer may fire early (a test's fake clock), the check does not.
    const enableWhenOpen = () => {
      if (!live) return;
      const wait =
        Math.max(opensAt(own.current), region?.opensAt() ?? Number.NEGATIVE_INFINITY) -
        performance.now();
      if (wait <= 0) setSettled(epoch);
      else timer = setTimeout(enableWhenOpen, Number.isFinite(wait) ? wait : 16);
    };
    nextFrame((at) => {
      own.current = contentShown(own.current, at, ms);
      enableWhenOpen();
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ms, epoch, region]);
  useEffect(() => {
    if (ms <= 0) setSettled(epoch);
  }, [ms, epoch]);

  const run = (event: { timeStamp: number }, act: () => unknown): void => {
    const at = tapTime(event, performance.now());
    if (!gate.counts(at) || (region && !region.counts(at)) || !tapCounts(own.current, at)) return;
    if (guardRepeat) {
      if (at - lastTap.current < ms) return;
      lastTap.current = at;
    }
    const result = act();
    if (isThenable(result)) gate.hold(result);
  };
  return { settling: ms > 0 && settled !== epoch, run };
}
