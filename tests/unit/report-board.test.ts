import { describe, expect, it } from 'vitest';
import { boardCalls, callsToAnnounce, speaksHere } from '../../src/domain/board';
import { summariseDay } from '../../src/domain/day-summary';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import { queueState } from '../../src/domain/queue';
import { chartHours, dayCases } from '../../src/domain/report';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, pinAt, recordEvents } from '../fixtures/builders';

const HOUR = 60 * MINUTE;
const at = (h: number, m = 0) => new Date(2026, 10, 28, h, m).getTime();

describe('the report’s cases', () => {
  const isolated = aVisit(
    [
      ev.opened(),
      ev.temperature(37.9),
      ev.temperature(38.1),
      ev.identity(aBooking({ name: '王小明' })),
      ev.decided({ kind: 'isolated' }),
      ev.isolationEntered(),
      ev.ambulanceCalled(),
      ev.handedOver('县人民医院'),
    ],
    { visit: 'iso', start: at(9, 10) },
  );
  const feverClinic = aVisit(
    [ev.opened(), ev.temperature(37.4), ev.decided({ kind: 'refused', reason: 'fever-clinic' })],
    { visit: 'fc', start: at(8, 40) },
  );
  const home = aVisit(
    [
      ev.opened(),
      ev.temperature(37.4),
      ev.decided({ kind: 'refused', reason: 'home-observation' }),
    ],
    { visit: 'home', start: at(11, 0) },
  );
  const redCode = aVisit(
    [ev.opened(), ev.healthCode('red'), ev.decided({ kind: 'refused', reason: 'code-not-green' })],
    { visit: 'red', start: at(11, 30) },
  );
  const noBooking = aVisit(
    [ev.opened(), ev.decided({ kind: 'refused', reason: 'no-appointment' })],
    { visit: 'nb', start: at(12, 0) },
  );
  const records = recordEvents([
    {
      type: 'disinfection.requested',
      at: at(9, 12),
      data: { task: 't1', spot: 'temperature-point', cause: 'iso' },
    },
    { type: 'disinfection.done', at: at(10, 0), data: { task: 't1', by: '李保洁' } },
    {
      type: 'incident.reported',
      at: at(9, 12),
      data: {
        incident: 'i-iso',
        kind: 'suspected-case',
        visit: 'iso',
        person: null,
        unit: null,
        temperatures: [],
        note: null,
      },
    },
    {
      type: 'incident.step',
      at: at(9, 20),
      data: { incident: 'i-iso', step: 'lead-acknowledged' },
    },
    {
      type: 'incident.reported',
      at: at(14, 0),
      data: {
        incident: 'i-staff',
        kind: 'staff-abnormal',
        visit: null,
        person: '赵工',
        unit: '社保 3号窗口',
        temperatures: [37.8],
        note: null,
      },
    },
  ]);

  it('lists isolation, fever clinic, home observation, health refusals and incidents, in time order', () => {
    const cases = dayCases(
      [isolated, feverClinic, home, redCode, noBooking],
      records,
      DEFAULT_POLICY,
    );
    expect(cases.map((c) => c.kind)).toEqual([
      'fever-clinic',
      'isolation',
      'home-observation',
      'refusal',
      'staff-abnormal',
    ]);
  });

  it('says what was done about a suspected case, each with its time, and masks the visitor', () => {
    const [, iso] = dayCases([isolated, feverClinic], records, DEFAULT_POLICY);
    expect(iso).toMatchObject({ kind: 'isolation', who: '王*明', temperatures: [37.9, 38.1] });
    expect(iso?.done.map((d) => (d.kind === 'isolation' ? d.step : d.kind))).toEqual([
      'entered',
      'ambulance-called',
      'handed-over',
      'incident',
      'disinfected',
    ]);
    expect(iso?.done.find((d) => d.kind === 'isolation' && d.step === 'handed-over')).toMatchObject(
      { hospital: '县人民医院' },
    );
  });

  it('lists a visitor with a raised reading who walked off before the re-check, with her readings', () => {
    const left = aVisit(
      [
        ev.opened(),
        ev.booked(aBooking({ name: '李小红' })),
        ev.temperature(37.9),
        pinAt(ev.abandoned('left'), at(10, 5)),
      ],
      { visit: 'left', start: at(10, 0) },
    );
    const normalLeft = aVisit([ev.opened(), ev.temperature(36.5), ev.abandoned('left')], {
      visit: 'ok',
      start: at(10, 30),
    });
    // Recorded by an older tablet: no incident, still a case.
    expect(dayCases([left, normalLeft], [], DEFAULT_POLICY)).toEqual([
      {
        kind: 'febrile-left',
        at: at(10, 5),
        who: '李*红',
        ticket: null,
        temperatures: [37.9],
        reason: null,
        done: [],
      },
    ]);
    const acknowledged = recordEvents([
      {
        type: 'incident.reported',
        at: at(10, 5),
        data: {
          incident: 'i-left',
          kind: 'febrile-left',
          visit: 'left',
          person: null,
          unit: null,
          temperatures: [],
          note: null,
        },
      },
      {
        type: 'incident.step',
        at: at(10, 9),
        data: { incident: 'i-left', step: 'lead-acknowledged' },
      },
    ]);
    const cases = dayCases([left], acknowledged, DEFAULT_POLICY);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.done).toEqual([
      { kind: 'incident', step: 'lead-acknowledged', at: at(10, 9) },
    ]);
  });

  it('names the staff member of a staff incident (masked on the printed page like anyone)', () => {
    const staff = dayCases([], records, DEFAULT_POLICY).find((c) => c.kind === 'staff-abnormal');
    expect(staff).toMatchObject({ who: '赵*', temperatures: [37.8] });
  });
});

describe('the chart’s hours', () => {
  const hours = (visits: ReturnType<typeof aVisit>[], policy: Policy = DEFAULT_POLICY) =>
    chartHours(summariseDay(visits, policy).hours, policy).map((h) => h.hour);

  it('spans the hall’s day from the policy: opening to closing', () => {
    expect(hours([])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const late: Policy = {
      ...DEFAULT_POLICY,
      hours: { opening: '06:00' },
      ledger: { ...DEFAULT_POLICY.ledger, closing: '20:00' },
    };
    expect(hours([], late)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('widens to any hour with arrivals, so an arrival at 06:50 is never dropped', () => {
    const early = aVisit([ev.opened()], { visit: 'e', start: at(6, 50) });
    const late = aVisit([ev.opened()], { visit: 'l', start: at(19, 5) });
    const shown = hours([early, late]);
    expect(shown[0]).toBe(6);
    expect(shown.at(-1)).toBe(19);
  });
});

describe('the board, like a 叫号机', () => {
  const admitted = (visit: string, ticket: string, more: Parameters<typeof pinAt>[0][] = []) =>
    aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket }), ...more], {
      visit,
      start: FIXED_NOW + visit.length * MINUTE,
    });

  it('shows a call while it is open and clears it when served, no-show or left', () => {
    const open = admitted('a', 'A001', [ev.called(1)]);
    const served = admitted('bb', 'A002', [ev.called(2), ev.served(2)]);
    const noShow = admitted('ccc', 'A003', [ev.called(3), ev.noShow(3)]);
    const left = admitted('dddd', 'A004', [ev.called(4), ev.exited()]);
    const calls = boardCalls(queueState([open, served, noShow, left], DEFAULT_POLICY));
    expect(calls.current?.ticket).toBe('A001');
    expect(calls.others).toEqual([]);
    const none = boardCalls(queueState([served, noShow, left], DEFAULT_POLICY));
    expect(none.current).toBeNull();
  });

  it('puts the newest open call (a recall counts as new) first', () => {
    const first = admitted('a', 'A001', [pinAt(ev.called(1), FIXED_NOW + HOUR)]);
    const second = admitted('bb', 'A002', [pinAt(ev.called(2), FIXED_NOW + HOUR + MINUTE)]);
    expect(boardCalls(queueState([first, second], DEFAULT_POLICY)).current?.ticket).toBe('A002');
    const recalled = admitted('a', 'A001', [
      pinAt(ev.called(1), FIXED_NOW + HOUR),
      pinAt(ev.recalled(1), FIXED_NOW + HOUR + 2 * MINUTE),
    ]);
    const calls = boardCalls(queueState([recalled, second], DEFAULT_POLICY));
    expect(calls.current?.ticket).toBe('A001');
    expect(calls.others.map((c) => c.ticket)).toEqual(['A002']);
  });

  it('announces each call and recall once', () => {
    const called = admitted('a', 'A001', [pinAt(ev.called(1), FIXED_NOW + HOUR)]);
    const q1 = queueState([called], DEFAULT_POLICY);
    const first = callsToAnnounce(q1, new Set());
    expect(first).toMatchObject([{ ticket: 'A001', window: 1 }]);
    const said = new Set(first.map((a) => a.key));
    expect(callsToAnnounce(q1, said)).toEqual([]);
    const recalled = admitted('a', 'A001', [
      pinAt(ev.called(1), FIXED_NOW + HOUR),
      pinAt(ev.recalled(1), FIXED_NOW + HOUR + MINUTE),
    ]);
    expect(callsToAnnounce(queueState([recalled], DEFAULT_POLICY), said)).toHaveLength(1);
  });

  it('speaks on the screen the policy names', () => {
    const on = (speaker: Policy['voice']['speaker']) => ({ ...DEFAULT_POLICY, voice: { speaker } });
    expect([speaksHere(on('guide'), 'board'), speaksHere(on('guide'), 'guide')]).toEqual([
      false,
      true,
    ]);
    expect([speaksHere(on('board'), 'board'), speaksHere(on('board'), 'guide')]).toEqual([
      true,
      false,
    ]);
    expect([speaksHere(on('both'), 'board'), speaksHere(on('both'), 'guide')]).toEqual([
      true,
      true,
    ]);
  });
});
