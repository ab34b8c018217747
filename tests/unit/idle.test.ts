import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doorNeedsReset, putDoorAside } from '../../src/app/idle-door';
import { draftsOf } from '../../src/domain/drafts';
import { DEFAULT_IDLE_TIMING, idlePhase, updateDecision } from '../../src/domain/idle';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { useDoorStore } from '../../src/features/door/door-store';
import { ActivityClock } from '../../src/features/kiosk/activity';
import { IdleTimer } from '../../src/features/kiosk/idle-timer';
import { useKioskStore } from '../../src/features/kiosk/kiosk-store';
import { aBooking, aVisit, ev } from '../fixtures/builders';

const timing = DEFAULT_IDLE_TIMING;
const SECOND = 1_000;

describe('idlePhase', () => {
  it('is active, then warns with the time left, then expires', () => {
    expect(idlePhase(0, timing)).toEqual({ phase: 'active' });
    expect(idlePhase(timing.warnAfterMs - 1, timing)).toEqual({ phase: 'active' });
    expect(idlePhase(timing.warnAfterMs + 10 * SECOND, timing)).toEqual({
      phase: 'warning',
      resetInMs: timing.resetAfterMs - timing.warnAfterMs - 10 * SECOND,
    });
    expect(idlePhase(timing.resetAfterMs, timing)).toEqual({ phase: 'expired' });
  });

  it('never warns during the rest before a temperature re-check', () => {
    const rest = DEFAULT_POLICY.temperature.recheckRestSeconds * SECOND;
    expect(idlePhase(rest + 30 * SECOND, timing)).toEqual({ phase: 'active' });
  });
});

describe('updateDecision', () => {
  const idle = timing.updateAfterIdleMs;
  it.each([
    [{ updateWaiting: false, visitInProgress: false, idleMs: idle }, 'nothing-waiting'],
    [{ updateWaiting: true, visitInProgress: true, idleMs: 10 * idle }, 'wait-for-visit'],
    [{ updateWaiting: true, visitInProgress: false, idleMs: idle - 1 }, 'wait-for-idle'],
    [{ updateWaiting: true, visitInProgress: false, idleMs: idle }, 'apply'],
  ] as const)('%o → %s', (state, decision) => {
    expect(updateDecision(state, timing)).toBe(decision);
  });
});

describe('the idle reset of the door (fake timers)', () => {
  const openVisit = aVisit([ev.opened(), ev.booked(aBooking()), ev.mask(), ev.hands()], {
    visit: 'v-open',
    device: 'tablet-1',
  });
  let clock: ActivityClock;
  let timer: IdleTimer;
  let warnings: number[];
  let drafts: (string | null)[];
  let active: number;

  beforeEach(() => {
    vi.useFakeTimers();
    useDoorStore.getState().next();
    useKioskStore.setState({ leadUnlocked: false, leadPresent: false });
    clock = new ActivityClock(Date.now);
    warnings = [];
    drafts = [];
    active = 0;
    timer = new IdleTimer(clock, timing, {
      needsReset: () => doorNeedsReset('/'),
      onWarn: (ms) => warnings.push(ms),
      onActive: () => active++,
      onReset: () => drafts.push(putDoorAside()),
    });
    timer.start();
  });

  afterEach(() => {
    timer.stop();
    vi.useRealTimers();
  });

  it('warns first, counting down, then puts the half-entered visit aside as a draft', () => {
    useDoorStore.getState().show(openVisit);
    vi.advanceTimersByTime(timing.warnAfterMs - SECOND);
    expect(warnings).toEqual([]);
    vi.advanceTimersByTime(3 * SECOND);
    expect(warnings).toEqual([30 * SECOND, 29 * SECOND, 28 * SECOND]);
    expect(useDoorStore.getState().visit?.id).toBe('v-open');

    vi.advanceTimersByTime(30 * SECOND);
    expect(drafts).toEqual(['v-open']);
    expect(useDoorStore.getState().visit).toBeNull();
    // The visit itself is untouched: still open, so it is offered to the next staff member.
    expect(draftsOf([openVisit], 'tablet-1', null).map((v) => v.id)).toEqual(['v-open']);
  });

  it('keeps the visit when someone touches the screen during the warning', () => {
    useDoorStore.getState().show(openVisit);
    vi.advanceTimersByTime(timing.warnAfterMs + 5 * SECOND);
    expect(warnings.length).toBeGreaterThan(0);
    clock.touch();
    expect(active).toBe(1);
    vi.advanceTimersByTime(timing.resetAfterMs - timing.warnAfterMs);
    expect(drafts).toEqual([]);
    expect(useDoorStore.getState().visit?.id).toBe('v-open');
  });

  it('clears a verdict left on screen, without a draft', () => {
    const admitted = aVisit(
      [
        ev.opened(),
        ev.booked(),
        ev.mask(),
        ev.hands(),
        ev.temperature(36.5),
        ev.identity(),
        ev.healthCode(),
        ev.travelCode(),
        ev.decided({ kind: 'admitted', ticket: 'A001' }),
      ],
      { visit: 'v-done' },
    );
    useDoorStore.getState().show(admitted);
    vi.advanceTimersByTime(timing.resetAfterMs + SECOND);
    expect(drafts).toEqual([null]);
    expect(useDoorStore.getState().lastFinished).toBeNull();
  });

  it('does nothing, not even warn, when the door is already at its start screen', () => {
    vi.advanceTimersByTime(timing.resetAfterMs * 3);
    expect(warnings).toEqual([]);
    expect(drafts).toEqual([]);
  });

  it('locks the lead screens again', () => {
    useKioskStore.getState().unlock();
    vi.advanceTimersByTime(timing.resetAfterMs + SECOND);
    expect(useKioskStore.getState().leadUnlocked).toBe(false);
  });
});

describe('draftsOf', () => {
  const visit = (id: string, device: string, start: number) =>
    aVisit([ev.opened(), ev.walkIn(true)], { visit: id, device, start });

  it('lists this device’s open visits not on screen, newest first', () => {
    const a = visit('a', 'tablet-1', 1_000);
    const b = visit('b', 'tablet-1', 5_000);
    const other = visit('c', 'tablet-2', 9_000);
    const left = aVisit([ev.opened(), ev.walkIn(true), ev.abandoned('discarded-draft')], {
      visit: 'd',
      device: 'tablet-1',
    });
    expect(draftsOf([a, b, other, left], 'tablet-1', null).map((v) => v.id)).toEqual(['b', 'a']);
    expect(draftsOf([a, b], 'tablet-1', 'b').map((v) => v.id)).toEqual(['a']);
  });
});
