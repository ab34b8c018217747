/**
 * What a door verdict sets in motion, recorded in the same transaction as the verdict so
 * that it can never be forgotten: a suspected case creates the disinfection tasks and an
 * incident for the duty lead (the alert on every screen until acknowledged); a visitor
 * refusing the measures opens an incident for the duty lead (shared/domain.md).
 */
import { isolationTasks } from './disinfection';
import type { EventDraft, IncidentKind } from './events';
import type { Visit } from './visit';

export function followUps(before: Visit | null, after: Visit, newId: () => string): EventDraft[] {
  const at = after.updatedAt;
  if (after.status === 'isolated' && before?.status !== 'isolated') {
    return [
      ...isolationTasks(after.id, at, newId),
      visitIncident('suspected-case', after, at, newId),
    ];
  }
  if (after.abandoned?.reason === 'refused-measures' && !before?.abandoned) {
    return [visitIncident('refused-measures', after, at, newId)];
  }
  return [];
}

function visitIncident(
  kind: IncidentKind,
  visit: Visit,
  at: number,
  newId: () => string,
): EventDraft {
  return {
    type: 'incident.reported',
    at,
    data: {
      incident: newId(),
      kind,
      visit: visit.id,
      person: null,
      unit: null,
      temperatures: [],
      note: null,
    },
  };
}
