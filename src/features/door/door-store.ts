import { create } from 'zustand';
import type { EventDraft } from '../../domain/events';
import type { Policy } from '../../domain/policy';
import type { Visit } from '../../domain/visit';

/**
 * UI state of the door: the visit on screen (as last committed to IndexedDB), the
 * last finished visit (its verdict stays visible until the next visitor starts),
 * and a write that failed, kept so it can be retried without re-entering anything.
 */
interface DoorState {
  visit: Visit | null;
  lastFinished: Visit | null;
  saving: boolean;
  failed: { visitId: string; drafts: EventDraft[]; policy: Policy } | null;
  show: (visit: Visit) => void;
  next: () => void;
  setSaving: (saving: boolean) => void;
  setFailed: (failed: DoorState['failed']) => void;
}

export const useDoorStore = create<DoorState>((set) => ({
  visit: null,
  lastFinished: null,
  saving: false,
  failed: null,
  show: (visit) =>
    set(
      visit.status === 'open'
        ? { visit, failed: null }
        : { visit: null, lastFinished: visit, failed: null },
    ),
  next: () => set({ visit: null, lastFinished: null, failed: null }),
  setSaving: (saving) => set({ saving }),
  setFailed: (failed) => set({ failed }),
}));
