import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { dayRecords } from '../../src/db/queries';
import { foldIncidents } from '../../src/domain/incidents';
import { dayKey } from '../../src/domain/time';
import type { AudioSink, Tone } from '../../src/services/sound/tones';
import { TONES } from '../../src/services/sound/tones';
import { aBooking, FIXED_NOW, MINUTE } from '../fixtures/builders';
import { renderApp, type User } from './render-app';

const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

async function tap(user: User, name: string | RegExp) {
  await user.click(await screen.findByRole('button', { name }));
}

function recordingSink() {
  const played: { tones: readonly Tone[]; gain: number }[] = [];
  const sink: AudioSink = { play: (tones, gain) => void played.push({ tones, gain }) };
  return { sink, played };
}

async function redCode(user: User) {
  await tap(user, /张\*明/);
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await tap(user, '身份证与预约一致');
  await tap(user, '红码');
}

describe('verdict tones and colours', () => {
  it('an admitted visitor: green and the short chime, at the device volume', async () => {
    const { sink, played } = recordingSink();
    const app = await renderApp([zhang], '/', { audioSink: sink, settings: { soundVolume: 50 } });
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, '已戴口罩 · 已手消毒');
    await tap(app.user, '36.5');
    await tap(app.user, '身份证与预约一致');
    await tap(app.user, '绿码 · 行程无中高风险');
    expect(await screen.findByTestId('outcome')).toHaveAttribute('data-severity', 'admitted');
    // Heard once the verdict is painted (src/ui/after-paint.ts).
    await waitFor(() => expect(played).toEqual([{ tones: TONES.admitted, gain: 0.5 }]));
  });

  it('a red code: red card and the alarm until acknowledged', async () => {
    const { sink, played } = recordingSink();
    const app = await renderApp([zhang], '/', { audioSink: sink });
    db = app.db;
    await redCode(app.user);
    const outcome = await screen.findByTestId('outcome');
    expect(outcome).toHaveAttribute('data-severity', 'alarm');
    expect(outcome).toHaveClass('outcome-danger');
    await waitFor(() => expect(played[0]?.tones).toBe(TONES.alarm));
    await tap(app.user, '已知晓 · 停止警报');
    expect(screen.queryByTestId('silence')).toBeNull();
  });

  it('a refusal: orange and two tones; muted, nothing plays', async () => {
    const { sink, played } = recordingSink();
    const app = await renderApp([zhang], '/', {
      audioSink: sink,
      settings: { soundMuted: true },
    });
    db = app.db;
    expect(await screen.findByTestId('door-muted')).toHaveTextContent('提示音已关闭');
    await tap(app.user, /张\*明/);
    await tap(app.user, '拒绝戴口罩');
    const outcome = await screen.findByTestId('outcome');
    expect(outcome).toHaveClass('outcome-refuse');
    expect(outcome).toHaveTextContent('拒绝戴口罩');
    const [visit] = await app.db.visits.toArray();
    expect(visit?.mask).toBe('refused');
    expect(await screen.findByTestId('lead-alert')).toBeInTheDocument();
    // Past the frame after the verdict's paint, when a tone would have started.
    await new Promise((r) => setTimeout(r, 100));
    expect(played).toEqual([]);
  });
});

describe('undo of a refusal', () => {
  it('a mis-tapped red code is undone in one tap: the visit reopens at the codes', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await redCode(app.user);
    await tap(app.user, /撤销（误触）/);
    await tap(app.user, '绿码 · 行程无中高风险');
    expect(await screen.findByTestId('outcome')).toHaveTextContent('准许入厅');
    const types = (await app.db.events.toArray()).map((e) => e.type);
    // The refusal stays in the log, followed by its undo and the new verdict.
    expect(types.filter((t) => t === 'visit.decided')).toHaveLength(2);
    expect(types).toContain('visit.reopened');
  });

  it('a mask refusal undone and refused again leaves one incident, not two (issue 24)', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    const incidents = async () => foldIncidents(await dayRecords(app.db, dayKey(FIXED_NOW)));
    await tap(app.user, /张\*明/);
    await tap(app.user, '拒绝戴口罩');
    expect(await screen.findByTestId('lead-alert')).toBeInTheDocument();
    await tap(app.user, /撤销（误触）/);
    await waitFor(() => expect(screen.queryByTestId('lead-alert')).toBeNull());
    expect(await incidents()).toEqual([]);
    await tap(app.user, '拒绝戴口罩');
    expect(await screen.findByTestId('lead-alert')).toBeInTheDocument();
    expect((await incidents()).map((i) => i.kind)).toEqual(['refused-measures']);
  });
});

describe('arrival window', () => {
  it('an early arrival is told the time and the booking stays on the list', async () => {
    const early = aBooking({
      bookingId: 'B0009',
      name: '王建国',
      slotStart: FIXED_NOW + 60 * MINUTE,
    });
    const app = await renderApp([early]);
    db = app.db;
    await tap(app.user, /王\*国/);
    const card = await screen.findByTestId('outcome');
    expect(card).toHaveAttribute('data-severity', 'come-back');
    expect(await app.db.visits.count()).toBe(0);
    await tap(app.user, '下一位');
    expect(await screen.findByRole('button', { name: /王\*国/ })).toBeInTheDocument();
  });
});
