/**
 * A busy day at the door for the lead's benchmarks and screenshots: VISITS visitors from
 * 08:00, most admitted and called a few minutes later, some refused, a few isolated (120
 * called) and two visitors who refused the measures (110 called). Deterministic.
 */
import type { CheckpointEvent, EventBody, Outcome } from '../src/domain/events';
import { dayStart } from '../src/domain/time';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚';

function idNumber(i: number): string {
  const body = `330102198${i % 10}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return `${body.slice(0, 17)}X`;
}

export function busyDay(day: string, visits: number): CheckpointEvent[] {
  const events: CheckpointEvent[] = [];
  let seq = 0;
  const push = (at: number, visit: string | null, body: EventBody) =>
    events.push({
      ...body,
      id: `01${String(++seq).padStart(24, '0')}`,
      site: 'bench',
      device: 'door-bench',
      seq,
      at,
      ...(visit ? { visit } : {}),
      v: 1,
    } as CheckpointEvent);
  const open = dayStart(day) + 8 * 3_600_000;
  const spacing = Math.floor((9 * 3_600_000) / visits);
  for (let i = 0; i < visits; i++) {
    const visit = `v${String(i).padStart(5, '0')}`;
    const at = open + i * spacing;
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
    push(at, visit, { type: 'visit.opened', data: { policyVersion: '2026.1' } });
    push(at + 1_000, visit, {
      type: 'identity.confirmed',
      data: {
        name,
        idNumber: idNumber(i),
        phone: `138${String(i).padStart(8, '0')}`,
        source: 'typed',
      },
    });
    push(at + 2_000, visit, { type: 'mask.checked', data: { status: i % 17 ? 'worn' : 'given' } });
    const fever = i % 97 === 13;
    push(at + 3_000, visit, {
      type: 'temperature.measured',
      data: { celsius: fever ? 38.2 : 36.4 + (i % 8) / 10, source: 'preset' },
    });
    if (i % 41 === 5) continue; // still open
    const outcome: Outcome = fever
      ? { kind: 'isolated' }
      : i % 11 === 3
        ? { kind: 'refused', reason: 'no-appointment' }
        : { kind: 'admitted', ticket: `A${String(i + 1).padStart(4, '0')}` };
    push(at + 4_000, visit, { type: 'visit.decided', data: { outcome, policyVersion: '2026.1' } });
    if (outcome.kind === 'isolated') {
      push(at + 60_000, visit, { type: 'isolation.ambulance-called', data: {} });
    }
    if (outcome.kind !== 'admitted') continue;
    // Waits a few minutes (longer around mid-morning), then is called, served, leaves.
    const wait = (2 + ((i * 13) % 7) + (i % 600 > 250 && i % 600 < 330 ? 4 : 0)) * 60_000;
    push(at + wait, visit, {
      type: 'queue.called',
      data: { window: 1 + (i % 6), priority: false },
    });
    push(at + wait + 300_000, visit, { type: 'queue.served', data: { window: 1 + (i % 6) } });
    push(at + wait + 360_000, visit, { type: 'visit.exited', data: { automatic: false } });
  }
  for (const [n, hour] of [
    [1, 9.5],
    [2, 14.25],
  ] as const) {
    const at = dayStart(day) + hour * 3_600_000;
    const incident = `inc-${n}`;
    push(at, null, {
      type: 'incident.reported',
      data: {
        incident,
        kind: 'refused-measures',
        visit: null,
        person: '拒不配合者',
        unit: null,
        temperatures: [],
        note: null,
      },
    });
    push(at + 120_000, null, { type: 'incident.step', data: { incident, step: 'police-called' } });
  }
  return events;
}
