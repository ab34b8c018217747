import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json';
import type { CheckpointDb } from '../../src/db/database';
import { deviceId, loadSettings } from '../../src/db/settings';
import { DEFAULT_IDLE_TIMING } from '../../src/domain/idle';
import { PinGuard } from '../../src/services/pin-guard';
import { aBooking, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { ENGLISH, installSpeechDouble, MANDARIN } from '../fixtures/speech-double';
import { greenVisitSteps } from '../fixtures/tablet';
import { LEAD_PIN, renderApp, TEST_PIN_ITERATIONS, type User } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  Reflect.deleteProperty(navigator, 'storage');
  document.documentElement.removeAttribute('data-contrast');
  document.documentElement.removeAttribute('data-type');
  await db?.delete();
});

async function openSettings(user: User) {
  await screen.findByRole('heading', { name: '需要值班组长密码' });
  for (const digit of LEAD_PIN) await user.click(screen.getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: '确认' }));
  await screen.findByRole('heading', { name: '设置' });
}

function fakeStorage(persisted: boolean, usage: number, quota: number) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => persisted),
      estimate: vi.fn(async () => ({ usage, quota })),
    },
  });
}

describe('the settings screen', () => {
  it('shows storage used of the quota, the app and policy versions', async () => {
    fakeStorage(true, 3 * 1024 * 1024, 2 * 1024 ** 3);
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    expect(await screen.findByTestId('storage-used')).toHaveTextContent(
      '3.0 MB，共 2.0 GB（0.15%）',
    );
    expect(screen.getByTestId('app-version')).toHaveTextContent(pkg.version);
    expect(screen.getByText('2026.1')).toBeInTheDocument();
    expect(screen.queryByText(/浏览器未授予持久存储/)).not.toBeInTheDocument();
  });

  it('shows a red banner when persistent storage is refused, and a health chip', async () => {
    fakeStorage(false, 1024, 1024 ** 3);
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    expect(await screen.findByText(/浏览器未授予持久存储/)).toBeInTheDocument();
    expect(screen.getByTestId('health')).toHaveTextContent('存储未持久');
    await waitFor(async () => {
      const types = (await app.db.events.toArray()).map((e) => e.type);
      expect(types).toContain('device.persistence-refused');
    });
  });

  it('switches the high-contrast theme and large type on the whole page', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const root = document.documentElement;
    expect(root.dataset.contrast).toBe('normal');
    await app.user.click(screen.getByRole('button', { name: '高对比度（户外）' }));
    await waitFor(() => expect(root.dataset.contrast).toBe('high'));
    await app.user.click(screen.getByRole('button', { name: '大字体' }));
    await waitFor(() => expect(root.dataset.type).toBe('large'));
    expect(await loadSettings()).toMatchObject({ highContrast: true, largeType: true });
    expect(screen.getByRole('button', { name: '高对比度（户外）' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('leaves kiosk mode (behind the PIN), recorded, and can enter it again', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    const shell = () => document.querySelector('.shell');
    expect(shell()).toHaveClass('kiosk');
    await openSettings(app.user);
    await app.user.click(screen.getByRole('button', { name: '退出自助终端模式' }));
    await waitFor(() => expect(shell()).not.toHaveClass('kiosk'));
    expect((await loadSettings()).kioskMode).toBe(false);
    await app.user.click(screen.getByRole('button', { name: '进入自助终端模式' }));
    await waitFor(() => expect(shell()).toHaveClass('kiosk'));
    const changes = (await app.db.events.toArray()).filter(
      (e) => e.type === 'device.kiosk-changed',
    );
    expect(changes.map((e) => e.data)).toEqual([{ kiosk: false }, { kiosk: true }]);
  });

  it('changes the lead PIN, refusing a trivial one', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const [pin, again] = screen.getAllByLabelText(/组长密码|再次输入密码/);
    if (!pin || !again) throw new Error('PIN fields missing');
    await app.user.type(pin, '0000');
    await app.user.type(again, '0000');
    await app.user.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByText(/密码太简单/)).toHaveAttribute('role', 'alert');
    await app.user.clear(pin);
    await app.user.clear(again);
    await app.user.type(pin, '9753');
    await app.user.type(again, '9753');
    await app.user.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByText('组长密码已更改')).toBeInTheDocument();
    const lead = new PinGuard('lead', { now: Date.now, iterations: TEST_PIN_ITERATIONS });
    expect(await lead.check('9753')).toEqual({ kind: 'ok' });
    expect(await lead.check(LEAD_PIN)).toMatchObject({ kind: 'wrong' });
  });

  it('keeps the device form and the toggles from overwriting each other', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    await app.user.click(screen.getByRole('button', { name: '大字体' }));
    await waitFor(() => expect(document.documentElement.dataset.type).toBe('large'));
    const entrance = screen.getByLabelText('入口');
    await app.user.clear(entrance);
    await app.user.type(entrance, '北门');
    await app.user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    expect(await loadSettings()).toMatchObject({ entrance: '北门', largeType: true });
  });

  it('sets what the ID-card reader types between name and number (comma by default)', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const separator = within(screen.getByTestId('card-reader-separator'));
    expect(separator.getByRole('button', { name: '逗号 ,' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await app.user.click(separator.getByRole('button', { name: '竖线 |' }));
    await waitFor(async () => expect((await loadSettings()).cardReaderSeparator).toBe('|'));
    await waitFor(() =>
      expect(separator.getByRole('button', { name: '竖线 |' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
  });
});

describe('the call voice', () => {
  it('recorded clips by default; the tablet’s own voice is a choice where it has one', async () => {
    installSpeechDouble([MANDARIN]);
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const choice = await screen.findByTestId('call-voice');
    const clips = within(choice).getByRole('button', { name: '录音播报（同叫号机）' });
    const device = within(choice).getByRole('button', { name: '本机语音' });
    expect(clips).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(device).toBeEnabled());
    await app.user.click(device);
    await waitFor(async () => expect((await loadSettings()).callVoice).toBe('device'));
    await waitFor(() => expect(device).toHaveAttribute('aria-pressed', 'true'));
  });

  it('without a Mandarin voice, only the clips, and it says so', async () => {
    installSpeechDouble([ENGLISH]);
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    expect(await screen.findByText('本机没有中文语音：使用录音播报')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('call-voice')).getByRole('button', { name: '本机语音' }),
    ).toBeDisabled();
  });
});

describe('keeping personal data (settings, lead only)', () => {
  const DAY = 86_400_000;
  const oldVisit = (visit: string, device: string, start: number) =>
    visitEvents(greenVisitSteps().flat(), { visit, device, start });

  it('says what is due and what waits for sync, and purges what the server holds', async () => {
    // One old visit pulled from another tablet (held by the server), one of this tablet's
    // never sent (it is not enrolled).
    const me = await deviceId();
    const app = await renderApp([], '/settings', {
      events: [
        ...oldVisit('theirs', 'door-2', FIXED_NOW - 40 * DAY),
        ...oldVisit('mine', me, FIXED_NOW - 39 * DAY),
      ],
    });
    db = app.db;
    await openSettings(app.user);
    const panel = await screen.findByRole('region', { name: '个人信息保留' });
    expect(await within(panel).findByText(/2 条来访已过保留期/)).toHaveTextContent(
      '其中 1 条服务器尚未收到',
    );
    expect(within(panel).getByRole('alert')).toHaveTextContent('本平板未连接大厅服务器');

    await app.user.click(within(panel).getByRole('button', { name: '立即清除' }));
    expect(await within(panel).findByText('已清除 1 条来访的个人信息，删除 0 条旧预约。'));
    expect((await app.db.visits.get('theirs'))?.identity?.name).toBe('');
    expect((await app.db.visits.get('mine'))?.identity?.name).toBe(aBooking().name);
    // Live: the count follows the purge without a reload.
    expect(await within(panel).findByText(/1 条来访已过保留期/)).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '立即清除' })).toBeDisabled();
  });

  it('runs on its own in the background, wherever the tablet is', async () => {
    const app = await renderApp([], '/', {
      events: oldVisit('theirs', 'door-2', FIXED_NOW - 40 * DAY),
      timing: { ...DEFAULT_IDLE_TIMING, retentionFirstAfterMs: 10 },
    });
    db = app.db;
    await waitFor(async () =>
      expect((await app.db.visits.get('theirs'))?.purgedAt).toBe(FIXED_NOW),
    );
    const purges = (await app.db.events.toArray()).filter((e) => e.type === 'device.data-purged');
    expect(purges).toHaveLength(1);
  });
});

describe('the bookings this tablet holds', () => {
  it('counts today and each day of the week ahead, live as bookings arrive', async () => {
    const DAY = 24 * 3_600_000;
    const today = [aBooking({ bookingId: 'T1' }), aBooking({ bookingId: 'T2' })];
    const app = await renderApp(today, '/settings');
    db = app.db;
    await openSettings(app.user);
    const held = await screen.findByTestId('held-bookings');
    expect(held).toHaveTextContent('本机已有预约（离线可用）');
    const items = () =>
      within(held)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    await waitFor(() => expect(items()).toHaveLength(8));
    expect(items()[0]).toBe('今天2');
    expect(items()[1]).toBe('11/290');
    // A day's list arriving by sync shows without leaving the screen.
    await app.db.bookings.bulkPut([
      aBooking({ bookingId: 'N1' }, FIXED_NOW + DAY),
      aBooking({ bookingId: 'N2' }, FIXED_NOW + 7 * DAY),
    ]);
    await waitFor(() => expect(items()[1]).toBe('11/291'));
    expect(items()[7]).toBe('12/051');
  });
});
