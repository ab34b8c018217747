import { describe, expect, it } from 'vitest';
import type { CheckpointEvent, EventBody, RecordEvent } from '../../src/domain/events';
import { isRecordEvent } from '../../src/domain/events';
import { followUps } from '../../src/domain/follow-ups';
import { awaitingLead, foldIncidents } from '../../src/domain/incidents';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { aBooking, aVisit, ev, fakeUlid } from '../fixtures/builders';

/**
 * Issue 24: an undo at the door withdraws the incident its refusal raised, so a mis-tap
 * refused again leaves one incident, not two. The door's follow-ups are replayed event by
 * event, as the event log runs them.
 */
function doorRecords(specs: readonly EventBody[], visit = 'visit-1'): RecordEvent[] {
  const out: RecordEvent[] = [];
  let n = 0;
  for (let i = 0; i < specs.length; i++) {
    const before = i === 0 ? null : aVisit(specs.slice(0, i), { visit });
    const after = aVisit(specs.slice(0, i + 1), { visit });
    for (const d of followUps(before, after, () => `inc-${visit}-${i}`, DEFAULT_POLICY)) {
      const e = {
        ...d,
        id: fakeUlid(d.at, 900 + ++n),
        site: 'hall-1',
        device: 'tablet-1',
        seq: 900 + n,
        v: 1,
      } as CheckpointEvent;
      if (!isRecordEvent(e)) throw new Error(`${e.type} is not a record`);
      out.push(e);
    }
  }
  return out;
}

const atDoor: EventBody[] = [ev.opened(), ev.booked(aBooking())];
const maskRefused: EventBody[] = [
  ev.mask('refused'),
  ev.decided({ kind: 'refused', reason: 'mask-refused' }),
];

describe('an undo withdraws what the refusal raised (issue 24)', () => {
  it('mask refused → undo → refused again: one incident, not two', () => {
    const once = doorRecords([...atDoor, ...maskRefused]);
    expect(foldIncidents(once).map((i) => i.kind)).toEqual(['refused-measures']);

    const undone = doorRecords([...atDoor, ...maskRefused, ev.reopened('mask')]);
    expect(undone.map((e) => e.type)).toEqual(['incident.reported', 'incident.withdrawn']);
    expect(foldIncidents(undone)).toEqual([]);

    const again = doorRecords([...atDoor, ...maskRefused, ev.reopened('mask'), ...maskRefused]);
    const incidents = foldIncidents(again);
    expect(incidents).toHaveLength(1);
    expect(awaitingLead(incidents).map((i) => i.incident)).toEqual(['inc-visit-1-6']);
  });

  it('an identity refused and undone: no incident; the visitor then gives it: still none', () => {
    const records = doorRecords([
      ...atDoor,
      ev.mask(),
      ev.identityRefused(),
      ev.reopened('identity'),
      ev.identity(),
    ]);
    expect(records.map((e) => e.type)).toEqual(['incident.reported', 'incident.withdrawn']);
    expect(foldIncidents(records)).toEqual([]);
  });

  it('withdraws only that visit’s incidents of that kind, wherever the events arrive from', () => {
    const a = doorRecords([...atDoor, ...maskRefused, ev.reopened('mask')], 'visit-a');
    const b = doorRecords([...atDoor, ...maskRefused], 'visit-b');
    const all = [...a, ...b];
    expect(foldIncidents(all).map((i) => i.visit)).toEqual(['visit-b']);
    expect(foldIncidents([...all].reverse()).map((i) => i.visit)).toEqual(['visit-b']);
  });

  it('a withdrawal never reaches an incident reported after it', () => {
    const records = doorRecords([
      ...atDoor,
      ...maskRefused,
      ev.reopened('mask'),
      ...maskRefused,
      ev.reopened('mask'),
      ...maskRefused,
    ]);
    expect(records.filter((e) => e.type === 'incident.withdrawn')).toHaveLength(2);
    expect(foldIncidents([...records].reverse())).toHaveLength(1);
  });
});
