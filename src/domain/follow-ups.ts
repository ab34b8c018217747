/**
 * What a door verdict sets in motion, recorded in the same transaction as the verdict so
 * that it can never be forgotten: a suspected case creates the disinfection tasks and an
 * incident for the duty lead (the alert on every screen until acknowledged); a visitor
 * refusing the measures (a mask, their identity) opens an incident for the duty lead, as
 * does a person turned away earlier today who comes back (shared/domain.md), a health code
 * another identity showed today (src/domain/shared-code.ts, whatever staff decided), and a
 * visitor with a raised reading who walks off before the re-check (domain/walked-off).
 */
import { isolationTasks } from './disinfection';
import type { EventDraft, IncidentKind } from './events';
import { MASK_ITEM, type Policy } from './policy';
import type { Visit } from './visit';
import { walkedOffFebrile } from './walked-off';

function refusedMeasures(v: Visit | null): boolean {
  return (
    !!v &&
    (v.abandoned?.reason === 'refused-measures' ||
      v.identityRefused ||
      (v.decision?.outcome.kind === 'refused' && v.decision.outcome.reason === 'mask-refused'))
  );
}

export function followUps(
  before: Visit | null,
  after: Visit,
  newId: () => string,
  policy: Policy,
): EventDraft[] {
  const at = after.updatedAt;
  // A free mask comes from the hall's stock (plans): one issue per visitor given one.
  const mask: EventDraft[] =
    after.mask === 'given' && before?.mask !== 'given'
      ? [{ type: 'supplies.issued', at, data: { item: MASK_ITEM, quantity: 1 } }]
      : [];
  const walkedOff =
    walkedOffFebrile(after, policy) && !(before && walkedOffFebrile(before, policy))
      ? [visitIncident('febrile-left', after, after.updatedAt, newId)]
      : [];
  return [...mask, ...verdictFollowUps(before, after, newId), ...walkedOff];
}

function verdictFollowUps(before: Visit | null, after: Visit, newId: () => string): EventDraft[] {
  const at = after.updatedAt;
  const drafts: EventDraft[] = [];
  if (after.status === 'isolated' && before?.status !== 'isolated') {
    drafts.push(
      ...isolationTasks(after.id, at, newId),
      visitIncident('suspected-case', after, at, newId),
    );
  }
  if (refusedMeasures(after) && !refusedMeasures(before)) {
    drafts.push(visitIncident('refused-measures', after, at, newId));
  }
  if (after.returnee && !before?.returnee) drafts.push(visitIncident('returnee', after, at, newId));
  // An undo took the refusal (or the identity that made a returnee) back: so is its incident.
  if (refusedMeasures(before) && !refusedMeasures(after))
    drafts.push(withdrawn('refused-measures'));
  if (before?.returnee && !after.returnee) drafts.push(withdrawn('returnee'));
  if (after.sharedCode && !before?.sharedCode)
    drafts.push(visitIncident('shared-code', after, at, newId));
  if (before?.sharedCode && !after.sharedCode) drafts.push(withdrawn('shared-code'));
  return drafts;

  function withdrawn(kind: IncidentKind): EventDraft {
    return { type: 'incident.withdrawn', at, data: { visit: after.id, kind } };
  }
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
