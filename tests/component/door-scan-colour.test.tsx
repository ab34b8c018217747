import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import type { ColourReading } from '../../src/domain/codes/code-colour';
import type { CameraEngine, StartRequest } from '../../src/features/door/scanner/camera-engine';
import { aBooking } from '../fixtures/builders';
import { renderApp, tap, toCodesStep } from './render-app';

// The door's camera as the frame engine drives it: a code read with the colour of its
// modules. The engine is a fake that hands its decode callback to the test.
const started: StartRequest[] = [];
vi.mock('../../src/features/door/scanner/engine-context', async () => {
  const { createContext, useContext } = await import('react');
  const engine: CameraEngine = {
    start: async (request) => {
      started.push(request);
      return {
        decoder: 'polyfill',
        deviceId: 'front',
        torchSupported: false,
        setTorch: async () => {},
        cameras: async () => [],
        stop: async () => {},
      };
    },
  };
  const CameraEngineContext = createContext(engine);
  return { CameraEngineContext, useCameraEngine: () => useContext(CameraEngineContext) };
});

const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });
const HEALTH = 'https://jkm.example.gov.cn/v2/code?n=zhang&t=20261128';
const SLOW = { timeout: 5000 };

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
  started.length = 0;
});

/** The camera of the step now open reads the health code with this colour. */
async function cameraReads(colour: ColourReading) {
  // The codes step's own camera (the booking step's has stopped by then).
  const panel = await screen.findByTestId('scan-panel', {}, SLOW);
  await waitFor(() => expect(panel.contains(started.at(-1)?.element ?? null)).toBe(true), SLOW);
  const request = started.at(-1);
  act(() => request?.onDecode(HEALTH, 'frame:min-channel', colour));
  await screen.findByTestId('colour-seen', {}, SLOW);
}

async function healthEvent(app: { db: CheckpointDb }) {
  const events = await app.db.events.toArray();
  return events.find((e) => e.type === 'health-code.checked')?.data;
}

describe('the colour the camera read, offered for one tap', () => {
  it('asks for the front camera by default', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await waitFor(() => expect(started.at(-1)?.facing).toBe('user'), SLOW);
  });

  it('offers yellow pre-selected, in words and by shape; one tap records seen and confirmed', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await cameraReads({ colour: 'yellow', margin: 0.4 });
    expect(screen.getByTestId('colour-seen')).toHaveTextContent('扫码识别：黄码');
    expect(screen.getByTestId('colour-seen').querySelector('svg')).not.toBeNull();
    const yellow = screen.getByRole('button', { name: '黄码' });
    await waitFor(() => expect(yellow).toHaveFocus(), SLOW);
    expect(yellow).toHaveAttribute('data-offered', 'true');
    // The one-tap "green and no risk" is not there to be hit over a yellow read.
    expect(screen.getByRole('button', { name: '绿码 · 行程无中高风险' })).toBeDisabled();
    await app.user.keyboard('{Enter}');
    // A yellow code is refused at once: the travel code is not asked.
    expect(await screen.findByTestId('outcome', {}, SLOW)).toHaveTextContent('不能入厅');
    expect(await healthEvent(app)).toMatchObject({
      colour: 'yellow',
      colourSeen: 'yellow',
      method: 'scan',
    });
  });

  it('records a disagreement: the camera saw red, staff chose green, green counts', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await cameraReads({ colour: 'red', margin: 0.5 });
    await waitFor(() => expect(screen.getByRole('button', { name: '红码' })).toHaveFocus(), SLOW);
    await tap(app.user, '绿码');
    await tap(app.user, '无中高风险地区旅居史');
    expect(await screen.findByTestId('outcome', {}, SLOW)).toHaveTextContent('准许入厅');
    expect(await healthEvent(app)).toMatchObject({ colour: 'green', colourSeen: 'red' });
  });

  it('pre-selects nothing when the colour could not be told, and says so', async () => {
    const app = await renderApp([zhang]);
    db = app.db;
    await toCodesStep(app.user);
    await cameraReads({ colour: null, margin: 0 });
    expect(screen.getByTestId('colour-seen')).toHaveTextContent('未能识别码的颜色，请目视判断');
    expect(document.querySelector('[data-offered]')).toBeNull();
    await tap(app.user, '绿码');
    await tap(app.user, '无中高风险地区旅居史');
    await screen.findByTestId('outcome', {}, SLOW);
    const data = await healthEvent(app);
    expect(data).toMatchObject({ colour: 'green', method: 'scan' });
    expect(data).not.toHaveProperty('colourSeen');
  });
});
