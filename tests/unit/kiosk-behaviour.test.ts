import { afterEach, describe, expect, it, vi } from 'vitest';
import { stayFullscreen } from '../../src/features/kiosk/fullscreen';
import { trapBackNavigation } from '../../src/features/kiosk/history-trap';
import { blockStrayGestures } from '../../src/features/kiosk/touch-guards';
import { keepScreenAwake } from '../../src/features/kiosk/wake-lock';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  Reflect.deleteProperty(document, 'fullscreenElement');
  Reflect.deleteProperty(navigator, 'wakeLock');
});

function tap(target: EventTarget = document.body) {
  target.dispatchEvent(new Event('pointerup', { bubbles: true }));
}

describe('stayFullscreen', () => {
  it('asks for full screen on a touch, and again after full screen was left', async () => {
    let fullscreen: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', {
      configurable: true,
      get: () => fullscreen,
    });
    const root = document.createElement('div');
    root.requestFullscreen = vi.fn(async () => {
      fullscreen = root;
    });
    stops.push(stayFullscreen(root));
    expect(root.requestFullscreen).not.toHaveBeenCalled();
    tap();
    await Promise.resolve();
    tap();
    expect(root.requestFullscreen).toHaveBeenCalledTimes(1);
    fullscreen = null;
    tap();
    expect(root.requestFullscreen).toHaveBeenCalledTimes(2);
  });

  it('shrugs off a refusal and tries again on the next touch', async () => {
    const root = document.createElement('div');
    root.requestFullscreen = vi.fn(async () => Promise.reject(new TypeError('no gesture')));
    stops.push(stayFullscreen(root));
    tap();
    tap();
    expect(root.requestFullscreen).toHaveBeenCalledTimes(2);
  });
});

describe('keepScreenAwake', () => {
  function fakeWakeLock() {
    const sentinels: { released: boolean; release: () => Promise<void> }[] = [];
    const request = vi.fn(async () => {
      const sentinel = {
        released: false,
        release: async () => {
          sentinel.released = true;
        },
      };
      sentinels.push(sentinel);
      return sentinel;
    });
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
    return { request, sentinels };
  }

  it('holds a lock, and asks again when the page is visible after the lock was dropped', async () => {
    const { request, sentinels } = fakeWakeLock();
    stops.push(keepScreenAwake());
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    document.dispatchEvent(new Event('visibilitychange'));
    await Promise.resolve();
    expect(request).toHaveBeenCalledTimes(1);

    await sentinels[0]?.release();
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(2));
    expect(request).toHaveBeenCalledWith('screen');
  });

  it('releases the lock when kiosk mode ends', async () => {
    const { request, sentinels } = fakeWakeLock();
    const stop = keepScreenAwake();
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    stop();
    expect(sentinels[0]?.released).toBe(true);
  });
});

describe('trapBackNavigation', () => {
  it('puts a sentinel entry behind the app on the first touch and goes forward from it', () => {
    const go = vi.spyOn(history, 'go').mockImplementation(() => {});
    const before = history.length;
    stops.push(trapBackNavigation());
    expect(history.length).toBe(before);
    tap();
    tap();
    expect(history.length).toBe(before + 1);
    window.dispatchEvent(new PopStateEvent('popstate', { state: { 'kiosk-sentinel': true } }));
    expect(go).toHaveBeenCalledWith(1);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(go).toHaveBeenCalledTimes(1);
  });
});

describe('blockStrayGestures', () => {
  function dispatch(target: EventTarget, event: Event) {
    target.dispatchEvent(event);
    return event.defaultPrevented;
  }

  it('blocks the context menu, selection outside fields and ctrl-wheel zoom', () => {
    stops.push(blockStrayGestures());
    const text = document.createElement('p');
    const field = document.createElement('input');
    document.body.append(text, field);
    const cancelable = { bubbles: true, cancelable: true };
    expect(dispatch(text, new MouseEvent('contextmenu', cancelable))).toBe(true);
    expect(dispatch(text, new Event('selectstart', cancelable))).toBe(true);
    expect(dispatch(field, new Event('selectstart', cancelable))).toBe(false);
    expect(dispatch(text, new WheelEvent('wheel', { ...cancelable, ctrlKey: true }))).toBe(true);
    expect(dispatch(text, new WheelEvent('wheel', cancelable))).toBe(false);
    text.remove();
    field.remove();
  });

  it('stops blocking when kiosk mode ends', () => {
    blockStrayGestures()();
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(false);
  });
});
