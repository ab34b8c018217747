import { act, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Root } from '../../src/app/Root';
import type { CheckpointDb } from '../../src/db/database';
import { EventLog } from '../../src/db/event-log';
import { deviceId, loadRole } from '../../src/db/settings';
import { DEFAULT_IDLE_TIMING } from '../../src/domain/idle';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { aBooking, FIXED_NOW } from '../fixtures/builders';
import { LEAD_PIN, renderApp, type User } from './render-app';

const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await db?.delete();
});

async function typePin(user: User, pin: string) {
  // Keys are disabled while the previous PIN is being checked.
  await waitFor(() => expect(screen.getByRole('button', { name: '0' })).toBeEnabled());
  for (const digit of pin) await user.click(screen.getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: '确认' }));
}

describe('the lead PIN gate', () => {
  it('keeps settings closed until the lead PIN is typed', async () => {
    const app = await renderApp([zhang], '/settings');
    db = app.db;
    expect(await screen.findByRole('heading', { name: '需要值班组长密码' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '设置' })).not.toBeInTheDocument();
    await typePin(app.user, '1357');
    expect(await screen.findByRole('alert')).toHaveTextContent('还可再试 4 次');
    await typePin(app.user, LEAD_PIN);
    expect(await screen.findByRole('heading', { name: '设置' })).toBeInTheDocument();
  });

  it('locks after five wrong PINs, disabling the keypad, and records it', async () => {
    const app = await renderApp([zhang], '/settings');
    db = app.db;
    await screen.findByRole('heading', { name: '需要值班组长密码' });
    for (let i = 0; i < 4; i++) await typePin(app.user, '1357');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('还可再试 1 次'));
    await typePin(app.user, '1357');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('已锁定'));
    expect(screen.getByRole('button', { name: '2' })).toBeDisabled();
    await waitFor(async () => {
      const types = (await app.db.events.toArray()).map((e) => e.type);
      expect(types).toContain('device.pin-locked-out');
    });
  });

  it('locks settings again when the lead leaves them', async () => {
    const app = await renderApp([zhang], '/settings');
    db = app.db;
    await screen.findByRole('heading', { name: '需要值班组长密码' });
    await typePin(app.user, LEAD_PIN);
    await screen.findByRole('heading', { name: '设置' });
    await app.user.click(screen.getByRole('link', { name: '门岗检查' }));
    await app.user.click(screen.getByRole('link', { name: '设置' }));
    expect(await screen.findByRole('heading', { name: '需要值班组长密码' })).toBeInTheDocument();
  });
});

describe('roles', () => {
  it('one unlock covers the lead’s screens; Lock, or leaving them, locks them', async () => {
    const app = await renderApp([zhang], '/lead');
    db = app.db;
    await typePin(app.user, LEAD_PIN);
    await screen.findByRole('heading', { name: '台账' });
    await app.user.click(screen.getByRole('link', { name: '设置' }));
    expect(await screen.findByRole('heading', { name: '设置' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: '锁定' }));
    expect(await screen.findByRole('heading', { name: '第1步 · 查找预约' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '锁定' })).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: '值班组长' }));
    expect(await screen.findByRole('heading', { name: '需要值班组长密码' })).toBeInTheDocument();
  });

  it('the lead’s PIN holds past the lead’s screens, with Lock on show, until Lock', async () => {
    const app = await renderApp([zhang], '/lead');
    db = app.db;
    await typePin(app.user, LEAD_PIN);
    await screen.findByRole('heading', { name: '台账' });
    await app.user.click(screen.getByRole('link', { name: '门岗检查' }));
    await screen.findByRole('heading', { name: '第1步 · 查找预约' });
    await app.user.click(screen.getByRole('button', { name: '锁定' }));
    expect(screen.queryByRole('button', { name: '锁定' })).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: '值班组长' }));
    expect(await screen.findByRole('heading', { name: '需要值班组长密码' })).toBeInTheDocument();
  });

  it('times the lead’s unlock out: left untouched, the tablet locks and returns to its role’s home', async () => {
    let now = FIXED_NOW;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = await renderApp([zhang], '/lead', { now: () => now });
    db = app.db;
    await typePin(app.user, LEAD_PIN);
    await screen.findByRole('heading', { name: '台账' });

    now += DEFAULT_IDLE_TIMING.resetAfterMs + 1_000;
    act(() => vi.advanceTimersByTime(1_000));
    expect(await screen.findByRole('heading', { name: '第1步 · 查找预约' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '锁定' })).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: '值班组长' }));
    expect(await screen.findByRole('heading', { name: '需要值班组长密码' })).toBeInTheDocument();
  });

  it('switches to the guide in one tap, and a restarted tablet comes back to the guide', async () => {
    const first = await renderApp([zhang], '/');
    db = first.db;
    await first.user.click(await screen.findByRole('link', { name: '引导叫号' }));
    await screen.findByTestId('window-1');
    await waitFor(async () => expect(await loadRole()).toBe('guide'));
    first.view.unmount();

    // A restart: the same device (settings and role kept), the kiosk opening on '/'.
    // In StrictMode, as main.tsx renders it: effects run twice on mount.
    render(
      <StrictMode>
        <Root
          options={{ dbName: first.db.name, now: () => FIXED_NOW, tapSettleMs: 0 }}
          initialPath="/"
        />
      </StrictMode>,
    );
    expect(await screen.findByTestId('window-1')).toBeInTheDocument();
    expect(await loadRole()).toBe('guide');
  });
});

describe('the idle door and its drafts', () => {
  it('warns, then returns to the start screen keeping the visit as a draft, recorded', async () => {
    let now = FIXED_NOW;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = await renderApp([zhang], '/', { now: () => now });
    db = app.db;
    await app.user.click(await screen.findByRole('button', { name: /张\*明/ }));
    await app.user.click(await screen.findByRole('button', { name: '已戴口罩 · 已手消毒' }));
    await screen.findByRole('heading', { name: /测量体温/ });

    now += DEFAULT_IDLE_TIMING.warnAfterMs + 1_000;
    act(() => vi.advanceTimersByTime(1_000));
    const warning = await screen.findByRole('alertdialog');
    expect(warning).toHaveTextContent('29 秒后回到开始页面');

    now += 30_000;
    act(() => vi.advanceTimersByTime(1_000));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const drafts = await screen.findByRole('region', { name: '未完成的检查' });
    expect(drafts).toHaveTextContent('张*明');
    expect(screen.getByRole('heading', { name: /查找预约/ })).toBeInTheDocument();
    const [visit] = await app.db.visits.toArray();
    expect(visit?.status).toBe('open');
    await waitFor(async () => {
      const resets = (await app.db.events.toArray()).filter((e) => e.type === 'device.idle-reset');
      expect(resets.map((e) => e.data)).toEqual([{ draft: visit?.id }]);
    });

    await app.user.click(within(drafts).getByRole('button', { name: '继续检查 张*明' }));
    expect(await screen.findByRole('heading', { name: /测量体温/ })).toBeInTheDocument();
  });

  it('keeps the visit when someone touches the screen during the warning', async () => {
    let now = FIXED_NOW;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = await renderApp([zhang], '/', { now: () => now });
    db = app.db;
    await app.user.click(await screen.findByRole('button', { name: /张\*明/ }));
    await screen.findByRole('heading', { name: /口罩与手消毒/ });
    now += DEFAULT_IDLE_TIMING.warnAfterMs + 1_000;
    act(() => vi.advanceTimersByTime(1_000));
    await app.user.click(await screen.findByRole('button', { name: '继续操作' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    now += 60_000;
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('heading', { name: /口罩与手消毒/ })).toBeInTheDocument();
  });

  it('lets the next staff member discard a draft, recorded as abandoned', async () => {
    const dbName = `drafts-${Math.random()}`;
    const { CheckpointDb } = await import('../../src/db/database');
    const seed = new CheckpointDb(dbName);
    const log = new EventLog(seed, { site: 'local', device: await deviceId(), ticketPrefix: 'A' });
    const { day: _day, ...ref } = zhang;
    await log.record(
      'v-draft',
      [
        { type: 'visit.opened', at: FIXED_NOW - 60_000, data: { policyVersion: '2026.1' } },
        { type: 'appointment.matched', at: FIXED_NOW - 60_000, data: ref },
      ],
      DEFAULT_POLICY,
    );
    seed.close();
    const app = await renderApp([], '/', { dbName });
    db = app.db;
    const drafts = await screen.findByRole('region', { name: '未完成的检查' });
    await app.user.click(within(drafts).getByRole('button', { name: '放弃 张*明 的检查' }));
    await app.user.click(within(drafts).getByRole('button', { name: '确认放弃（记录保留）' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: '未完成的检查' })).not.toBeInTheDocument(),
    );
    const visit = await app.db.visits.get('v-draft');
    expect(visit?.status).toBe('abandoned');
    expect(visit?.abandoned?.reason).toBe('discarded-draft');
    // Discarding does not put a verdict card on the door.
    expect(screen.queryByTestId('outcome')).not.toBeInTheDocument();
  });
});
