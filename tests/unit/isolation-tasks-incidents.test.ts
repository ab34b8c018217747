import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTasks, isolationTasks, planTaskDone } from '../../src/domain/disinfection';
import type { CheckpointEvent, EventDraft, RecordEvent } from '../../src/domain/events';
import { isRecordEvent } from '../../src/domain/events';
import { followUps } from '../../src/domain/follow-ups';
import { reportFacts } from '../../src/domain/incident-report';
import {
  awaitingLead,
  foldIncidents,
  type IncidentInput,
  planIncidentReport,
  planIncidentStep,
} from '../../src/domain/incidents';
import { isolationArea, nextIsolationStep, planIsolationStep } from '../../src/domain/isolation';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { foldVisit, type Visit } from '../../src/domain/visit';
import {
  aBooking,
  aVisit,
  ev,
  FIXED_NOW,
  fakeUlid,
  MINUTE,
  pinAt,
  visitEvents,
} from '../fixtures/builders';
import { policyWith } from '../fixtures/queue-day';

const at = (minutes: number) => FIXED_NOW + minutes * MINUTE;
const isolated = (id: string, extra: Parameters<typeof aVisit>[0] = []) =>
  aVisit(
    [
      ev.opened(),
      ev.temperature(38.2),
      ev.temperature(38.4),
      ev.decided({ kind: 'isolated' }),
      ...extra,
    ],
    {
      visit: id,
    },
  );

let n = 0;
function records(drafts: readonly EventDraft[], device = 'tablet-1'): RecordEvent[] {
  return drafts.map((d, i) => {
    const e = {
      ...d,
      id: fakeUlid(d.at, ++n),
      site: 'hall-1',
      device,
      seq: i + 1,
      v: 1,
    } as CheckpointEvent;
    if (!isRecordEvent(e)) throw new Error(`${e.type} is not a record`);
    return e;
  });
}

describe('the isolation checklist', () => {
  it('records each step once, with its time; the hand-over names the hospital and is the exit', () => {
    let visit = isolated('x1');
    const step = (s: 'entered' | 'ambulance-called' | 'handed-over', t: number, hospital = '') =>
      planIsolationStep([visit], DEFAULT_POLICY, 'x1', s, hospital, t);

    const entered = step('entered', at(1));
    expect(entered.answer).toEqual({ ok: true, step: 'entered', overCapacity: false });
    visit = aVisit(
      [ev.opened(), ev.decided({ kind: 'isolated' }), pinAt(ev.isolationEntered(), at(1))],
      {
        visit: 'x1',
      },
    );
    expect(step('entered', at(2)).answer).toEqual({
      ok: false,
      reason: 'already-recorded',
      at: at(1),
    });
    // In order: no hand-over before 120 was called.
    expect(step('handed-over', at(3), '县人民医院')).toEqual({
      drafts: [],
      answer: { ok: false, reason: 'earlier-step-missing', missing: 'ambulance-called' },
    });
    visit = aVisit(
      [
        ev.opened(),
        ev.decided({ kind: 'isolated' }),
        pinAt(ev.isolationEntered(), at(1)),
        pinAt(ev.ambulanceCalled(), at(2)),
      ],
      { visit: 'x1' },
    );
    expect(step('handed-over', at(3), '   ').answer).toEqual({
      ok: false,
      reason: 'hospital-missing',
    });
    const handed = step('handed-over', at(3), ' 县人民医院 ');
    expect(handed.drafts.map((d) => [d.type, d.data])).toEqual([
      ['isolation.handed-over', { hospital: '县人民医院' }],
      ['visit.exited', { automatic: false }],
    ]);
  });

  it('refuses steps for a visitor who was not isolated, and any step after the hand-over', () => {
    const admitted = aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A001' })], {
      visit: 'a1',
    });
    expect(
      planIsolationStep([admitted], DEFAULT_POLICY, 'a1', 'entered', '', at(1)).answer,
    ).toEqual({ ok: false, reason: 'not-isolated' });
    const gone = isolated('x1', [pinAt(ev.handedOver(), at(5))]);
    expect(
      planIsolationStep([gone], DEFAULT_POLICY, 'x1', 'ambulance-called', '', at(6)).answer,
    ).toEqual({
      ok: false,
      reason: 'already-handed-over',
      at: at(5),
    });
  });

  it('takes the steps in order: 120 only once in the area, the hand-over only after 120', () => {
    const fresh = isolated('x1');
    expect(
      planIsolationStep([fresh], DEFAULT_POLICY, 'x1', 'ambulance-called', '', at(1)).answer,
    ).toEqual({ ok: false, reason: 'earlier-step-missing', missing: 'entered' });
    expect(
      planIsolationStep([fresh], DEFAULT_POLICY, 'x1', 'handed-over', '医院', at(1)).answer,
    ).toEqual({ ok: false, reason: 'earlier-step-missing', missing: 'ambulance-called' });
    expect(nextIsolationStep(fresh.isolation)).toBe('entered');
    const called = isolated('x1', [ev.isolationEntered(), ev.ambulanceCalled()]);
    expect(nextIsolationStep(called.isolation)).toBe('handed-over');
    expect(
      planIsolationStep([called], DEFAULT_POLICY, 'x1', 'handed-over', '医院', at(3)).answer,
    ).toEqual({ ok: true, step: 'handed-over', overCapacity: false });
  });

  it('shows who is in the area against its places, and says when it is over capacity', () => {
    const policy = policyWith({}, { places: 1 });
    const inside = isolated('x1', [ev.isolationEntered()]);
    const waiting = isolated('x2');
    const handed = isolated('x3', [ev.isolationEntered(), ev.handedOver()]);
    const area = isolationArea([waiting, handed, inside], policy);
    expect(area).toMatchObject({ places: 1, inArea: 1, full: true });
    expect(area.cases.map((c) => [c.visit.id, c.inArea])).toEqual([
      ['x1', true],
      ['x2', false],
      ['x3', false],
    ]);
    const over = planIsolationStep([inside, waiting], policy, 'x2', 'entered', '', at(9));
    expect(over.answer).toEqual({ ok: true, step: 'entered', overCapacity: true });
  });

  it('folds the checklist the same in any order', () => {
    const events = visitEvents([
      ev.opened(),
      ev.decided({ kind: 'isolated' }),
      ev.isolationEntered(),
      ev.ambulanceCalled(),
      ev.isolationEntered(),
      ev.handedOver('A'),
      ev.handedOver('B'),
      ev.called(2),
      ev.recalled(2),
      ev.served(2),
      ev.noShow(3),
      ev.exited(),
    ]);
    const expected = foldVisit(events);
    expect(expected?.isolation.handedOver?.hospital).toBe('A');
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          expect(foldVisit(shuffled)).toStrictEqual(expected);
        },
      ),
    );
  });
});

describe('disinfection tasks', () => {
  const ids = ['t-point', 't-area'];
  const requested = records(isolationTasks('x1', at(1), () => ids.shift() ?? 'extra'));

  it('an isolation asks for the temperature point and the isolation area', () => {
    expect(foldTasks(requested).map((t) => [t.task, t.spot, t.cause, t.done])).toEqual([
      ['t-point', 'temperature-point', 'x1', null],
      ['t-area', 'isolation-area', 'x1', null],
    ]);
  });

  it('a cleaner ticks a task off with name and time; a second tick is answered, not stored', () => {
    const tasks = foldTasks(requested);
    expect(planTaskDone(tasks, 't-point', '  ', at(2)).answer).toEqual({
      ok: false,
      reason: 'name-missing',
    });
    expect(planTaskDone(tasks, 'nope', '王师傅', at(2)).answer).toEqual({
      ok: false,
      reason: 'unknown-task',
    });
    const done = planTaskDone(tasks, 't-point', ' 王师傅 ', at(2));
    expect(done.drafts).toEqual([
      { type: 'disinfection.done', at: at(2), data: { task: 't-point', by: '王师傅' } },
    ]);
    const after = foldTasks([...requested, ...records(done.drafts)]);
    expect(after[0]?.done).toEqual({ by: '王师傅', at: at(2) });
    expect(planTaskDone(after, 't-point', '李阿姨', at(3)).answer).toEqual({
      ok: false,
      reason: 'already-done',
      by: '王师傅',
      at: at(2),
    });
  });

  it('two cleaners ticking at once on two tablets: the earlier tick stands, in any order', () => {
    const ticks = [
      ...records(
        [{ type: 'disinfection.done', at: at(4), data: { task: 't-area', by: '乙' } }],
        'tab-2',
      ),
      ...records(
        [{ type: 'disinfection.done', at: at(3), data: { task: 't-area', by: '甲' } }],
        'tab-1',
      ),
    ];
    const all = [...ticks, ...requested];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        (s) => {
          expect(foldTasks(s).find((t) => t.task === 't-area')?.done).toEqual({
            by: '甲',
            at: at(3),
          });
        },
      ),
    );
  });
});

describe('incidents', () => {
  const input: IncidentInput = {
    kind: 'staff-abnormal',
    visit: null,
    person: '赵六',
    unit: '社保 3号窗口',
    temperature: '37.8',
    note: '上班测温异常',
  };
  const report = (i: IncidentInput = input) =>
    planIncidentReport(i, DEFAULT_POLICY, () => 'inc-1', at(1));

  it('records a staff member with an abnormal temperature', () => {
    expect(report().drafts).toEqual([
      {
        type: 'incident.reported',
        at: at(1),
        data: {
          incident: 'inc-1',
          kind: 'staff-abnormal',
          visit: null,
          person: '赵六',
          unit: '社保 3号窗口',
          temperatures: [37.8],
          note: '上班测温异常',
        },
      },
    ]);
  });

  it('answers a missing who and a mistyped temperature without recording', () => {
    expect(report({ ...input, person: ' ' }).answer).toEqual({ ok: false, reason: 'who-missing' });
    expect(report({ ...input, temperature: '378' }).answer).toEqual({
      ok: false,
      reason: 'temperature',
      problem: 'implausible',
    });
    expect(report({ ...input, temperature: '3x' }).drafts).toEqual([]);
  });

  it('cuts free text to what the wire schema accepts', () => {
    const long = report({ ...input, note: '很'.repeat(800) }).drafts[0];
    expect(long?.type === 'incident.reported' && long.data.note?.length).toBe(500);
  });

  it('alerts the lead until acknowledged; each step once, only the steps of its kind', () => {
    const reported = records(report().drafts);
    let incidents = foldIncidents(reported);
    expect(awaitingLead(incidents).map((i) => i.incident)).toEqual(['inc-1']);
    expect(planIncidentStep(incidents, 'inc-1', 'police-called', at(2)).answer).toEqual({
      ok: false,
      reason: 'step-not-applicable',
    });
    const ack = planIncidentStep(incidents, 'inc-1', 'lead-acknowledged', at(2));
    incidents = foldIncidents([...reported, ...records(ack.drafts)]);
    expect(awaitingLead(incidents)).toEqual([]);
    expect(planIncidentStep(incidents, 'inc-1', 'lead-acknowledged', at(3)).answer).toEqual({
      ok: false,
      reason: 'already-recorded',
      at: at(2),
    });
    expect(planIncidentStep(incidents, 'other', 'lead-acknowledged', at(3)).answer).toEqual({
      ok: false,
      reason: 'unknown-incident',
    });
  });

  it('the report says who (masked), where, when, the temperatures and what was done', () => {
    const booking = aBooking({ name: '钱七星' });
    const visit: Visit = aVisit(
      [
        ev.opened(),
        ev.booked(booking),
        ev.mask(),
        ev.temperature(37.6),
        ev.abandoned('refused-measures'),
      ],
      { visit: 'v9' },
    );
    const drafts = followUps(null, visit, () => 'inc-9', DEFAULT_POLICY);
    const reported = records(drafts);
    const steps = records([
      { type: 'incident.step', at: at(5), data: { incident: 'inc-9', step: 'police-called' } },
    ]);
    const [incident] = foldIncidents([...steps, ...reported]);
    if (!incident) throw new Error('no incident');
    expect(reportFacts(incident, visit)).toEqual({
      kind: 'refused-measures',
      reportedAt: visit.updatedAt,
      who: '钱*星',
      ticket: null,
      place: { kind: 'door' },
      unit: null,
      temperatures: [37.6],
      done: [{ step: 'police-called', at: at(5) }],
      pending: ['lead-acknowledged'],
      note: null,
      isolation: [],
    });
  });

  it('a suspected case’s report holds the isolation checklist; a staff member is named', () => {
    const visit = isolated('x1', [
      pinAt(ev.isolationEntered(), at(1)),
      pinAt(ev.ambulanceCalled(), at(2)),
      pinAt(ev.handedOver('县人民医院'), at(30)),
    ]);
    const [suspected] = foldIncidents(
      records(followUps(null, visit, () => 'inc-1', DEFAULT_POLICY)).filter(
        (e) => e.type === 'incident.reported',
      ),
    );
    if (!suspected) throw new Error('no incident');
    expect(reportFacts(suspected, visit)).toMatchObject({
      kind: 'suspected-case',
      temperatures: [38.2, 38.4],
      pending: ['lead-acknowledged'],
      isolation: [
        { step: 'entered', at: at(1) },
        { step: 'ambulance-called', at: at(2) },
        { step: 'handed-over', at: at(30), hospital: '县人民医院' },
      ],
    });
    const [staff] = foldIncidents(
      records(
        planIncidentReport(
          {
            kind: 'staff-abnormal',
            visit: null,
            person: '孙七',
            unit: '',
            temperature: '37.9',
            note: '',
          },
          DEFAULT_POLICY,
          () => 'inc-2',
          at(3),
        ).drafts,
      ),
    );
    if (!staff) throw new Error('no incident');
    expect(reportFacts(staff, undefined).who).toBe('孙七');
  });
});

describe('follow-ups of a door verdict', () => {
  const newIds = () => {
    let i = 0;
    return () => `id-${++i}`;
  };

  it('an isolation creates the two disinfection tasks and the lead’s suspected-case alert, once', () => {
    const open = aVisit([ev.opened(), ev.temperature(38.3)]);
    const done = isolated('visit-1');
    const drafts = followUps(open, done, newIds(), DEFAULT_POLICY);
    expect(
      drafts.map((d) =>
        d.type === 'disinfection.requested'
          ? d.data.spot
          : d.type === 'incident.reported' && [d.data.kind, d.data.visit],
      ),
    ).toEqual(['temperature-point', 'isolation-area', ['suspected-case', 'visit-1']]);
    expect(drafts.every((d) => d.visit === undefined)).toBe(true);
    expect(followUps(done, done, newIds(), DEFAULT_POLICY)).toEqual([]);
  });

  it('a refusal of the measures opens an incident; leaving does not', () => {
    const open = aVisit([ev.opened()]);
    const refused = aVisit([ev.opened(), ev.abandoned('refused-measures')]);
    expect(followUps(open, refused, newIds(), DEFAULT_POLICY).map((d) => d.type)).toEqual([
      'incident.reported',
    ]);
    expect(
      followUps(open, aVisit([ev.opened(), ev.abandoned('left')]), newIds(), DEFAULT_POLICY),
    ).toEqual([]);
    expect(
      followUps(
        open,
        aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A1' })]),
        newIds(),
        DEFAULT_POLICY,
      ),
    ).toEqual([]);
  });
  it('a visitor with a raised first reading who leaves before the re-check decides opens an incident, once', () => {
    const kinds = (before: Visit, after: Visit) =>
      followUps(before, after, newIds(), DEFAULT_POLICY).map((d) =>
        d.type === 'incident.reported' ? [d.data.kind, d.data.visit] : d.type,
      );
    const resting = aVisit([ev.opened(), ev.temperature(37.9)], { visit: 'v-left' });
    const left = aVisit([ev.opened(), ev.temperature(37.9), ev.abandoned('left')], {
      visit: 'v-left',
    });
    expect(kinds(resting, left)).toEqual([['febrile-left', 'v-left']]);
    expect(kinds(left, left)).toEqual([]);
    // Reset for idleness and not resumed: she is gone just the same.
    const discarded = aVisit([ev.opened(), ev.temperature(37.4), ev.abandoned('discarded-draft')]);
    expect(kinds(aVisit([ev.opened(), ev.temperature(37.4)]), discarded)).toHaveLength(1);
    // A normal reading, or a measuring error, is nobody to follow up.
    const normal = aVisit([ev.opened(), ev.temperature(36.6), ev.abandoned('left')]);
    expect(kinds(aVisit([ev.opened()]), normal)).toEqual([]);
    const implausible = aVisit([ev.opened(), ev.temperature(45), ev.abandoned('left')]);
    expect(kinds(aVisit([ev.opened()]), implausible)).toEqual([]);
    // Refusing the measures has its own incident, not a second one.
    const refusing = aVisit([ev.opened(), ev.temperature(37.9), ev.abandoned('refused-measures')], {
      visit: 'v-left',
    });
    expect(kinds(resting, refusing)).toEqual([['refused-measures', 'v-left']]);
  });
});
