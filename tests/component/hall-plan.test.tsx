import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { CheckpointEvent, EventDraft } from '../../src/domain/events';
import { FIXED_NOW, fakeUlid, MINUTE } from '../fixtures/builders';
import { renderApp, tap } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

/** Events another tablet wrote, as sync brings them. */
function pulled(drafts: readonly EventDraft[]): CheckpointEvent[] {
  return drafts.map(
    (d, i) =>
      ({
        ...d,
        id: fakeUlid(d.at, 500 + i),
        site: 'hall-1',
        device: 'lead-1',
        seq: i + 1,
        v: 1,
      }) as CheckpointEvent,
  );
}
const before = FIXED_NOW - 60 * MINUTE;
const staff: EventDraft[] = [
  {
    type: 'staff.added',
    at: before,
    data: { staff: 's1', name: '张三', post: '社保', window: 2 },
  },
];
const ofType = async (type: string) =>
  (await (db as CheckpointDb).events.toArray()).filter((e) => e.type === type);

describe('the hall plan on the tablets', () => {
  it('records a staff reading in two touches: the person, then the reading', async () => {
    const app = await renderApp([], '/guide/staff', { events: pulled(staff) });
    db = app.db;
    await tap(app.user, /张三/);
    await tap(app.user, '36.5');
    await screen.findByText('已记录 张三 36.5 °C');
    const [measured] = await ofType('staff.measured');
    // 10:00 is nearest the 08:30 check of the default policy.
    expect(measured?.type === 'staff.measured' && measured.data).toEqual({
      staff: 's1',
      name: '张三',
      slot: '08:30',
      celsius: 36.5,
      source: 'preset',
    });
  });

  it('closes the window of someone stood down, and the guide cannot call to it', async () => {
    const app = await renderApp([], '/guide', {
      events: pulled([
        ...staff,
        {
          type: 'staff.stood-down',
          at: before + MINUTE,
          data: { staff: 's1', name: '张三', incident: 'i1' },
        },
      ]),
    });
    db = app.db;
    const card = await screen.findByTestId('window-2');
    expect(card).toHaveTextContent('窗口关闭');
    expect(within(card).queryByRole('button')).toBeNull();
    expect(screen.getByText('张三 体温异常，停止上岗（待组长准予）')).toBeInTheDocument();
  });

  it('shows the closure notice as the door’s first screen and records who is turned away', async () => {
    const app = await renderApp([], '/', {
      events: pulled([
        {
          type: 'hall.suspended',
          at: before,
          data: { closure: 'c1', reason: 'area-contaminated', channels: ['online'], note: null },
        },
      ]),
    });
    db = app.db;
    const notice = await screen.findByTestId('closure-notice');
    expect(notice).toHaveTextContent('场所受到污染');
    expect(notice).toHaveTextContent('网上办理');
    expect(screen.queryByRole('button', { name: '无预约' })).toBeNull();
    await tap(app.user, '已劝返一人');
    await waitFor(async () => expect(await ofType('hall.turned-away')).toHaveLength(1));
    expect(await screen.findByText(/已劝返 1 人/)).toBeInTheDocument();
  });
});
