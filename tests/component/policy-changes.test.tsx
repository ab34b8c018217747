import { screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { CheckpointDb } from '../../src/db/database';
import { applyPolicy } from '../../src/db/policies';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { FIXED_NOW, MINUTE } from '../fixtures/builders';
import { PCR_48H, policyWithChecks, VENUE_CODE } from '../fixtures/checks';
import { LEAD_PIN, renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

it('the lead sees the policy in force, since when, and what the county changed', async () => {
  const dbName = `policy-${Math.random()}`;
  const prepared = new CheckpointDb(dbName);
  await applyPolicy(prepared, { ...DEFAULT_POLICY, version: 'c6' }, FIXED_NOW - 60 * MINUTE);
  await applyPolicy(
    prepared,
    policyWithChecks([PCR_48H, VENUE_CODE], 'c7'),
    FIXED_NOW - 5 * MINUTE,
  );
  prepared.close();
  const app = await renderApp([], '/settings', { dbName });
  db = app.db;
  await screen.findByRole('heading', { name: '需要值班组长密码' });
  for (const digit of LEAD_PIN) await app.user.click(screen.getByRole('button', { name: digit }));
  await app.user.click(screen.getByRole('button', { name: '确认' }));
  const panel = await screen.findByTestId('policy-changes');
  expect(within(panel).getByRole('heading')).toHaveTextContent('现行防疫规则：c7');
  expect(panel).toHaveTextContent('自 2026-11-28 09:55 起执行');
  expect(panel).toHaveTextContent('与上一版 c6 相比');
  expect(
    within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['新增检查：核酸 48 小时', '新增检查：已扫场所码']);
});
