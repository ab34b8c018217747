import { useDoorStore } from '../features/door/door-store';
import { useKioskStore } from '../features/kiosk/kiosk-store';

/**
 * Whether the idle reset has anything to do: a visit, a verdict, another screen, an
 * unlocked lead. The guide's screens are the exception: a guide's tablet stays on them
 * all day between calls, and they show names masked only.
 */
export function doorNeedsReset(location: string): boolean {
  const door = useDoorStore.getState();
  const guide = location === '/guide' || location.startsWith('/guide/');
  return (
    door.visit !== null ||
    door.lastFinished !== null ||
    (location !== '/' && !guide) ||
    useKioskStore.getState().leadUnlocked ||
    useKioskStore.getState().leadPresent
  );
}

/**
 * Clears the door for the next staff member. The visit on screen needs no saving:
 * every step is already in the event log, so it stays there as an open visit (a
 * draft) to resume or discard. Returns its id.
 */
export function putDoorAside(): string | null {
  const draft = useDoorStore.getState().visit?.id ?? null;
  useDoorStore.getState().next();
  useKioskStore.getState().leave();
  return draft;
}
