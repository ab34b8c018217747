import { create } from 'zustand';
import type { SyncStatus } from './engine';

/** The sync status the UI reads (and never writes). */
export const useSyncStatus = create<
  SyncStatus & {
    enrolled: boolean /** The oldest record only on this tablet. */;
    pendingSince: number | null;
    /** How many visitors the pending records belong to (what the chip says). */
    pendingVisitors: number;
  }
>(() => ({
  enrolled: false,
  pendingSince: null,
  pendingVisitors: 0,
  running: false,
  online: true,
  pending: 0,
  lastSuccessAt: null,
  lastError: null,
  clockOffsetMs: null,
  refused: [],
  serverWentBack: null,
}));
