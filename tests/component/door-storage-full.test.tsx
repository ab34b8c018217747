import { screen, within } from '@testing-library/react';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { doorBookings } from '../fixtures/builders';
import { LEAD_PIN, renderApp, tap } from './render-app';

const { zhang } = doorBookings();

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

/**
 * The browser refuses the next write to the visits table for want of space, mid-way
 * through the step's transaction (its events are already added): IndexedDB aborts the
 * whole transaction, as it does when the quota runs out.
 */
function fillStorageOnNextVisitWrite(sample: Table) {
  // Each database derives its tables from Dexie's one Table prototype: the app's too.
  let proto = Object.getPrototypeOf(sample) as Table;
  while (!Object.hasOwn(proto, 'put')) proto = Object.getPrototypeOf(proto) as Table;
  const put = proto.put;
  let armed = true;
  return vi.spyOn(proto, 'put').mockImplementation(function (this: Table, ...args) {
    if (armed && this.name === 'visits') {
      armed = false;
      return Dexie.Promise.reject(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      );
    }
    return put.apply(this, args);
  });
}

describe('storage full in the middle of a visit (issue 23)', () => {
  it('says so at the door, keeps what was confirmed, shows the step unconfirmed, tells the lead', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await tap(app.user, /张\*明/);
    await screen.findByRole('heading', { name: /口罩与手消毒/ });
    const [visit] = await app.db.visits.toArray();
    const confirmed = await app.db.events
      .where('visit')
      .equals(visit?.id ?? '')
      .toArray();
    expect(confirmed.map((e) => e.type)).toEqual(['visit.opened', 'appointment.matched']);

    fillStorageOnNextVisitWrite(app.db.visits);
    await tap(app.user, '已戴口罩 · 已手消毒');

    // At the door: what happened, that the confirmed steps are kept, what to do.
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('平板存储空间已满：这一步没有保存');
    expect(alert).toHaveTextContent('之前已确认的步骤都已保存，不会丢失');
    expect(alert).toHaveTextContent('马上告诉值班组长（同步、释放空间）');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
    // The step is still on screen, not shown as confirmed.
    expect(screen.getByRole('heading', { name: /口罩与手消毒/ })).toBeInTheDocument();
    const mask = [...document.querySelectorAll('.musts li')].find((li) =>
      li.textContent?.includes('口罩'),
    );
    expect(mask).not.toHaveClass('must-done');
    expect(mask).toHaveClass('must-current');
    // Nothing half-written, nothing confirmed lost.
    const after = await app.db.events
      .where('visit')
      .equals(visit?.id ?? '')
      .toArray();
    expect(after).toEqual(confirmed);
    expect((await app.db.visits.get(visit?.id ?? ''))?.mask).toBeNull();
    // The top bar names it for whoever looks.
    expect(await screen.findByTestId('health')).toHaveTextContent('存储已满');

    // The lead's settings say what to do.
    await app.user.click(screen.getByRole('link', { name: '设置' }));
    await screen.findByRole('heading', { name: '需要值班组长密码' });
    for (const digit of LEAD_PIN) await app.user.click(screen.getByRole('button', { name: digit }));
    await app.user.click(screen.getByRole('button', { name: '确认' }));
    const lead = await screen.findByTestId('storage-full-lead');
    expect(lead).toHaveTextContent('门岗的记录无法保存，已确认的记录都还在');
    expect(lead).toHaveTextContent('立即同步');
    expect(lead).toHaveTextContent('立即清除');
    expect(lead).toHaveTextContent('释放空间');

    // Space freed: back at the door, the retry records the step and the warnings go.
    await app.user.click(screen.getByRole('link', { name: '门岗检查' }));
    await tap(app.user, '重试');
    expect(await screen.findByRole('heading', { name: /测量体温/ })).toBeInTheDocument();
    expect(document.querySelector('[data-problem="storage-full"]')).toBeNull();
    expect((await app.db.visits.get(visit?.id ?? ''))?.mask).toBe('worn');
  });
});
