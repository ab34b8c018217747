import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { FIXED_NOW, manyBookings } from '../fixtures/builders';
import { renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('more bookings than the door lists (issue 31)', () => {
  it('says how many more there are and to search; a search that fits the list says nothing', async () => {
    const app = await renderApp(manyBookings(11, FIXED_NOW, 1));
    db = app.db;
    const list = await screen.findByRole('list', { name: '按预约时间排序' });
    expect(await within(list).findAllByRole('listitem')).toHaveLength(8);
    expect(await screen.findByTestId('bookings-more')).toHaveTextContent('还有 3 个预约：请搜索');

    await app.user.type(screen.getByRole('searchbox'), '预约人1');
    // 预约人1 and 预约人10: both listed, none left over.
    expect(await within(list).findAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByTestId('bookings-more')).toBeNull();
  });
});
