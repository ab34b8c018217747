import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { dayRecords } from '../../src/db/queries';
import { DEFAULT_SETTINGS, saveSettings } from '../../src/db/settings';
import type { IncidentKind, RecordEvent } from '../../src/domain/events';
import { foldIncidents } from '../../src/domain/incidents';
import { dayKey } from '../../src/domain/time';
import { useKioskStore } from '../../src/features/kiosk/kiosk-store';
import { FIXED_NOW, fakeUlid, MINUTE } from '../fixtures/builders';
import { LEAD_PIN, renderApp, tap } from './render-app';

let db: CheckpointDb | undefined;
/** The PIN's key derivation and the commit take longer on a loaded machine. */
const SLOW = { timeout: 15_000 };
beforeEach(async () => {
  await saveSettings(DEFAULT_SETTINGS);
});
afterEach(async () => {
  await db?.delete();
});

/** An incident reported on another tablet `ago` minutes before now. */
function reported(incident: string, kind: IncidentKind, person: string, ago: number, seq: number) {
  const at = FIXED_NOW - ago * MINUTE;
  return {
    type: 'incident.reported',
    data: { incident, kind, visit: null, person, unit: null, temperatures: [], note: null },
    id: fakeUlid(at, 70 + seq),
    site: 'hall-1',
    device: 'guide-1',
    seq,
    at,
    v: 1,
  } satisfies RecordEvent;
}

const incidents = [
  reported('i1', 'staff-abnormal', '孙七', 9, 1),
  reported('i2', 'suspected-case', '疑似甲', 8, 2),
  reported('i3', 'refused-measures', '钱八', 3, 3),
  reported('i4', 'staff-abnormal', '周九', 1, 4),
];

describe('the lead’s alert', () => {
  it('is one line: the suspected case first with its own heading and action, and the count', async () => {
    const app = await renderApp([], '/', { events: incidents });
    db = app.db;
    const alert = await screen.findByTestId('lead-alert');
    expect(alert).toHaveTextContent('疑似病例：请值班组长立即处理');
    expect(alert).toHaveTextContent('共 4 项');
    // One incident's line and one action set, not one row each.
    expect(within(alert).getAllByRole('button', { name: '组长已知悉' })).toHaveLength(1);
    expect(within(alert).getByRole('link', { name: '打开隔离清单' })).toHaveAttribute(
      'href',
      '/guide/isolation',
    );
    expect(within(alert).queryByRole('listitem')).toBeNull();
    // Under its title the line says who and when, not the kind again (it is what gives way).
    expect(alert.querySelector('.lead-alert-line')?.textContent).toMatch(/^疑\*甲 · \d\d:\d\d$/);
  });

  it('opens every incident on a tap, most urgent then newest, each with the action of its kind', async () => {
    const app = await renderApp([], '/', { events: incidents });
    db = app.db;
    await tap(app.user, '共 4 项', await screen.findByTestId('lead-alert'));
    const list = await screen.findByRole('dialog', { name: '未处理事件（4）' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.kind)).toEqual([
      'suspected-case',
      'staff-abnormal', // 1 minute ago
      'refused-measures', // 3
      'staff-abnormal', // 9
    ]);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      '打开隔离清单',
      '查看事件',
      '查看事件',
      '查看事件',
    ]);
    expect(rows[1]).toHaveTextContent('周*'); // masked on every screen
    await tap(app.user, '关闭', list);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the lead acknowledges from the list; the line goes on to the next, then away', async () => {
    const app = await renderApp([], '/', { events: incidents.slice(0, 2) });
    db = app.db;
    useKioskStore.setState({ leadUnlocked: true, leadPresent: true });
    const alert = await screen.findByTestId('lead-alert');
    await tap(app.user, '共 2 项', alert);
    const list = await screen.findByRole('dialog', { name: '未处理事件（2）' });
    await tap(app.user, '组长已知悉', within(list).getAllByRole('listitem')[0]);
    await waitFor(() => expect(alert).toHaveTextContent('请值班组长注意'));
    expect(alert).toHaveTextContent('工作人员体温异常');
    expect(alert).not.toHaveTextContent('共');
    expect(screen.queryByRole('dialog')).toBeNull(); // one left: nothing to list
    await tap(app.user, '组长已知悉', alert);
    await waitFor(() => expect(screen.queryByTestId('lead-alert')).toBeNull());
    const acknowledged = foldIncidents(await dayRecords(app.db, dayKey(FIXED_NOW))).map(
      (i) => i.steps['lead-acknowledged'],
    );
    expect(acknowledged).toEqual([FIXED_NOW, FIXED_NOW]);
  });

  it('asks for the PIN once: after it was given, moving between staff screens does not ask again', async () => {
    const app = await renderApp([], '/guide', { events: incidents.slice(2, 4) });
    db = app.db;
    const alert = await screen.findByTestId('lead-alert');
    await tap(app.user, '组长已知悉', alert);
    const gate = await screen.findByRole('dialog', { name: /只有值班组长可以确认知悉/ });
    await waitFor(
      () => expect(within(gate).getByRole('button', { name: '0' })).toBeEnabled(),
      SLOW,
    );
    for (const d of LEAD_PIN) await app.user.click(within(gate).getByRole('button', { name: d }));
    await app.user.click(within(gate).getByRole('button', { name: '确认' }));
    await within(gate).findByRole('button', { name: '确认知悉' }, SLOW);
    await tap(app.user, '确认知悉', gate);
    await waitFor(() => expect(alert).not.toHaveTextContent('周九'), SLOW);
    // The gate closes in a render of its own (a loaded machine shows the alert's change first).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    // The lead goes to the incidents tab (another screen: the lead's screens would lock).
    await app.user.click(within(alert).getByRole('link', { name: '查看事件' }));
    await tap(app.user, '组长已知悉', alert);
    // Acknowledged without the PIN: a gate would have kept the alert on screen.
    await waitFor(() => expect(screen.queryByTestId('lead-alert')).toBeNull(), SLOW);
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 40_000);

  it('asks again once the lead locked or the tablet idled out', async () => {
    const app = await renderApp([], '/guide', { events: incidents.slice(3, 4) });
    db = app.db;
    useKioskStore.getState().unlock();
    useKioskStore.getState().leave();
    await tap(app.user, '组长已知悉', await screen.findByTestId('lead-alert'));
    expect(await screen.findByRole('dialog', { name: /只有值班组长/ })).toBeInTheDocument();
  });
});
