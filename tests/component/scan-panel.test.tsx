import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clear, createStore } from 'idb-keyval';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraEngineContext } from '../../src/features/door/scanner/engine-context';
import { html5Engine } from '../../src/features/door/scanner/html5-engine';
import { ScanPanel } from '../../src/features/door/scanner/ScanPanel';
import { loadScreenMessages, setupI18n } from '../../src/i18n';
import { useFirstScreen } from '../../src/services/first-screen';
import { useHealthStore } from '../../src/services/health/health-store';
import {
  type FakeHtml5Qrcode,
  fakeMediaDevices,
  fakeScanners,
} from '../fixtures/fake-html5-qrcode';

vi.mock('html5-qrcode', () => import('../fixtures/fake-html5-qrcode'));
// Camera starts go through IndexedDB and a few promise hops: allow a loaded machine time.
configure({ asyncUtilTimeout: 5000 });

const engine = html5Engine({ decoder: 'zxing-js' });
// The panel loads after the door paints, with the messages of the later parts.
beforeAll(loadScreenMessages);
let clock = 0;

function renderPanel(onScan = vi.fn()) {
  const view = render(
    <StrictMode>
      <I18nextProvider i18n={setupI18n()}>
        <CameraEngineContext.Provider value={engine}>
          <ScanPanel title="scan" onScan={onScan} />
          <input aria-label="search" />
          <button type="button">green</button>
        </CameraEngineContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
  return { ...view, onScan, panel: () => screen.getByTestId('scan-panel') };
}

function keys(text: string, gapMs: number, target: Element | Window = window) {
  for (const key of [...text, 'Enter']) {
    clock += gapMs;
    fireEvent.keyDown(target, { key });
  }
}

beforeEach(async () => {
  await clear(createStore('checkpoint-settings', 'keyval')); // no camera remembered
  fakeScanners.length = 0;
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  useFirstScreen.setState({ shown: true }); // the door has painted its first screen
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('the camera of a scan step', () => {
  it('waits for the door’s first screen before it asks for the camera', async () => {
    const camera = fakeMediaDevices();
    useFirstScreen.setState({ shown: false });
    renderPanel();
    expect(screen.queryByTestId('scan-panel')).toBeNull();
    act(() => useFirstScreen.setState({ shown: true }));
    await waitFor(() =>
      expect(screen.getByTestId('scan-panel')).toHaveAttribute('data-camera', 'running'),
    );
    expect(camera.tracks).toHaveLength(1);
  });

  it('starts once under StrictMode and leaves no live track when the step closes', async () => {
    const camera = fakeMediaDevices();
    const { panel, unmount } = renderPanel();
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    expect(camera.tracks).toHaveLength(1);
    expect(camera.live()).toBe(1);
    unmount();
    await waitFor(() => expect(camera.live()).toBe(0));
  });

  it('stops a camera that started after its step had already closed', async () => {
    const camera = fakeMediaDevices({ delayMs: 50 });
    const { unmount } = renderPanel();
    await waitFor(() => expect(fakeScanners).toHaveLength(1));
    unmount(); // while getUserMedia is still pending
    await waitFor(() => expect(camera.tracks).toHaveLength(1));
    await waitFor(() => expect(camera.live()).toBe(0));
  });

  it('stops a camera closed before its video played (html5-qrcode not yet "isScanning")', async () => {
    const camera = fakeMediaDevices();
    const { panel, unmount } = renderPanel();
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    expect(fakeScanners[0]?.isScanning).toBe(false);
    unmount();
    await waitFor(() => expect(camera.live()).toBe(0));
  });

  it('reads a code once while it stays in view', async () => {
    fakeMediaDevices();
    const { panel, onScan } = renderPanel();
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    const scanner = fakeScanners[0] as FakeHtml5Qrcode;
    act(() => {
      for (let i = 0; i < 10; i++) {
        clock += 100;
        scanner.decode('JKM:abc');
      }
    });
    expect(onScan).toHaveBeenCalledTimes(1);
    // html5-qrcode's loop reads no pixels: no colour comes with the text.
    expect(onScan).toHaveBeenCalledWith('JKM:abc', 'camera', undefined);
    expect(panel()).toHaveAttribute('data-decoder', 'BarcodeDetector');
    clock += 5000; // out of view for a while, then shown again
    act(() => scanner.decode('JKM:abc'));
    expect(onScan).toHaveBeenCalledTimes(2);
  });

  it('says what to do when permission is refused, reports it to device health, and retries on request', async () => {
    fakeMediaDevices({ error: new DOMException('Permission denied', 'NotAllowedError') });
    const { panel } = renderPanel();
    expect(await screen.findByRole('alert')).toHaveTextContent('未允许使用摄像头');
    await waitFor(() =>
      expect(useHealthStore.getState().problems['camera-failed']).toMatchObject({
        reason: 'denied',
      }),
    );
    const camera = fakeMediaDevices();
    fireEvent.click(screen.getByRole('button', { name: /重试摄像头/ }));
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    expect(camera.live()).toBe(1);
    await waitFor(() =>
      expect(useHealthStore.getState().problems['camera-failed']).toBeUndefined(),
    );
  });

  it('starts the front camera (the default side), and remembers a camera the staff switch to', async () => {
    const camera = fakeMediaDevices();
    const first = renderPanel();
    await waitFor(() => expect(first.panel()).toHaveAttribute('data-camera', 'running'));
    expect(camera.requests[0]?.video).toEqual({ facingMode: 'user' });
    fireEvent.click(await screen.findByRole('button', { name: /切换摄像头/ }));
    await waitFor(() => expect(camera.tracks.at(-1)?.deviceId).toBe('front-camera'));
    await waitFor(() => expect(camera.live()).toBe(1));
    first.unmount();
    await waitFor(() => expect(camera.live()).toBe(0));

    const again = renderPanel(); // the next scan step, or after a restart
    await waitFor(() => expect(again.panel()).toHaveAttribute('data-camera', 'running'));
    expect(camera.tracks.at(-1)?.deviceId).toBe('front-camera');
  });

  it('offers the torch only where the camera has one', async () => {
    const camera = fakeMediaDevices({ torch: true });
    const { panel } = renderPanel();
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    fireEvent.click(screen.getByRole('button', { name: /打开补光灯/ }));
    await waitFor(() => expect(camera.tracks[0]?.torch).toBe(true));
    // The track's torch is on before the button's state is rendered: wait for the label.
    expect(await screen.findByRole('button', { name: /关闭补光灯/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('has no torch button for a camera without one', async () => {
    fakeMediaDevices();
    const { panel } = renderPanel();
    await waitFor(() => expect(panel()).toHaveAttribute('data-camera', 'running'));
    expect(screen.queryByRole('button', { name: /补光灯/ })).toBeNull();
  });

  it('explains an insecure page without asking for the camera', async () => {
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    renderPanel();
    expect(await screen.findByRole('alert')).toHaveTextContent('本页不是安全连接');
    expect(screen.queryByRole('button', { name: /重试摄像头/ })).toBeNull();
  });
});

describe('handheld scanners (keyboard wedge)', () => {
  it('takes a burst at scanner speed ending in Enter, with no field focused', () => {
    fakeMediaDevices();
    const { onScan } = renderPanel();
    keys('CKB1:B0001:20261128:K', 6);
    expect(onScan).toHaveBeenCalledWith('CKB1:B0001:20261128:K', 'wedge');
  });

  it('ignores the same keys typed at human speed', () => {
    fakeMediaDevices();
    const { onScan } = renderPanel();
    keys('CKB1:B0001:20261128:K', 110);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('swallows the Enter of a scan so it does not press the focused button', () => {
    fakeMediaDevices();
    renderPanel();
    const green = screen.getByRole('button', { name: 'green' });
    green.focus();
    let enterReachedButton = false;
    green.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') enterReachedButton = true;
    });
    keys('JKM:abcdef', 5, green);
    expect(enterReachedButton).toBe(false);
  });

  it('leaves keys typed into a text field to that field', () => {
    fakeMediaDevices();
    const { onScan } = renderPanel();
    keys('CKB1:B0001:20261128:K', 5, screen.getByRole('textbox', { name: 'search' }));
    expect(onScan).not.toHaveBeenCalled();
  });
});
