import { createHash } from 'node:crypto';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import {
  aScanCheck,
  doorBookings,
  ev,
  FIXED_NOW,
  identityOf,
  MINUTE,
  visitEvents,
} from '../fixtures/builders';
import { renderApp, tap, toCodesStep, type User } from './render-app';
import { wedgeBurst } from './wedge-burst';

const { zhang, li } = doorBookings();
const SLOW = { timeout: 5000 };
const HEALTH = 'https://jkm.example.gov.cn/v2/code?n=zhang&id=330102198505123418';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

/** Every button of the no-smartphone panel is a gloved-hand target (theme.css: 72 px). */
function expectGlovedTargets() {
  const panel = screen.getByTestId('no-phone');
  const buttons = within(panel).getAllByRole('button');
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) expect(b.className).toMatch(/\bbtn\b.*\bbtn-(large|huge)\b/);
}

async function healthEvent(app: { db: CheckpointDb }) {
  const events = await app.db.events.toArray();
  return events.find((e) => e.type === 'health-code.checked')?.data;
}

async function travelClear(user: User) {
  await tap(user, '无中高风险地区旅居史');
  return screen.findByTestId('outcome', {}, SLOW);
}

describe('the no-smartphone path (issue 33)', () => {
  it('admits an elderly visitor on a paper proof, recorded as what it is', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '没有智能手机 / 无法出示健康码');
    expectGlovedTargets();
    expect(screen.getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(
      expect.arrayContaining(['纸质证明', '工作人员代查', '仅身份证登记']),
    );
    await tap(app.user, '纸质证明');
    expectGlovedTargets();
    await tap(app.user, '绿码', screen.getByTestId('no-phone'));
    expect(await travelClear(app.user)).toHaveTextContent('准许入厅');
    expect(await healthEvent(app)).toEqual({ method: 'paper', colour: 'green' });
  });

  it('records who looked the code up; the colour waits for the name', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '没有智能手机 / 无法出示健康码');
    await tap(app.user, '工作人员代查');
    const green = within(screen.getByTestId('no-phone')).getByRole('button', { name: '绿码' });
    expect(green).toBeDisabled();
    await app.user.type(screen.getByLabelText('代查人'), '王芳');
    await app.user.click(green);
    await travelClear(app.user);
    expect(await healthEvent(app)).toEqual({ method: 'staff-lookup', colour: 'green', by: '王芳' });
  });

  it('ID registration alone admits and tells the guide, by the default policy', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '没有智能手机 / 无法出示健康码');
    await tap(app.user, '仅身份证登记');
    await tap(app.user, '确认登记');
    const outcome = await travelClear(app.user);
    expect(outcome).toHaveTextContent('准许入厅');
    expect(within(outcome).getByTestId('guide-told')).toHaveTextContent('已提醒引导员');
    expect(await healthEvent(app)).toEqual({ method: 'id-registration' });
  });

  it('a hall that refuses an alternative says so in its own words; one it turned off is not offered', async () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      version: 'no-id-only',
      noSmartphone: {
        paper: { leadsTo: 'off', wording: '' },
        'staff-lookup': { leadsTo: 'admit', wording: '' },
        'id-registration': { leadsTo: 'refuse', wording: '请家属协助出示健康码后再来' },
      },
    };
    const app = await renderApp([zhang], '/', { policy });
    db = app.db;
    await toCodesStep(app.user);
    await tap(app.user, '没有智能手机 / 无法出示健康码');
    expect(screen.queryByRole('button', { name: '纸质证明' })).toBeNull();
    await tap(app.user, '仅身份证登记');
    await tap(app.user, '确认登记');
    const outcome = await screen.findByTestId('outcome', {}, SLOW);
    expect(outcome).toHaveTextContent('不能入厅');
    expect(outcome).toHaveTextContent('请家属协助出示健康码后再来');
  });

  it('speaks English too', async () => {
    const app = await renderApp([zhang], '/', { settings: { language: 'en' } });
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, 'Mask on · hands disinfected');
    await tap(app.user, '36.5');
    await tap(app.user, 'ID card matches the booking');
    await tap(app.user, 'No smartphone / cannot show a health code');
    expectGlovedTargets();
    await tap(app.user, 'Paper proof');
    expect(screen.getByTestId('no-phone')).toHaveTextContent('Colour on the paper proof');
  });
});

describe('the same code for two people (issue 33)', () => {
  /** 张三明 showed the code at 09:30 on another tablet; sync brought it here. */
  const otherTablet = visitEvents(
    [
      ev.opened(),
      ev.walkIn(true),
      ev.mask(),
      ev.hands(),
      ev.temperature(36.5),
      ev.symptoms(),
      ev.identity(identityOf(zhang), 'typed'),
      ev.healthCode('green', {
        ...aScanCheck(),
        payloadHash: createHash('sha256').update(HEALTH).digest('hex'),
      }),
      ev.travelCode(false),
      ev.decided({ kind: 'admitted', ticket: 'B001' }),
    ],
    { visit: 'other-visit', device: 'tablet-2', start: FIXED_NOW - 30 * MINUTE },
  );

  async function liScans(user: User) {
    await tap(user, /李\*/);
    await tap(user, '已戴口罩 · 已手消毒');
    await tap(user, '36.5');
    await tap(user, '身份证与预约一致');
    await screen.findByRole('heading', { name: /健康码与行程码/ });
    await waitFor(
      () => expect(screen.getByTestId('scan-panel')).toHaveAttribute('data-camera', 'failed'),
      SLOW,
    );
    wedgeBurst(HEALTH);
    return screen.findByTestId('shared-code', {}, SLOW);
  }

  it('says so before the verdict; staff refuse; the event records it and the lead is told', async () => {
    const app = await renderApp([zhang, li], '/', { events: otherTablet });
    db = app.db;
    const banner = await liScans(app.user);
    expect(banner).toHaveTextContent(`此健康码今天 09:30 已由 张*明 出示`);
    expect(screen.getByRole('button', { name: '绿码' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '绿码 · 行程无中高风险' })).toBeDisabled();
    await tap(app.user, '不是本人，劝返');
    await tap(app.user, '绿码');
    expect(await screen.findByTestId('outcome', {}, SLOW)).toHaveTextContent(
      '出示他人的健康码：不能入厅',
    );
    const events = await app.db.events.toArray();
    const mine = events.filter((e) => e.device !== 'tablet-2');
    expect(mine.find((e) => e.type === 'health-code.checked')?.data).toMatchObject({
      shared: { visit: 'other-visit', decision: 'refuse' },
    });
    expect(
      mine.find((e) => e.type === 'incident.reported' && e.data.kind === 'shared-code'),
    ).toBeDefined();
  });

  it('the same person showing the code again is not an alert', async () => {
    const app = await renderApp([zhang], '/', { events: otherTablet });
    db = app.db;
    await toCodesStep(app.user);
    await waitFor(
      () => expect(screen.getByTestId('scan-panel')).toHaveAttribute('data-camera', 'failed'),
      SLOW,
    );
    wedgeBurst(HEALTH);
    expect(await screen.findByTestId('seen-health', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByTestId('shared-code')).toBeNull();
    expect(screen.getByRole('button', { name: '绿码' })).toBeEnabled();
  });
});
