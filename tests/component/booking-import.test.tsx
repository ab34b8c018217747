import { execFileSync } from 'node:child_process';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, FIXED_NOW } from '../fixtures/builders';
import { LEAD_PIN, renderApp, type User } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

async function openSettings(user: User) {
  await screen.findByRole('heading', { name: '需要值班组长密码' });
  for (const digit of LEAD_PIN) await user.click(screen.getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: '确认' }));
  await screen.findByRole('heading', { name: '设置' });
}

const csv = bookingsCsv([
  aBooking({ bookingId: 'G1', name: '张三明' }, FIXED_NOW),
  aBooking({ bookingId: 'G2', name: '欧阳娜娜' }, FIXED_NOW),
]).replace(/^\uFEFF/, '');
const encoded = (to: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: csv });

describe('importing bookings on the tablet', () => {
  it('reads a GBK file as Chinese Excel saves it, names and all', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const file = new File([new Uint8Array(encoded('GBK'))], 'bookings.csv', { type: 'text/csv' });
    await app.user.upload(screen.getByLabelText(/导入今日预约/), file);
    expect(await screen.findByText('已导入 2 条预约')).toBeInTheDocument();
    expect((await app.db.bookings.toArray()).map((b) => b.name).sort()).toEqual(
      ['张三明', '欧阳娜娜'].sort(),
    );
  });

  it('refuses a UTF-32 file, naming its encoding, and imports nothing', async () => {
    const app = await renderApp([], '/settings');
    db = app.db;
    await openSettings(app.user);
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, ...encoded('UTF-32LE')]);
    const file = new File([bytes], 'bookings.csv', { type: 'text/csv' });
    await app.user.upload(screen.getByLabelText(/导入今日预约/), file);
    expect(await screen.findByText(/文件编码为 UTF-32/)).toHaveAttribute('role', 'alert');
    expect(await app.db.bookings.count()).toBe(0);
  });
});
