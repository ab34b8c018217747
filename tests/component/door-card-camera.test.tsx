import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { StartRequest } from '../../src/features/door/scanner/camera-engine';
import { aBooking, validIdNumber } from '../fixtures/builders';
import { renderApp, savedIdentity, tap, toIdentityStep } from './render-app';

// The identity step's card view on the door's camera. The engine is a fake that hands the
// test each start's request (the card view's has onCard) and counts the stops.
const started: StartRequest[] = [];
let stopped = 0;
vi.mock('../../src/features/door/scanner/engine-context', async () => {
  const { recordingEngineContext } = await import('../fixtures/recording-camera-engine');
  return recordingEngineContext({ started, onStop: () => stopped++ });
});

const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });
const OTHER = validIdNumber('33010219850512341');
const SLOW = { timeout: 5000 };

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
  started.length = 0;
  stopped = 0;
});

/** The card view's running camera: its guide drawn, its request (with onCard) started. */
async function cardView(): Promise<StartRequest> {
  await screen.findByTestId('card-guide', {}, SLOW);
  const request = started.at(-1);
  if (!request?.onCard) throw new Error('the identity step started no card view');
  return request;
}

/** The card worker's answers for `frames` frames in a row. */
function frames(request: StartRequest, idNumber: string | null, count: number) {
  for (let i = 0; i < count; i++) act(() => request.onCard?.(idNumber));
}

describe('the card view at the identity step', () => {
  it("offers a booked visitor's own card after three agreeing frames, for one tap recorded as from the card", async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentityStep(app.user);
    const request = await cardView();
    frames(request, null, 4); // frames with no number offer nothing
    frames(request, zhang.idNumber, 2);
    expect(screen.queryByTestId('card-match')).toBeNull();
    frames(request, zhang.idNumber, 1);
    expect(await screen.findByTestId('card-match', {}, SLOW)).toHaveTextContent(
      zhang.idNumber.slice(-6),
    );
    await tap(app.user, '确认：读卡与预约一致');
    expect(await savedIdentity(app)).toMatchObject({ idNumber: zhang.idNumber, source: 'card' });
    // The step moved on: the card view's camera was stopped.
    await waitFor(() => expect(stopped).toBeGreaterThanOrEqual(started.length - 1));
    expect(screen.queryByTestId('card-guide')).toBeNull();
  });

  it('says another person’s card differs from the booking', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentityStep(app.user);
    frames(await cardView(), OTHER, 3);
    expect(await screen.findByTestId('card-mismatch', {}, SLOW)).toHaveTextContent(
      '身份证号与预约不一致',
    );
  });

  it("fills a walk-in's number from the card; the phone still typed", async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toIdentityStep(app.user, false);
    frames(await cardView(), OTHER, 3);
    expect(await screen.findByTestId('card-facts', {}, SLOW)).toHaveTextContent(
      '读卡：男 · 出生 1985-05-12',
    );
    expect(screen.getByLabelText('身份证号')).toHaveValue(OTHER);
    await app.user.type(screen.getByLabelText('姓名'), '王五');
    await app.user.type(screen.getByLabelText('手机号或固定电话'), '13900001111');
    await tap(app.user, '登记');
    expect(await savedIdentity(app)).toMatchObject({ idNumber: OTHER, source: 'card' });
  });
});
