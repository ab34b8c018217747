import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { EventLog } from '../../src/db/event-log';
import { DEFAULT_SETTINGS, deviceId, saveSettings } from '../../src/db/settings';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { admittedVisitEvents, ev, FIXED_NOW, MINUTE, visitEvents } from '../fixtures/builders';
import { policyWith } from '../fixtures/queue-day';
import { installSpeechDouble } from '../fixtures/speech-double';
import { renderApp, tap } from './render-app';

const twoPlaces = policyWith({ waitingPlaces: 2, windows: [1, 2, 3], noShowAfterCalls: 3 });

/** Three visitors admitted by the door tablet, 20, 15 and 10 minutes ago. */
const admitted = [
  ...admittedVisitEvents('v1', 'A001', FIXED_NOW - 20 * MINUTE, { device: 'door-1', firstSeq: 1 }),
  ...admittedVisitEvents('v2', 'A002', FIXED_NOW - 15 * MINUTE, { device: 'door-1', firstSeq: 3 }),
  ...admittedVisitEvents('v3', 'A003', FIXED_NOW - 10 * MINUTE, { device: 'door-1', firstSeq: 5 }),
];

let db: CheckpointDb | undefined;
beforeEach(async () => {
  await saveSettings(DEFAULT_SETTINGS);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

const windowCard = (n: number) => screen.getByTestId(`window-${n}`);
const calls = async () =>
  (await (db as CheckpointDb).events.toArray()).filter((e) => e.type === 'queue.called');

async function openGuide(
  events = admitted,
  policy = twoPlaces,
  language: 'zh-CN' | 'en' = 'zh-CN',
) {
  const app = await renderApp([], '/guide', { events, policy, settings: { language } });
  db = app.db;
  await screen.findByTestId('window-1');
  return app;
}

describe('the guide’s queue', () => {
  it('lists the waiting tickets with minutes waited and where each waits', async () => {
    installSpeechDouble();
    await openGuide();
    const rows = within(screen.getByRole('list', { name: '等候 3 人' })).getAllByRole('button');
    expect(rows.map((r) => r.textContent)).toEqual([
      'A001等候区等了 20 分钟',
      'A002等候区等了 15 分钟',
      'A003门外 1 号等了 10 分钟',
    ]);
    expect(screen.getByTestId('occupancy')).toHaveTextContent('2/2');
    expect(screen.getByTestId('occupancy')).toHaveAttribute('data-level', 'full');
  });

  it('calls next to a chosen window, says it twice after the call-in, and records it', async () => {
    const { spoken } = installSpeechDouble();
    const { user } = await openGuide();
    await tap(user, '叫下一位', windowCard(2));
    expect(
      await screen.findByText('已叫 A001 到 2 号窗口 · 请 A003 进入等候区'),
    ).toBeInTheDocument();
    await waitFor(() => expect(spoken).toHaveLength(4));
    expect(spoken).toEqual([
      { text: '请 A001 号到 2 号窗口办理', lang: 'zh-CN', voice: 'Tingting' },
      { text: '请 A001 号到 2 号窗口办理', lang: 'zh-CN', voice: 'Tingting' },
      { text: '请 A003 号进入等候区', lang: 'zh-CN', voice: 'Tingting' },
      { text: '请 A003 号进入等候区', lang: 'zh-CN', voice: 'Tingting' },
    ]);
    expect(await within(windowCard(2)).findByText('A001')).toBeInTheDocument();
    expect((await calls()).map((e) => [e.visit, e.data])).toEqual([
      ['v1', { window: 2, priority: false }],
    ]);
  });

  it('a double tap on "call next" calls once; the second touch, on a stale screen, says nothing', async () => {
    installSpeechDouble();
    const { user } = await openGuide();
    await user.dblClick(within(windowCard(1)).getByRole('button', { name: '叫下一位' }));
    await waitFor(() =>
      expect(screen.getByTestId('guide-message')).toHaveTextContent(
        '已叫 A001 到 1 号窗口 · 请 A003 进入等候区',
      ),
    );
    expect(await calls()).toHaveLength(1);
    expect(screen.queryByText(/正在叫/)).not.toBeInTheDocument();
  });

  it('the priority lane calls the chosen ticket, even from outside', async () => {
    installSpeechDouble();
    const { user } = await openGuide();
    await tap(user, /A003/);
    expect(screen.getByTestId('chosen')).toHaveTextContent('已选 A003');
    await tap(user, '叫 A003 到此窗口', windowCard(3));
    expect(await screen.findByText('已叫 A003 到 3 号窗口')).toBeInTheDocument();
    expect((await calls()).map((e) => [e.visit, e.data])).toEqual([
      ['v3', { window: 3, priority: true }],
    ]);
    expect(await within(windowCard(3)).findByText('优先')).toBeInTheDocument();
    expect(screen.queryByTestId('chosen')).not.toBeInTheDocument();
  });

  it('calling a ticket that already left (another tablet recorded it) is answered, not recorded', async () => {
    installSpeechDouble();
    const { user } = await openGuide();
    await tap(user, /A002/);
    const other = new EventLog(db as CheckpointDb, {
      site: 'local',
      device: 'guide-2',
      ticketPrefix: 'A',
    });
    await other.record('v2', [{ ...ev.exited(), at: FIXED_NOW - 2 * MINUTE }], DEFAULT_POLICY);
    await waitFor(() =>
      expect(screen.getByRole('list', { name: '等候 2 人' })).toBeInTheDocument(),
    );
    await tap(user, '叫 A002 到此窗口', windowCard(1));
    expect(await screen.findByRole('alert')).toHaveTextContent('A002 已于 09:58 离开，不能叫号');
    expect(await calls()).toEqual([]);
  });

  it('recall, then no-show only after the policy’s number of calls', async () => {
    installSpeechDouble();
    const { user } = await openGuide();
    await tap(user, '叫下一位', windowCard(1));
    await within(windowCard(1)).findByText(/已叫 1\/3 次/);
    await tap(user, '未到', windowCard(1));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A001 才叫了 1 次，叫满 3 次才能标记未到',
    );
    await tap(user, '重呼', windowCard(1));
    await within(windowCard(1)).findByText(/已叫 2\/3 次/);
    await tap(user, '重呼', windowCard(1));
    await within(windowCard(1)).findByText(/已叫 3\/3 次/);
    await tap(user, '未到', windowCard(1));
    expect(await screen.findByText('A001 未到，号已作废')).toBeInTheDocument();
    expect(
      await within(windowCard(1)).findByRole('button', { name: '叫下一位' }),
    ).toBeInTheDocument();
    expect((await db?.visits.get('v1'))?.queueEnd).toMatchObject({ kind: 'no-show', calls: 3 });
  });

  it('served, then left with the exit time', async () => {
    installSpeechDouble();
    const { user } = await openGuide();
    await tap(user, '叫下一位', windowCard(1));
    await tap(user, '办结', windowCard(1));
    await tap(user, 'A001 离厅');
    expect(await screen.findByText('A001 已离厅 10:00')).toBeInTheDocument();
    expect((await db?.visits.get('v1'))?.exited).toEqual({ at: FIXED_NOW, automatic: false });
  });

  it('says so when the tablet has no Mandarin voice, and still records the call', async () => {
    const { spoken } = installSpeechDouble([]);
    const { user } = await openGuide();
    expect(await screen.findByTestId('voice-notice', {}, { timeout: 3000 })).toHaveTextContent(
      '本机没有可用的中文语音：叫号只显示在叫号屏上',
    );
    await tap(user, '叫下一位', windowCard(1));
    await screen.findByText(/已叫 A001 到 1 号窗口/);
    expect(spoken).toEqual([]);
    expect(await calls()).toHaveLength(1);
  });

  it('says so when the browser cannot speak at all', async () => {
    vi.stubGlobal('speechSynthesis', undefined);
    await openGuide();
    expect(await screen.findByTestId('voice-notice')).toHaveTextContent('本浏览器不能语音播报');
  });

  it('calls in English with an English voice when the screen is in English', async () => {
    const { spoken } = installSpeechDouble();
    const { user } = await openGuide(admitted, twoPlaces, 'en');
    await tap(user, 'Call next', windowCard(2));
    await waitFor(() => expect(spoken.length).toBeGreaterThanOrEqual(2));
    expect(spoken[0]).toEqual({
      text: 'Number A001, please go to window 2.',
      lang: 'en-GB',
      voice: 'Daniel',
    });
  });

  it('two guides called the same ticket at once: the loser is told its call did not count', async () => {
    installSpeechDouble();
    const me = await deviceId();
    const events = [
      ...admitted,
      ...visitEvents([{ ...ev.called(1), at: FIXED_NOW - MINUTE }], {
        visit: 'v1',
        device: 'guide-2',
        firstSeq: 1,
      }),
      ...visitEvents([{ ...ev.called(3), at: FIXED_NOW - MINUTE + 500 }], {
        visit: 'v1',
        device: me,
        firstSeq: 1,
      }),
    ];
    const { user } = await openGuide(events);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A001 同时被另一台平板叫到 1 号窗口；你叫到 3 号窗口的呼叫未生效，请重新叫号',
    );
    expect(within(windowCard(1)).getByText('A001')).toBeInTheDocument();
    expect(within(windowCard(3)).getByRole('button', { name: '叫下一位' })).toBeInTheDocument();
    await tap(user, '知道了');
    expect(screen.queryByText(/未生效/)).not.toBeInTheDocument();
  });

  it('a call held at a window the policy no longer lists can still be finished', async () => {
    installSpeechDouble();
    const events = [
      ...admitted,
      ...visitEvents([{ ...ev.called(9), at: FIXED_NOW - MINUTE }], {
        visit: 'v2',
        device: 'guide-2',
      }),
    ];
    const { user } = await openGuide(events);
    const nine = windowCard(9);
    expect(nine).toHaveAccessibleName('9 号窗口（不在本厅窗口中）');
    expect(within(nine).queryByRole('button', { name: '叫下一位' })).not.toBeInTheDocument();
    await tap(user, '办结', nine);
    expect(await screen.findByText('A002 已办结')).toBeInTheDocument();
  });
});
