import { createHash } from 'node:crypto';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { formatBookingCode } from '../../src/domain/codes/booking-code';
import { aBooking } from '../fixtures/builders';
import { renderApp, toCodesStep, type User } from './render-app';
import { wedgeBurst } from './wedge-burst';

// The door with a handheld scanner (keyboard wedge): jsdom has no camera, so the scan
// panels show their camera problem and the wedge is the scanner.
const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });
const HEALTH = 'https://jkm.example.gov.cn/v2/code?n=zhang&id=330102198505123418';

// A scan is hashed, looked up and stored before the screen moves: on a loaded 2-core
// machine that can take longer than Testing Library's default second.
const SLOW = { timeout: 5000 };

/**
 * The door is listening for a scanner once its scan panel has mounted and given up on
 * jsdom's missing camera (the wedge listener is attached by then). Scanning as soon as
 * the booking list shows raced the listener on a loaded machine.
 */
async function doorListening() {
  await screen.findByRole('button', { name: /张\*明/ }, SLOW);
  await waitFor(
    () => expect(screen.getByTestId('scan-panel')).toHaveAttribute('data-camera', 'failed'),
    SLOW,
  );
}

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

const wedge = wedgeBurst;

async function tap(user: User, name: string | RegExp) {
  await user.click(await screen.findByRole('button', { name }));
}

describe('scanning at the door with a handheld scanner', () => {
  it('opens the visit from a booking code, with no touch', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await doorListening();
    wedge(formatBookingCode('B0001', '2026-11-28'));
    expect(await screen.findByRole('heading', { name: /口罩与手消毒/ }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('scan-notice')).toHaveTextContent('已扫码：张*明 的预约 B0001');
    const [visit] = await app.db.visits.toArray();
    expect(visit?.appointment).toMatchObject({ kind: 'booked', booking: { bookingId: 'B0001' } });
  });

  it('takes a booking code typed (or scanned) into the search field', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await app.user.type(
      await screen.findByRole('searchbox'),
      `${formatBookingCode('B0001', '2026-11-28')}{Enter}`,
    );
    expect(await screen.findByRole('heading', { name: /口罩与手消毒/ }, SLOW)).toBeInTheDocument();
  });

  it('refuses an expired booking code in words and opens nothing', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await doorListening();
    wedge(formatBookingCode('B0001', '2026-11-27'));
    expect(await screen.findByTestId('scan-notice', {}, SLOW)).toHaveTextContent(
      '预约码已过期（预约日期 2026-11-27）',
    );
    expect(await app.db.visits.count()).toBe(0);
  });

  it('says a damaged booking code is malformed', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await doorListening();
    const good = formatBookingCode('B0001', '2026-11-28');
    wedge(`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`);
    expect(await screen.findByTestId('scan-notice', {}, SLOW)).toHaveTextContent(
      '预约码校验不通过',
    );
  });

  it('does not take a booking code typed at human speed', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await doorListening();
    wedge(formatBookingCode('B0001', '2026-11-28'), 150);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('scan-notice')).toBeNull();
    expect(await app.db.visits.count()).toBe(0);
  });

  it('records a scanned health code as seen, colour confirmed by staff, not verified', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    wedge(HEALTH);
    expect(await screen.findByTestId('seen-health', {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '绿码' })).toHaveFocus(), SLOW);
    await tap(app.user, '绿码');
    await tap(app.user, '无中高风险地区旅居史');
    expect(await screen.findByTestId('outcome', {}, SLOW)).toHaveTextContent('准许入厅');

    const events = await app.db.events.toArray();
    const health = events.find((e) => e.type === 'health-code.checked');
    expect(health?.data).toEqual({
      colour: 'green',
      method: 'scan',
      issuer: 'health-code',
      payloadHash: createHash('sha256').update(HEALTH).digest('hex'),
      excerpt: 'https://jkm.example.gov.cn…',
      verified: false,
    });
    expect(JSON.stringify(events)).not.toContain('330102198505123418');
    expect(events.find((e) => e.type === 'travel-code.checked')?.data).toEqual({
      riskArea: false,
      method: 'manual',
    });
  });

  it('tells staff a booking code is not a health code, and records nothing', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    wedge(formatBookingCode('B0001', '2026-11-28'));
    expect(await screen.findByTestId('scan-notice', {}, SLOW)).toHaveTextContent('这是预约码');
    expect(screen.queryByTestId('seen-health')).toBeNull();
    expect((await app.db.visits.toArray())[0]?.healthCode).toBeNull();
  });
});
