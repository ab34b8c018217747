import { describe, expect, it } from 'vitest';
import type { CameraEngine, RunningCamera } from '../../../src/features/door/scanner/camera-engine';
import { CameraStartError } from '../../../src/features/door/scanner/camera-errors';
import {
  CameraSession,
  type SessionState,
} from '../../../src/features/door/scanner/camera-session';

/** An engine whose starts finish when the test says, recording what is running. */
function controlledEngine() {
  const log: string[] = [];
  let live = 0;
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const engine: CameraEngine = {
    async start(request) {
      log.push(`start ${request.deviceId ?? 'rear'}`);
      await new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
      live++;
      const camera: RunningCamera = {
        decoder: 'polyfill',
        deviceId: request.deviceId,
        torchSupported: false,
        setTorch: async () => undefined,
        cameras: async () => [],
        stop: async () => {
          live--;
          log.push('stop');
        },
      };
      return camera;
    },
  };
  return {
    engine,
    log,
    live: () => live,
    finishStart: () => pending.shift()?.resolve(),
    failStart: (e: unknown) => pending.shift()?.reject(e),
  };
}

function session(engine: CameraEngine, deviceId: () => string | null = () => null) {
  const states: SessionState['status'][] = [];
  const s = new CameraSession(
    engine,
    () => ({
      element: document.createElement('div'),
      deviceId: deviceId(),
      facing: 'user',
      onDecode: () => {},
    }),
    (state) => states.push(state.status),
  );
  return { s, states };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('CameraSession', () => {
  it('starts once for open, close, open in one go (React StrictMode)', async () => {
    const cam = controlledEngine();
    const { s, states } = session(cam.engine);
    s.open();
    s.close();
    s.open();
    await tick();
    cam.finishStart();
    await s.settled();
    expect(cam.log).toEqual(['start rear']);
    expect(cam.live()).toBe(1);
    expect(states).toEqual(['starting', 'running']);
  });

  it('does not start at all for open then close in one go', async () => {
    const cam = controlledEngine();
    const { s } = session(cam.engine);
    s.open();
    s.close();
    await s.settled();
    expect(cam.log).toEqual([]);
  });

  it('stops a camera whose start was still pending when the step closed', async () => {
    const cam = controlledEngine();
    const { s, states } = session(cam.engine);
    s.open();
    await tick();
    s.close();
    cam.finishStart();
    await s.settled();
    expect(cam.log).toEqual(['start rear', 'stop']);
    expect(cam.live()).toBe(0);
    expect(states).toEqual(['starting', 'idle']);
  });

  it('restarts with the camera chosen meanwhile', async () => {
    const cam = controlledEngine();
    let chosen: string | null = null;
    const { s } = session(cam.engine, () => chosen);
    s.open();
    await tick();
    cam.finishStart();
    await tick();
    chosen = 'front';
    s.reopen();
    await tick();
    await tick();
    cam.finishStart();
    await s.settled();
    expect(cam.log).toEqual(['start rear', 'stop', 'start front']);
    expect(cam.live()).toBe(1);
  });

  it('reports a failure once and waits to be asked again', async () => {
    const cam = controlledEngine();
    const { s, states } = session(cam.engine);
    s.open();
    await tick();
    cam.failStart(new CameraStartError('busy'));
    await s.settled();
    expect(states).toEqual(['starting', 'failed']);
    s.reopen();
    await tick();
    cam.finishStart();
    await s.settled();
    expect(states).toEqual(['starting', 'failed', 'starting', 'running']);
    expect(cam.live()).toBe(1);
  });
});
