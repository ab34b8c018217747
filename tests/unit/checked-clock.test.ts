import { describe, expect, it } from 'vitest';
import type { ClockSample } from '../../src/domain/clock';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { dayKey } from '../../src/domain/time';
import { CheckedClock, useClockStore } from '../../src/services/clock/checked-clock';
import { useHealthStore } from '../../src/services/health/health-store';
import { FIXED_NOW } from '../fixtures/builders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A checked clock on a wall clock that can be set, a monotonic one that cannot. */
function aClock(initial: ClockSample | null = null) {
  const c = { device: FIXED_NOW, mono: 0 };
  const saved: ClockSample[] = [];
  const clock = new CheckedClock({
    now: () => c.device,
    monotonic: () => c.mono,
    rule: DEFAULT_POLICY.clock,
    initial,
    save: async (s) => {
      saved.push(s);
    },
  });
  return { clock, c, saved };
}

describe('the checked clock of a tablet', () => {
  it('is the device clock, with no offset in events, before any server was seen', () => {
    const { clock } = aClock();
    expect(clock.offset()).toBeNull();
    expect(clock.checkedNow()).toBe(FIXED_NOW);
  });

  it('keeps the server’s day when the wall clock is set a day ahead, and says so', () => {
    useHealthStore.setState({ problems: {}, recorded: {} });
    const { clock, c, saved } = aClock();
    clock.observe(0);
    c.device += DAY;
    c.mono += 60_000;
    c.device += 60_000;
    clock.refresh();
    expect(clock.today()).toBe(dayKey(FIXED_NOW));
    expect(useClockStore.getState().offsetMs).toBe(DAY);
    expect(useHealthStore.getState().problems['clock-skew']?.skewMs).toBe(DAY);
    // Kept for a reload: the estimate with the jump in it.
    expect(saved.at(-1)?.offsetMs).toBe(DAY);
  });

  it('after a reload, carries the stored offset and sees the clock corrected while visible', () => {
    const { clock, c } = aClock({ offsetMs: HOUR, seenAt: FIXED_NOW - DAY });
    expect(clock.offset()).toBe(HOUR);
    c.device -= HOUR; // network time puts it right
    expect(clock.offset()).toBe(0);
  });

  it('does not trust the monotonic clock across a hidden page (the tablet may sleep)', () => {
    const { clock, c } = aClock();
    clock.observe(0);
    clock.forgetMonotonic();
    c.device += 8 * HOUR; // a night asleep: the monotonic clock may not have moved
    expect(clock.offset()).toBe(0);
    clock.resume();
    c.device += HOUR;
    expect(clock.offset()).toBe(HOUR);
  });
});
