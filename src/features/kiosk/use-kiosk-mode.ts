import { useEffect } from 'react';
import { stayFullscreen } from './fullscreen';
import { trapBackNavigation } from './history-trap';
import { blockStrayGestures } from './touch-guards';
import { keepScreenAwake } from './wake-lock';

/** While kiosk mode is on: full screen, awake, no back gesture, no stray gestures. */
export function useKioskMode(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const stops = [stayFullscreen(), keepScreenAwake(), trapBackNavigation(), blockStrayGestures()];
    return () => {
      for (const stop of stops) stop();
    };
  }, [enabled]);
}
