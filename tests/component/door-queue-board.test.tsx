import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { EventLog } from '../../src/db/event-log';
import { DEFAULT_SETTINGS, deviceId, saveSettings } from '../../src/db/settings';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import {
  aBooking,
  admittedVisitEvents,
  ev,
  FIXED_NOW,
  MINUTE,
  visitEvents,
} from '../fixtures/builders';
import { policyWith } from '../fixtures/queue-day';
import { renderApp, tap, type User } from './render-app';

const twoPlaces = policyWith({ waitingPlaces: 2, windows: [1, 2, 3] });
const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });
const earlier = [
  ...admittedVisitEvents('d1', 'B001', FIXED_NOW - 9 * MINUTE, { device: 'door-2', firstSeq: 1 }),
  ...admittedVisitEvents('d2', 'B002', FIXED_NOW - 8 * MINUTE, { device: 'door-2', firstSeq: 3 }),
];

let db: CheckpointDb | undefined;
beforeEach(async () => {
  await saveSettings(DEFAULT_SETTINGS);
});
afterEach(async () => {
  await db?.delete();
});

async function admitZhang(user: User) {
  await tap(user, /张\*明/);
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await tap(user, '身份证与预约一致');
  await tap(user, '绿码 · 行程无中高风险');
}

describe('the door and the waiting area', () => {
  it('shows the occupancy, and sends the visitor who finds it full to an outside marker', async () => {
    const app = await renderApp([zhang], '/', { events: earlier, policy: twoPlaces });
    db = app.db;
    const meter = await screen.findByTestId('occupancy');
    await waitFor(() => expect(meter).toHaveTextContent('2/2'));
    expect(meter).toHaveTextContent('已满');
    await admitZhang(app.user);
    expect(await screen.findByTestId('outcome')).toHaveTextContent('A001');
    expect(await screen.findByText(/请在门外 1 号标记处等候/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('occupancy')).toHaveTextContent('门外 1 人'));
  });

  it('with places free the visitor goes to the waiting area, and the meter says Low', async () => {
    const app = await renderApp([zhang], '/', { events: earlier });
    db = app.db;
    await waitFor(() => expect(screen.getByTestId('occupancy')).toHaveTextContent('2/24'));
    expect(screen.getByTestId('occupancy')).toHaveAttribute('data-level', 'low');
    await admitZhang(app.user);
    expect(await screen.findByTestId('outcome-place')).toHaveTextContent('请到等候区');
  });

  it('a suspected case when the isolation area is full: the door is told to find another place', async () => {
    const inArea = visitEvents(
      [ev.opened(), ev.decided({ kind: 'isolated' }), ev.isolationEntered()],
      { visit: 'x0', device: 'door-2', start: FIXED_NOW - 30 * MINUTE },
    );
    const onePlaceNoRest = policyWith({}, { places: 1 });
    // No rest before the re-check in this hall: the re-check follows at once.
    const onePlace = {
      ...onePlaceNoRest,
      temperature: { ...onePlaceNoRest.temperature, recheckRestSeconds: 0 },
    };
    const app = await renderApp([zhang], '/', { events: inArea, policy: onePlace });
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, '已戴口罩 · 已手消毒');
    for (const reading of ['37.9', '38.4']) {
      if (!screen.queryByTestId('keypad-display')) await tap(app.user, '其他读数');
      for (const key of reading) await app.user.click(screen.getByRole('button', { name: key }));
      await tap(app.user, '确认');
      if (reading === '37.9') await screen.findByText('首次读数 37.9 °C，请休息后复测');
    }
    await tap(app.user, '身份证与预约一致');
    const outcome = await screen.findByTestId('outcome');
    expect(outcome).toHaveTextContent('立即隔离');
    expect(
      await screen.findByText('隔离区已满（1/1）：请报告值班组长，另找可隔离的地点'),
    ).toBeInTheDocument();
  });

  it('a visitor refusing the measures at the door alerts the duty lead on screen', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, '已戴口罩');
    await tap(app.user, '拒绝配合防疫措施');
    expect(await screen.findByTestId('outcome')).toHaveTextContent('已提醒值班组长');
    const alert = await screen.findByTestId('lead-alert');
    expect(alert).toHaveTextContent('拒绝配合防疫措施 · 10:00 · 张*明');
  });
});

describe('the day’s log', () => {
  it('shows each exit time, and marks the automatic ones', async () => {
    const exits = [
      ...earlier,
      ...visitEvents([{ ...ev.exited(false), at: FIXED_NOW - 2 * MINUTE }], {
        visit: 'd1',
        device: 'guide-2',
      }),
      ...visitEvents([{ ...ev.exited(true), at: FIXED_NOW - MINUTE }], {
        visit: 'd2',
        device: 'guide-2',
        firstSeq: 2,
      }),
    ];
    const app = await renderApp([], '/log', { events: exits });
    db = app.db;
    const rows = await screen.findAllByRole('row');
    const cells = rows.slice(1).map((r) => r.lastElementChild?.textContent);
    expect(cells).toEqual(['09:59 自动', '09:58']);
  });
});

describe('the board', () => {
  it('shows the call, the last calls and how many wait, live, with ticket numbers only', async () => {
    const app = await renderApp([], '/board', {
      events: [
        ...earlier,
        ...admittedVisitEvents('d3', 'B003', FIXED_NOW - 7 * MINUTE, {
          device: 'door-2',
          firstSeq: 5,
        }),
      ],
      policy: twoPlaces,
    });
    db = app.db;
    expect(await screen.findByText('请在等候区稍候')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('board-waiting')).toHaveTextContent('3'));
    expect(screen.getByText('全程佩戴口罩')).toBeInTheDocument();
    expect(screen.getByText('保持 1 米距离')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    const guide = new EventLog(app.db, { site: 'local', device: 'guide-2', ticketPrefix: 'A' });
    await guide.record('d1', [{ ...ev.called(2), at: FIXED_NOW - MINUTE }], DEFAULT_POLICY);
    await guide.record('d2', [{ ...ev.called(3), at: FIXED_NOW }], DEFAULT_POLICY);
    await waitFor(() => expect(screen.getByTestId('board-ticket')).toHaveTextContent('B002'));
    expect(screen.getByTestId('board-window')).toHaveTextContent('请到 3 号窗口');
    expect(screen.getByTestId('board-recent')).toHaveTextContent('B001请到 2 号窗口');
    expect(screen.getByTestId('board-waiting')).toHaveTextContent('1');
    expect(screen.getByTestId('board-callin')).toHaveTextContent('B003');
    expect(screen.getByTestId('board')).not.toHaveTextContent(/张|李|\*/);
  });
});

describe('two door tablets with one ticket letter', () => {
  it('tells both, once sync brings the other’s tickets, and stays quiet otherwise', async () => {
    const me = await deviceId();
    const mine = admittedVisitEvents('m1', 'A001', FIXED_NOW - 5 * MINUTE, { device: me });
    const theirs = admittedVisitEvents('t1', 'A001', FIXED_NOW - 4 * MINUTE, {
      device: 'door-2',
      firstSeq: 1,
    });
    const app = await renderApp([], '/', { events: [...mine, ...theirs] });
    db = app.db;
    expect(await screen.findByText(/都在用排队号字母 A/)).toBeInTheDocument();
  });

  it('says nothing when the other tablet uses another letter', async () => {
    const me = await deviceId();
    const mine = admittedVisitEvents('m1', 'A001', FIXED_NOW - 5 * MINUTE, { device: me });
    const app = await renderApp([], '/', { events: [...mine, ...earlier] });
    db = app.db;
    await screen.findByRole('heading', { name: '第1步 · 查找预约' });
    await waitFor(() => expect(screen.getByTestId('occupancy')).toBeInTheDocument());
    expect(screen.queryByText(/都在用排队号字母/)).not.toBeInTheDocument();
  });
});
