import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { doorBookings } from '../fixtures/builders';
import { renderApp, tap, type User } from './render-app';

const { zhang } = doorBookings();

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

async function codeRefused(user: User, colour: '黄码' | '红码') {
  await tap(user, /张\*明/);
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await tap(user, '身份证与预约一致');
  await tap(user, colour);
  return screen.findByTestId('outcome');
}

describe('a yellow-code refusal (issue 31)', () => {
  it('tells the visitor what to do next, not the red code’s wording', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    const outcome = await codeRefused(app.user, '黄码');
    expect(outcome).toHaveTextContent('黄码：请按社区要求完成核酸检测，健康码转为绿码后再预约来办');
    expect(outcome).not.toHaveTextContent('健康码不是绿码：不能入厅');
  });

  it('says the hall’s own rule when the policy has one', async () => {
    const advice = '黄码人员请到门口右侧核酸采样点采样，三天两检阴性转绿后再来';
    const app = await renderApp([zhang], '/', {
      policy: { ...DEFAULT_POLICY, version: 'yellow-advice', advice: { yellowCode: advice } },
    });
    db = app.db;
    expect(await codeRefused(app.user, '黄码')).toHaveTextContent(advice);
  });

  it('a red code keeps its own wording', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    expect(await codeRefused(app.user, '红码')).toHaveTextContent('健康码不是绿码：不能入厅');
  });
});
