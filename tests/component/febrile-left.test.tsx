import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { dayRecords } from '../../src/db/queries';
import { foldIncidents } from '../../src/domain/incidents';
import { dayKey } from '../../src/domain/time';
import { doorBookings, FIXED_NOW } from '../fixtures/builders';
import { LEAD_PIN, renderApp, tap, type User } from './render-app';

const { zhang } = doorBookings();

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

async function typeReading(user: User, reading: string) {
  if (!screen.queryByTestId('keypad-display')) await tap(user, '其他读数');
  for (const key of reading) await user.click(screen.getByRole('button', { name: key }));
  await tap(user, '确认');
}

describe('a febrile visitor who walks off during the rest (issue 31)', () => {
  it('raises an incident for the lead and is in the daily report’s cases with her readings', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await tap(app.user, /张\*明/);
    await tap(app.user, '已戴口罩 · 已手消毒');
    await typeReading(app.user, '37.9');
    await screen.findByTestId('resting-list');
    // Back for her re-check, she is gone: staff record that she left.
    await tap(app.user, /^复测 张\*明/);
    await screen.findByText('首次读数 37.9 °C，请休息后复测');
    await tap(app.user, '来访者离开');
    await tap(app.user, '确认');

    const alert = await screen.findByTestId('lead-alert');
    expect(alert).toHaveTextContent('体温异常者未复测即离开');
    expect(alert).toHaveTextContent('张*明');
    const incidents = foldIncidents(await dayRecords(app.db, dayKey(FIXED_NOW)));
    expect(incidents).toMatchObject([{ kind: 'febrile-left', visit: expect.any(String) }]);

    // The lead's daily report lists her, with her reading, beside the figure 中途离开 1.
    await app.user.click(screen.getByRole('link', { name: '值班组长' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '0' })).toBeEnabled());
    for (const digit of LEAD_PIN) await app.user.click(screen.getByRole('button', { name: digit }));
    await app.user.click(screen.getByRole('button', { name: '确认' }));
    await app.user.click(await screen.findByRole('link', { name: /日报/ }));
    expect(await screen.findByTestId('report-abandoned')).toHaveTextContent('1');
    const rows = within(screen.getByTestId('report-cases')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['10:00', '体温异常，未复测即离开', '张*明', '37.9 °C', '尚无处置记录'],
    ]);
  });
});
