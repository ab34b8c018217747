import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

/**
 * Ghost-tap protection (issue 12). Gloved hands double-tap: a second touch 100–150 ms
 * after the first (a third at 200 ms) used to land on whatever the first one brought on
 * screen, e.g. "红码" under "身份证与预约一致". A button that has just appeared (or whose
 * step has just changed) stays `disabled` for a settle time, so such a touch lands on a
 * disabled button and does nothing. Measured in Chromium: the next step appears 20–80 ms
 * after the first tap; the last ghost tap of a triple tap comes 200 ms after it, so it
 * lands at most ~180 ms into the new step. 350 ms leaves a margin and stays well under
 * the time a person needs to read the new step and reach for it (≥ 600 ms).
 */
export const DEFAULT_TAP_SETTLE_MS = 350;

interface Settle {
  /** How long a button ignores taps after it appears; 0 turns the protection off (tests). */
  ms: number;
  /** Changes whenever the region's content is a new step: its buttons settle again. */
  epoch: string;
}

const SettleContext = createContext<Settle>({ ms: 0, epoch: '' });

/** Sets the settle time for everything below (the app's root; 0 in component tests). */
export function SettleTime({ ms, children }: { ms: number; children: ReactNode }) {
  return <SettleContext.Provider value={{ ms, epoch: '' }}>{children}</SettleContext.Provider>;
}

/**
 * A region whose buttons settle again each time `step` changes, even when React keeps
 * the same button elements (the mask and hands steps share their layout).
 */
export function SettleRegion({ step, children }: { step: string; children: ReactNode }) {
  const { ms } = useContext(SettleContext);
  return <SettleContext.Provider value={{ ms, epoch: step }}>{children}</SettleContext.Provider>;
}

/** True while the caller's button must ignore taps (just appeared, or its step just changed). */
export function useSettling(): boolean {
  const { ms, epoch } = useContext(SettleContext);
  // Derived during render: the very render that shows a new step already disables its
  // buttons, so no tap can slip in between the commit and an effect.
  const [settled, setSettled] = useState<string | null>(ms > 0 ? null : epoch);
  useEffect(() => {
    if (ms <= 0) {
      setSettled(epoch);
      return;
    }
    const timer = setTimeout(() => setSettled(epoch), ms);
    return () => clearTimeout(timer);
  }, [ms, epoch]);
  return ms > 0 && settled !== epoch;
}

/**
 * For a button that stays on screen after it is tapped (a symptom toggle): a second tap
 * within the settle time is a ghost, not a change of mind, and is ignored.
 */
export function useRepeatGuard(): () => boolean {
  const { ms } = useContext(SettleContext);
  const last = useRef(Number.NEGATIVE_INFINITY);
  return () => {
    const at = performance.now();
    if (at - last.current < ms) return false;
    last.current = at;
    return true;
  };
}
