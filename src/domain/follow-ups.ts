/**
 * What a door verdict sets in motion, recorded in the same transaction as the verdict so
 * that it can never be forgotten: a suspected case creates the disinfection tasks, a
 * visitor refusing the measures opens an incident for the duty lead (shared/domain.md).
 */
import { isolationTasks } from './disinfection';
import type { EventDraft } from './events';
import { MASK_ITEM } from './policy';
import type { Visit } from './visit';

export function followUps(before: Visit | null, after: Visit, newId: () => string): EventDraft[] {
  const at = after.updatedAt;
  // A free mask comes from the hall's stock (plans): one issue per visitor given one.
  const mask: EventDraft[] =
    after.mask === 'given' && before?.mask !== 'given'
      ? [{ type: 'supplies.issued', at, data: { item: MASK_ITEM, quantity: 1 } }]
      : [];
  return [...mask, ...verdictFollowUps(before, after, newId)];
}

function verdictFollowUps(before: Visit | null, after: Visit, newId: () => string): EventDraft[] {
  const at = after.updatedAt;
  if (after.status === 'isolated' && before?.status !== 'isolated') {
    return isolationTasks(after.id, at, newId);
  }
  if (after.abandoned?.reason === 'refused-measures' && !before?.abandoned) {
    return [
      {
        type: 'incident.reported',
        at,
        data: {
          incident: newId(),
          kind: 'refused-measures',
          visit: after.id,
          person: null,
          unit: null,
          temperatures: [],
          note: null,
        },
      },
    ];
  }
  return [];
}
