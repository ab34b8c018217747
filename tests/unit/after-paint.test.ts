import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../src/ui/after-paint';

describe('afterPaint', () => {
  let frames: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => {};
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const paint = () => {
    for (const f of frames.splice(0)) f();
  };

  it('runs in the task after the frame is painted, not before, and once', () => {
    const then = vi.fn();
    afterPaint(then);
    vi.advanceTimersByTime(10);
    expect(then).not.toHaveBeenCalled();
    paint();
    expect(then).not.toHaveBeenCalled(); // the frame's own callbacks run before its paint
    vi.advanceTimersByTime(0);
    expect(then).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs anyway when no frame comes (a hidden page)', () => {
    const then = vi.fn();
    afterPaint(then);
    vi.advanceTimersByTime(249);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
    paint();
    vi.advanceTimersByTime(10);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled', () => {
    const then = vi.fn();
    const cancel = afterPaint(then);
    cancel();
    paint();
    vi.advanceTimersByTime(1000);
    expect(then).not.toHaveBeenCalled();
  });
});
