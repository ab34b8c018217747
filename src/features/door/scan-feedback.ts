import { type ScanNotice, useDoorStore } from './door-store';
import { beep } from './scanner/beep';

/** A scan's outcome, heard and seen: one place so every scan step answers alike. */
export function scanFeedback(
  tone: ScanNotice['tone'],
  key: ScanNotice['key'],
  params?: ScanNotice['params'],
): void {
  beep(tone);
  useDoorStore.getState().notify(tone, key, params);
}
