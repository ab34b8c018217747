import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { dayRecords } from '../../src/db/queries';
import { DEFAULT_SETTINGS, saveSettings } from '../../src/db/settings';
import { foldTasks } from '../../src/domain/disinfection';
import { foldIncidents } from '../../src/domain/incidents';
import { dayKey } from '../../src/domain/time';
import { aBooking, ev, FIXED_NOW, fakeUlid, MINUTE, visitEvents } from '../fixtures/builders';
import { LEAD_PIN, renderApp, tap } from './render-app';

const day = dayKey(FIXED_NOW);
const booking = aBooking({ name: '赵六一' });

/** A suspected case decided by the door tablet 5 minutes ago, with its two tasks. */
const isolated = [
  ...visitEvents(
    [
      ev.opened(),
      ev.booked(booking),
      ev.temperature(37.9),
      ev.temperature(38.4),
      ev.decided({ kind: 'isolated' }),
    ],
    { visit: 'x1', device: 'door-1', start: FIXED_NOW - 5 * MINUTE },
  ),
  ...(['temperature-point', 'isolation-area'] as const).map((spot, i) => ({
    type: 'disinfection.requested' as const,
    data: { task: `task-${spot}`, spot, cause: 'x1' },
    id: fakeUlid(FIXED_NOW - MINUTE, 100 + i),
    site: 'hall-1',
    device: 'door-1',
    seq: 6 + i,
    at: FIXED_NOW - MINUTE,
    v: 1 as const,
  })),
];

let db: CheckpointDb | undefined;
beforeEach(async () => {
  await saveSettings(DEFAULT_SETTINGS);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

describe('the isolation checklist', () => {
  it('records each step with its time, refuses a hand-over without a hospital, then hands over', async () => {
    const app = await renderApp([], '/guide/isolation', { events: isolated });
    db = app.db;
    const card = await screen.findByTestId('isolation-case');
    expect(card).toHaveAccessibleName('赵*一');
    expect(card).toHaveTextContent('09:55 判定隔离 · 体温 37.9 °C → 38.4 °C');
    expect(card).not.toHaveTextContent('赵六一');

    await tap(app.user, '已带至隔离区', card);
    await waitFor(() =>
      expect(screen.getByTestId('isolation-occupancy')).toHaveTextContent('隔离区 1/2 人'),
    );
    expect(within(card).getByText('在隔离区')).toBeInTheDocument();
    await tap(app.user, '已拨打 120', card);
    await tap(app.user, '交接', card);
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写接收医院');
    await app.user.type(within(card).getByLabelText('接收医院'), '县人民医院');
    await tap(app.user, '交接', card);
    expect(await within(card).findByText('10:00 · 交 县人民医院')).toBeInTheDocument();
    expect(screen.getByTestId('isolation-occupancy')).toHaveTextContent('隔离区 0/2 人');

    const visit = await app.db.visits.get('x1');
    expect(visit?.isolation).toEqual({
      enteredAt: FIXED_NOW,
      ambulanceCalledAt: FIXED_NOW,
      handedOver: { at: FIXED_NOW, hospital: '县人民医院' },
    });
    expect(visit?.exited).toEqual({ at: FIXED_NOW, automatic: false });
  });

  it('cleaners tick the two tasks off with their name; no name, no tick', async () => {
    const app = await renderApp([], '/guide/cleaning', { events: isolated });
    db = app.db;
    const point = await screen.findByRole('listitem', { name: '测温点' });
    // A suspected case's tasks come before the routine rounds (issue 31).
    const rounds = screen.getByRole('region', { name: '例行消毒' });
    expect(point.compareDocumentPosition(rounds) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await tap(app.user, '已消毒', point);
    expect(await screen.findByRole('alert')).toHaveTextContent('请先填写保洁员姓名');
    await app.user.type(screen.getByLabelText('保洁员姓名'), '王师傅');
    await tap(app.user, '已消毒', point);
    expect(await within(point).findByText('✓ 王师傅 · 10:00')).toBeInTheDocument();
    await tap(app.user, '已消毒', screen.getByRole('listitem', { name: '隔离区' }));
    await waitFor(async () =>
      expect(foldTasks(await dayRecords(app.db, day)).map((t) => t.done?.by)).toEqual([
        '王师傅',
        '王师傅',
      ]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: '已消毒' })).not.toBeInTheDocument(),
    );
  });
});

describe('incidents', () => {
  it('a staff member abnormal: the form answers a bad reading, then the lead is alerted everywhere', async () => {
    const app = await renderApp([], '/guide/incidents');
    db = app.db;
    await tap(app.user, '工作人员体温异常');
    await app.user.type(screen.getByLabelText('人员（姓名或排队号）'), '孙七');
    await app.user.type(screen.getByLabelText('单位 / 窗口'), '社保 3号窗口');
    await app.user.type(screen.getByLabelText('体温（°C，可不填）'), '378');
    await tap(app.user, '记录并提醒组长');
    expect(await screen.findByRole('alert')).toHaveTextContent('体温格式不对');
    expect(await app.db.events.count()).toBe(0);

    await app.user.clear(screen.getByLabelText('体温（°C，可不填）'));
    await app.user.type(screen.getByLabelText('体温（°C，可不填）'), '37.8');
    await tap(app.user, '记录并提醒组长');
    const alert = await screen.findByTestId('lead-alert');
    expect(alert).toHaveTextContent('请值班组长注意');
    // The banner on every screen masks the staff member as it masks visitors (the
    // incident report, the lead's own record, names them).
    expect(alert).toHaveTextContent('工作人员体温异常 · 10:00 · 孙*');
    expect(alert).not.toHaveTextContent('孙七');

    // The alert follows the staff to the door screen, until the lead acknowledges it.
    await app.user.click(screen.getByRole('link', { name: '门岗检查' }));
    await tap(app.user, '组长已知悉', await screen.findByTestId('lead-alert'));
    // Only the lead: the PIN first. Cancelling records nothing and the alert stays.
    const gate = await screen.findByRole('dialog', { name: /只有值班组长可以确认知悉/ });
    await tap(app.user, '取消', gate);
    expect(foldIncidents(await dayRecords(app.db, day))[0]?.steps).toEqual({});
    expect(screen.getByTestId('lead-alert')).toBeInTheDocument();
    await tap(app.user, '组长已知悉', screen.getByTestId('lead-alert'));
    const pad = await screen.findByRole('dialog', { name: /只有值班组长可以确认知悉/ });
    await waitFor(() => expect(within(pad).getByRole('button', { name: '0' })).toBeEnabled());
    for (const digit of LEAD_PIN)
      await app.user.click(within(pad).getByRole('button', { name: digit }));
    await app.user.click(within(pad).getByRole('button', { name: '确认' }));
    await tap(app.user, '确认知悉', await screen.findByRole('dialog'));
    await waitFor(() => expect(screen.queryByTestId('lead-alert')).not.toBeInTheDocument());
    const [incident] = foldIncidents(await dayRecords(app.db, day));
    expect(incident?.steps).toEqual({ 'lead-acknowledged': FIXED_NOW });
  });

  it('the report says who, where, when, the temperatures and what was done; copy and print', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const refusal = visitEvents(
      [
        ev.opened(),
        ev.booked(booking),
        ev.mask(),
        ev.temperature(37.1),
        ev.abandoned('refused-measures'),
      ],
      { visit: 'r1', device: 'door-1', start: FIXED_NOW - 3 * MINUTE },
    );
    const reported = {
      type: 'incident.reported' as const,
      data: {
        incident: 'i1',
        kind: 'refused-measures' as const,
        visit: 'r1',
        person: null,
        unit: null,
        temperatures: [],
        note: null,
      },
      id: fakeUlid(FIXED_NOW - 3 * MINUTE + 4000, 50),
      site: 'hall-1',
      device: 'door-1',
      seq: 6,
      at: FIXED_NOW - 3 * MINUTE + 4000,
      v: 1 as const,
    };
    const app = await renderApp([], '/guide/incidents', { events: [...refusal, reported] });
    db = app.db;
    const card = await screen.findByTestId('incident');
    await tap(app.user, '已拨打 110', card);
    await within(card).findByText(/已拨打 110 10:00/);
    const report = within(card).getByTestId('incident-report');
    expect(report.textContent?.split('\n')).toEqual([
      '【防疫事件报告】拒绝配合防疫措施',
      '时间：2026-11-28 09:57',
      '人员：赵*一',
      '单位/窗口：入口测温点',
      '体温：37.1 °C',
      '处置：10:00 已拨打 110',
      '待办：组长已知悉',
      '报告：入口防疫检查 door-1',
    ]);
    await tap(app.user, '复制报告', card);
    expect(await within(card).findByText('已复制')).toBeInTheDocument();
    // user-event's clipboard double holds what the Clipboard API was given.
    expect(await navigator.clipboard.readText()).toBe(report.textContent);

    print.mockImplementation(() => expect(card).toHaveAttribute('data-print', 'true'));
    await tap(app.user, '打印报告', card);
    expect(print).toHaveBeenCalledTimes(1);
    expect(card).not.toHaveAttribute('data-print');
  });
});
