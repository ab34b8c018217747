import { ulid } from 'ulidx';
import { create } from 'zustand';
import type { EventDraft } from '../../domain/events';
import type { Issued } from '../../domain/issued';
import type { Policy } from '../../domain/policy';
import type { Visit } from '../../domain/visit';
import type { Messages } from '../../i18n/messages';

/** The values scan messages interpolate. */
// A type alias, not an interface: i18next's options need an implicit index signature.
export type ScanNoticeParams = { name?: string; id?: string; day?: string };

/** What a scan did, shown briefly on the door screen (door.scan.* messages). */
export interface ScanNotice {
  tone: 'good' | 'bad';
  key: keyof Messages['door']['scan'];
  params?: ScanNoticeParams;
}

/**
 * UI state of the door: the visit on screen (as last committed to IndexedDB), the
 * last finished visit (its verdict stays visible until the next visitor starts),
 * and a write that failed, kept so it can be retried without re-entering anything.
 */
/** A booked visitor who came too early: told when to come in; no visit, the booking is kept. */
export interface ComeBack {
  booking: { name: string; slotStart: number; slotEnd: number };
  from: number;
}

interface DoorState {
  visit: Visit | null;
  lastFinished: Visit | null;
  comeBack: ComeBack | null;
  setComeBack: (comeBack: ComeBack | null) => void;
  saving: boolean;
  /**
   * The id the next visit opens under, chosen when the door became free: every tap that
   * opens a visit from this screen names it, so a double tap on a booking card (or a code
   * scanned twice) cannot open two visits (src/domain/issued.ts).
   */
  nextVisitId: string;
  failed: { visitId: string; drafts: EventDraft[]; policy: Policy; issued: Issued } | null;
  notice: ScanNotice | null;
  notify: (tone: ScanNotice['tone'], key: ScanNotice['key'], params?: ScanNotice['params']) => void;
  clearNotice: () => void;
  show: (visit: Visit) => void;
  next: () => void;
  setSaving: (saving: boolean) => void;
  setFailed: (failed: DoorState['failed']) => void;
}

export const useDoorStore = create<DoorState>((set) => ({
  visit: null,
  lastFinished: null,
  comeBack: null,
  setComeBack: (comeBack) => set({ comeBack, lastFinished: null }),
  saving: false,
  nextVisitId: ulid(),
  failed: null,
  notice: null,
  // A new object each time: the same notice twice in a row shows its full time again.
  notify: (tone, key, params) => set({ notice: { tone, key, params } }),
  clearNotice: () => set({ notice: null }),
  show: (visit) =>
    set(
      visit.status === 'open'
        ? { visit, failed: null, comeBack: null }
        : { visit: null, lastFinished: visit, failed: null, comeBack: null, nextVisitId: ulid() },
    ),
  next: () =>
    set({
      visit: null,
      lastFinished: null,
      failed: null,
      notice: null,
      comeBack: null,
      nextVisitId: ulid(),
    }),
  setSaving: (saving) => set({ saving }),
  setFailed: (failed) => set({ failed }),
}));
