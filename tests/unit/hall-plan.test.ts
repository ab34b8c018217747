import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldClosure, planReopen, planSuspend, planTurnAway } from '../../src/domain/closure';
import type { CheckpointEvent, EventDraft, RecordEvent } from '../../src/domain/events';
import { isRecordEvent } from '../../src/domain/events';
import { followUps } from '../../src/domain/follow-ups';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import { hallCalling, planQueueCommand } from '../../src/domain/queue-commands';
import { hasPersonalData, withoutPersonalData } from '../../src/domain/retention';
import { foldRounds, overdueRounds, planRoundTick } from '../../src/domain/rounds';
import {
  checkSlot,
  closedWindows,
  foldStaff,
  overdueChecks,
  planStaffCleared,
  planStaffReading,
  staffToday,
} from '../../src/domain/staff-health';
import {
  foldStock,
  isSupplyEvent,
  lowStock,
  planSupply,
  type SupplyEvent,
  stockOfDay,
} from '../../src/domain/supplies';
import { dayKey, timeOnDay } from '../../src/domain/time';
import { aVisit, ev, FIXED_NOW, fakeUlid } from '../fixtures/builders';

const DAY = dayKey(FIXED_NOW);
const at = (hhmm: string) => timeOnDay(DAY, hhmm);
const policy: Policy = DEFAULT_POLICY;

let counter = 0;
/** Each tablet's seq goes on from call to call, gap-free, as on a real tablet. */
const seqs = new Map<string, number>();
/** Events as tablet `device` wrote them (seq in the order given, after its earlier ones). */
function written(drafts: readonly EventDraft[], device = 'tablet-1'): CheckpointEvent[] {
  return drafts.map((d) => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    const e = { ...d, id: fakeUlid(d.at, ++counter), site: 'hall-1', device, seq, v: 1 };
    return e as CheckpointEvent;
  });
}
const records = (drafts: readonly EventDraft[], device?: string): RecordEvent[] =>
  written(drafts, device).filter(isRecordEvent);
const supplies = (drafts: readonly EventDraft[], device?: string): SupplyEvent[] =>
  written(drafts, device).filter(isSupplyEvent);

const added = (staff: string, name: string, window: number | null, time = '07:00'): EventDraft => ({
  type: 'staff.added',
  at: at(time),
  data: { staff, name, post: window ? `${window} 号窗口` : null, window },
});
const roster = records([
  added('s1', '张三', 3),
  added('s2', '李四', 4),
  added('s3', '王五', null),
  added('s4', '赵六', 5),
]);
let ids = 0;
const newId = () => `id-${++ids}`;

/** Records a reading through the rule, as the tablet would, and returns the new records. */
function measure(
  state: RecordEvent[],
  staff: string,
  celsius: number,
  time: string,
  device = 'tablet-1',
) {
  const { drafts, answer } = planStaffReading(
    state,
    { staff, celsius, source: 'preset' },
    policy,
    at(time),
    newId,
  );
  return { answer, state: [...state, ...records(drafts, device)] };
}

describe('staff health', () => {
  it('a raised reading asks for the re-check; a raised re-check stands the person down', () => {
    const first = measure(roster, 's1', 37.8, '12:01');
    expect(first.answer).toMatchObject({ ok: true, verdict: 'recheck', slot: '12:00' });
    expect(foldStaff(first.state).find((m) => m.staff === 's1')?.offDuty).toBeNull();

    const second = measure(first.state, 's1', 37.9, '12:04', 'tablet-2');
    expect(second.answer).toMatchObject({ ok: true, verdict: 'abnormal', celsius: 37.9 });
    const incident = second.state.find((e) => e.type === 'incident.reported');
    expect(incident?.data).toMatchObject({
      kind: 'staff-abnormal',
      person: '张三',
      unit: '3 号窗口',
      temperatures: [37.8, 37.9],
    });
    const s1 = foldStaff(second.state).find((m) => m.staff === 's1');
    expect(s1?.offDuty).not.toBeNull();
    expect(closedWindows(foldStaff(second.state))).toEqual(new Set([3]));
    expect(staffToday(foldStaff(second.state), second.state, policy, at('12:05'))[0]?.status).toBe(
      'abnormal',
    );

    const cleared = planStaffCleared(second.state, 's1', at('13:00'));
    const after = [...second.state, ...records(cleared.drafts)];
    expect(foldStaff(after).find((m) => m.staff === 's1')?.offDuty).toBeNull();
    expect(closedWindows(foldStaff(after)).size).toBe(0);
    expect(planStaffCleared(after, 's1', at('13:01')).answer).toEqual({
      ok: false,
      reason: 'not-off-duty',
    });
  });

  it('a normal re-check after a raised reading is normal; a later raised one asks again', () => {
    let s = measure(roster, 's2', 37.4, '08:31').state;
    const normal = measure(s, 's2', 36.9, '08:35');
    expect(normal.answer).toMatchObject({ verdict: 'normal' });
    s = normal.state;
    expect(measure(s, 's2', 37.5, '08:40').answer).toMatchObject({ verdict: 'recheck' });
  });

  it('refuses an unknown person and an implausible or mistyped reading', () => {
    const plan = (input: Parameters<typeof planStaffReading>[1]) =>
      planStaffReading(roster, input, policy, at('12:00'), newId).answer;
    expect(plan({ staff: 'nobody', celsius: 36.5, source: 'preset' })).toEqual({
      ok: false,
      reason: 'unknown-staff',
    });
    expect(plan({ staff: 's1', typed: '365', source: 'keypad' })).toMatchObject({
      ok: false,
      problem: 'implausible',
    });
    expect(plan({ staff: 's1', celsius: 45, source: 'preset' })).toMatchObject({ ok: false });
  });

  it('a reading goes to the nearest check time of the policy', () => {
    expect(checkSlot(policy, at('07:50'))).toBe('08:30');
    expect(checkSlot(policy, at('11:40'))).toBe('12:00');
    expect(checkSlot(policy, at('16:10'))).toBe('17:30');
  });

  it('lists who on duty was not measured once a check is overdue ("3 人未测 12:00")', () => {
    let s: RecordEvent[] = roster;
    for (const staff of ['s1', 's2', 's3', 's4']) s = measure(s, staff, 36.5, '08:31').state;
    s = measure(s, 's1', 36.6, '12:02').state;
    const staff = foldStaff(s);
    expect(overdueChecks(staff, s, policy, at('12:29'))).toEqual([]);
    const overdue = overdueChecks(staff, s, policy, at('12:31'));
    expect(overdue.map((o) => [o.slot, o.missing.map((m) => m.name)])).toEqual([
      ['12:00', ['李四', '王五', '赵六']],
    ]);
    // Someone added after the check is not due for it; someone off duty is not either.
    const late = [...s, ...records([added('s5', '孙七', null, '12:10')])];
    expect(overdueChecks(foldStaff(late), late, policy, at('12:31'))[0]?.missing).toHaveLength(3);
  });

  it('the staff list converges whatever order two tablets’ events arrive in', () => {
    let s = measure(roster, 's4', 38.0, '14:31').state;
    s = measure(s, 's4', 38.1, '14:33', 'tablet-2').state;
    const clear = records(planStaffCleared(s, 's4', at('15:00')).drafts, 'tablet-3');
    const removed = records([{ type: 'staff.removed', at: at('15:10'), data: { staff: 's2' } }]);
    const all = [...s, ...clear, ...removed];
    const expected = foldStaff(all);
    expect(expected.map((m) => m.name)).toEqual(['张三', '王五', '赵六']);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
        expect(foldStaff(order)).toEqual(expected);
      }),
    );
  });

  it('a clearing recorded on another tablet before the stand-down does not clear it', () => {
    const s = measure(measure(roster, 's1', 38, '12:00').state, 's1', 38.2, '12:05').state;
    // Across tablets the order is by time (one tablet's own events go by seq: issue 23).
    const early = records(
      [{ type: 'staff.cleared', at: at('12:03'), data: { staff: 's1', name: '张三' } }],
      'tablet-2',
    );
    expect(foldStaff([...early, ...s]).find((m) => m.staff === 's1')?.offDuty).not.toBeNull();
  });
});

describe('routine rounds', () => {
  const tick = (time: string, task: string, when: string, by = '陈阿姨'): EventDraft => ({
    type: 'round.ticked',
    at: at(when),
    data: { day: DAY, time, task, by },
  });

  it('each round is upcoming, due, overdue, then done when every task is ticked', () => {
    expect(foldRounds([], policy, DAY, at('11:00')).map((r) => r.state)).toEqual([
      'upcoming',
      'upcoming',
    ]);
    expect(foldRounds([], policy, DAY, at('12:30'))[0]?.state).toBe('due');
    const late = foldRounds([], policy, DAY, at('13:01'));
    expect(overdueRounds(late).map((r) => r.time)).toEqual(['12:00']);
    const all = records(policy.rounds.tasks.map((task) => tick('12:00', task, '12:20')));
    expect(foldRounds(all, policy, DAY, at('13:01'))[0]?.state).toBe('done');
  });

  it('the first tick stands, from either tablet, in any order of arrival', () => {
    const a = records([tick('12:00', 'floor', '12:10', '甲')], 'tablet-1');
    const b = records([tick('12:00', 'floor', '12:11', '乙')], 'tablet-2');
    for (const order of [
      [...a, ...b],
      [...b, ...a],
    ]) {
      expect(foldRounds(order, policy, DAY, at('12:30'))[0]?.tasks[0]?.done).toEqual({
        by: '甲',
        at: at('12:10'),
      });
    }
    const rounds = foldRounds([...a, ...b], policy, DAY, at('12:30'));
    expect(
      planRoundTick(rounds, { time: '12:00', task: 'floor', by: '丙' }, at('12:31')).answer,
    ).toMatchObject({ ok: false, reason: 'already-done', by: '甲' });
    expect(
      planRoundTick(rounds, { time: '12:00', task: 'toilets', by: ' ' }, at('12:31')).answer,
    ).toEqual({ ok: false, reason: 'name-missing' });
    expect(
      planRoundTick(rounds, { time: '09:00', task: 'floor', by: '丙' }, at('12:31')).answer,
    ).toEqual({ ok: false, reason: 'unknown-task' });
  });
});

describe('supplies', () => {
  const move = (
    type: 'supplies.received' | 'supplies.issued' | 'supplies.counted',
    quantity: number,
    time: string,
    item = 'masks',
  ): EventDraft => ({ type, at: at(time), data: { item, quantity } });
  const masks = (events: SupplyEvent[]) =>
    foldStock(events, policy).find((s) => s.item === 'masks');

  it('each free mask at the door takes one from the stock, recorded with the mask', () => {
    const before = aVisit([ev.opened()]);
    const given = aVisit([ev.opened(), ev.mask('given')]);
    expect(followUps(before, given, newId, DEFAULT_POLICY)).toEqual([
      { type: 'supplies.issued', at: given.updatedAt, data: { item: 'masks', quantity: 1 } },
    ]);
    expect(followUps(given, given, newId, DEFAULT_POLICY)).toEqual([]);
    const worn = aVisit([ev.opened(), ev.mask('worn')]);
    expect(followUps(before, worn, newId, DEFAULT_POLICY)).toEqual([]);
  });

  it('the stock never goes below zero: the excess is a shortfall until a count corrects it', () => {
    const s = supplies([
      move('supplies.received', 10, '08:00'),
      move('supplies.issued', 12, '09:00'),
    ]);
    expect(masks(s)).toMatchObject({ quantity: 0, shortfall: 2, isLow: true });
    expect(lowStock(foldStock(s, policy)).map((x) => x.item)).toContain('masks');
    const counted = [...s, ...supplies([move('supplies.counted', 5, '10:00')])];
    expect(masks(counted)).toMatchObject({ quantity: 5, shortfall: 0 });
  });

  it('any events, from any tablets, in any order: never below zero, one answer', () => {
    const kind = fc.constantFrom('supplies.received', 'supplies.issued', 'supplies.counted');
    const event = fc.record({
      type: kind,
      quantity: fc.integer({ min: 1, max: 50 }),
      minute: fc.integer({ min: 0, max: 600 }),
      device: fc.constantFrom('tablet-1', 'tablet-2'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.infiniteStream(fc.nat()), (list, r) => {
        const events = list.flatMap((x) =>
          supplies(
            [
              {
                type: x.type,
                at: at('08:00') + x.minute * 60_000,
                data: { item: 'masks', quantity: x.quantity },
              },
            ],
            x.device,
          ),
        );
        const expected = foldStock(events, policy);
        for (const s of expected) expect(s.quantity).toBeGreaterThanOrEqual(0);
        const shuffled = [...events].sort(() => (r.next().value % 3) - 1);
        expect(foldStock(shuffled, policy)).toEqual(expected);
        // Without a count and with issues beyond deliveries, the gap is a shortfall.
        if (!list.some((x) => x.type === 'supplies.counted')) {
          const net = list.reduce(
            (n, x) => n + (x.type === 'supplies.received' ? x.quantity : -x.quantity),
            0,
          );
          const m = expected.find((s) => s.item === 'masks');
          expect((m?.quantity ?? 0) - (m?.shortfall ?? 0)).toBe(net);
        }
      }),
    );
  });

  it('an item never stocked warns of nothing; one delivered warns at its line', () => {
    expect(lowStock(foldStock([], policy))).toEqual([]);
    const counted = supplies([move('supplies.counted', 0, '08:00', 'disinfectant')]);
    expect(lowStock(foldStock(counted, policy)).map((s) => s.item)).toEqual(['disinfectant']);
  });

  it('the low line warns before the stock runs out ("口罩剩余 40 只")', () => {
    const s = supplies([move('supplies.received', 70, '08:00')]);
    const issued = (n: number) =>
      supplies(
        Array.from({ length: n }, () => move('supplies.issued', 1, '09:00', 'masks')).map(
          (d, i) => ({ ...d, at: d.at + i }),
        ),
      );
    expect(masks([...s, ...issued(29)])).toMatchObject({ quantity: 41, isLow: false });
    expect(masks([...s, ...issued(30)])).toMatchObject({ quantity: 40, isLow: true });
  });

  it('the day’s report: opening, received, issued, corrections, closing', () => {
    const yesterday = timeOnDay(DAY, '08:00') - 24 * 3_600_000;
    const s = supplies([
      { type: 'supplies.received', at: yesterday, data: { item: 'masks', quantity: 100 } },
      move('supplies.received', 50, '09:00'),
      move('supplies.issued', 30, '10:00'),
      move('supplies.counted', 115, '17:00'),
    ]);
    expect(stockOfDay(s, policy, DAY).find((d) => d.item === 'masks')).toEqual({
      item: 'masks',
      opening: 100,
      received: 50,
      issued: 30,
      corrected: -5,
      closing: 115,
    });
  });

  it('a delivery is a whole number of a listed item', () => {
    expect(
      planSupply('supplies.received', { item: 'masks', quantity: '0' }, policy, 1).answer,
    ).toEqual({
      ok: false,
      reason: 'quantity',
    });
    expect(
      planSupply('supplies.received', { item: 'gloves', quantity: '5' }, policy, 1).answer,
    ).toEqual({
      ok: false,
      reason: 'unknown-item',
    });
    expect(
      planSupply('supplies.counted', { item: 'masks', quantity: '0' }, policy, 1).answer,
    ).toEqual({ ok: true });
    expect(
      planSupply('supplies.received', { item: 'masks', quantity: '2.5' }, policy, 1).answer,
    ).toMatchObject({ ok: false });
  });
});

describe('closing on-site service', () => {
  const suspend = (state: RecordEvent[], time: string, device = 'tablet-1') => {
    const plan = planSuspend(
      state,
      { reason: 'staff-isolating', channels: ['phone', 'online'], note: '' },
      at(time),
      newId,
    );
    return [...state, ...records(plan.drafts, device)];
  };

  it('suspends with the channels, counts who is turned away, reopens in one action', () => {
    let s = suspend([], '10:00');
    expect(foldClosure(s).current).toMatchObject({
      reason: 'staff-isolating',
      channels: ['online', 'phone'],
    });
    s = [...s, ...records(planTurnAway(s, at('10:05')).drafts)];
    expect(
      planSuspend(s, { reason: 'other', channels: ['phone'], note: '' }, at('10:06'), newId).answer,
    ).toMatchObject({ ok: false, reason: 'already-suspended' });
    s = [...s, ...records(planReopen(s, at('11:00')).drafts)];
    const state = foldClosure(s);
    expect(state.current).toBeNull();
    expect(state.history).toMatchObject([{ turnedAway: 1, reopenedAt: at('11:00') }]);
    expect(planTurnAway(s, at('11:01')).answer).toEqual({ ok: false, reason: 'not-suspended' });
    expect(planSuspend([], { reason: 'other', channels: [], note: '' }, 1, newId).answer).toEqual({
      ok: false,
      reason: 'channels-missing',
    });
  });

  it('two tablets suspending unaware make one closure; reopening either ends it, any order', () => {
    const a = suspend([], '10:00', 'tablet-1');
    const b = suspend([], '10:01', 'tablet-2');
    const reopenB = records(planReopen(b, at('11:00')).drafts, 'tablet-2');
    const all = [...a, ...b, ...reopenB];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
        const state = foldClosure(order);
        expect(state.current).toBeNull();
        expect(state.history).toHaveLength(1);
      }),
    );
  });

  it('the guide cannot call while suspended, nor to a window whose staff are off duty', () => {
    const visit = aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket: 'A001' })], {
      visit: 'v1',
    });
    const call = (state: RecordEvent[], window: number) =>
      planQueueCommand(
        [visit],
        policy,
        { kind: 'call-next', window },
        at('10:30'),
        hallCalling(state),
      ).answer;
    expect(call(suspend([], '10:00'), 1)).toEqual({ ok: false, reason: 'service-suspended' });
    let s = measure(roster, 's1', 38, '12:00').state;
    s = measure(s, 's1', 38.2, '12:05').state;
    expect(call(s, 3)).toEqual({ ok: false, reason: 'window-closed', window: 3 });
    expect(call(s, 4)).toMatchObject({ ok: true });
  });
});

describe('retention of staff names', () => {
  it('removes the names from readings, stand-downs, clearings and round ticks', () => {
    let s = measure(roster, 's1', 38, '12:00').state;
    s = measure(s, 's1', 38.2, '12:05').state;
    s = [...s, ...records(planStaffCleared(s, 's1', at('13:00')).drafts)];
    s = [
      ...s,
      ...records([
        {
          type: 'round.ticked',
          at: at('12:10'),
          data: { day: DAY, time: '12:00', task: 'floor', by: '陈阿姨' },
        },
      ]),
    ];
    const personal = s.filter((e) => e.type !== 'staff.added' && hasPersonalData(e));
    expect(personal.map((e) => e.type).sort()).toEqual(
      [
        'incident.reported',
        'round.ticked',
        'staff.cleared',
        'staff.measured',
        'staff.measured',
        'staff.stood-down',
      ].sort(),
    );
    const text = JSON.stringify(personal.map((e) => withoutPersonalData(e, 1).data));
    expect(text).not.toContain('张三');
    expect(text).not.toContain('陈阿姨');
  });
});
