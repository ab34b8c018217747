import type { Visit } from './visit';

/**
 * Drafts: visits opened at this door and never finished (no verdict, not abandoned),
 * other than the one on screen. Every step is already in the event log, so a visit
 * put aside by the idle reset is simply an open visit; the next staff member resumes
 * it or discards it (which records an abandonment). Newest first.
 */
export function draftsOf(
  visits: readonly Visit[],
  /** null: opened at any tablet (a visitor resting belongs to the door, not the tablet). */
  device: string | null,
  onScreen: string | null,
) {
  return visits
    .filter(
      (v) => v.status === 'open' && (device === null || v.device === device) && v.id !== onScreen,
    )
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
