import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { loadSettings } from '../../src/db/settings';
import { PinGuard } from '../../src/services/pin-guard';
import { aBooking } from '../fixtures/builders';
import { renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  await db?.delete();
});

const newTablet = { settings: { setupDone: false, hallName: '' }, pin: null };

describe('first-run setup', () => {
  it('comes first on a new tablet, and the app after it', async () => {
    const app = await renderApp([aBooking()], '/', newTablet);
    db = app.db;
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('首次设置');
    expect(screen.queryByRole('link', { name: '门岗检查' })).not.toBeInTheDocument();

    await app.user.type(screen.getByLabelText('大厅名称'), '城东便民服务中心');
    await app.user.type(screen.getByLabelText('入口（如：东门）'), '东门');
    await app.user.type(screen.getByLabelText('组长密码'), '2580');
    await app.user.type(screen.getByLabelText('再次输入密码'), '2580');
    await app.user.type(
      screen.getByLabelText('同步服务器地址（可不填）'),
      'https://sync.example.cn',
    );
    await app.user.click(screen.getByRole('button', { name: '完成设置' }));

    expect(await screen.findByRole('link', { name: '门岗检查' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('城东便民服务中心');
    const saved = await loadSettings();
    expect(saved).toMatchObject({
      setupDone: true,
      hallName: '城东便民服务中心',
      entrance: '东门',
      server: 'https://sync.example.cn',
      kioskMode: true,
    });
    const lead = new PinGuard('lead', { now: Date.now });
    expect(await lead.check('2580')).toEqual({ kind: 'ok' });
  });

  it('says what is missing or wrong, field by field, and stores nothing', async () => {
    const app = await renderApp([], '/', newTablet);
    db = app.db;
    await app.user.type(screen.getByLabelText('组长密码'), '1234');
    await app.user.type(screen.getByLabelText('同步服务器地址（可不填）'), 'sync.example');
    await app.user.click(screen.getByRole('button', { name: '完成设置' }));

    expect(screen.getByLabelText('大厅名称')).toHaveAccessibleDescription('请填写');
    expect(screen.getByLabelText('入口（如：东门）')).toHaveAccessibleDescription('请填写');
    expect(screen.getByLabelText('组长密码')).toHaveAccessibleDescription(/密码太简单/);
    expect(screen.getByLabelText('同步服务器地址（可不填）')).toHaveAccessibleDescription(
      /http:\/\/ 或 https:\/\//,
    );
    await app.user.clear(screen.getByLabelText('组长密码'));
    await app.user.type(screen.getByLabelText('组长密码'), '2580');
    await app.user.type(screen.getByLabelText('再次输入密码'), '2581');
    await app.user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(screen.getByLabelText('再次输入密码')).toHaveAccessibleDescription(
      '两次输入的密码不一致',
    );
    expect((await loadSettings()).setupDone).toBe(false);
    expect(await new PinGuard('lead', { now: Date.now }).isSet()).toBe(false);
  });

  it('switches language at once and keeps it', async () => {
    const app = await renderApp([], '/', newTablet);
    db = app.db;
    await app.user.click(screen.getByRole('button', { name: 'English' }));
    // English loads when chosen (only the default language ships with the first script).
    expect(
      await screen.findByRole('heading', { level: 1, name: 'First-run setup' }),
    ).toBeInTheDocument();
    await app.user.type(screen.getByLabelText('Hall name'), 'East hall');
    await app.user.type(screen.getByLabelText('Entrance (e.g. East gate)'), 'East');
    await app.user.type(screen.getByLabelText('Lead PIN'), '2580');
    await app.user.type(screen.getByLabelText('PIN again'), '2580');
    await app.user.click(screen.getByRole('button', { name: 'Finish setup' }));
    expect(await screen.findByRole('link', { name: 'Door' })).toBeInTheDocument();
    expect((await loadSettings()).language).toBe('en');
  });

  it('checks the camera, and a camera that fails is a device problem, recorded', async () => {
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: {
        enumerateDevices: async () => [{ kind: 'videoinput', deviceId: 'cam', label: '' }],
        getUserMedia: async () => Promise.reject(denied),
      },
    });
    try {
      const app = await renderApp([], '/', newTablet);
      db = app.db;
      const checks = screen.getByRole('region', { name: '设备检查' });
      expect(checks).toHaveTextContent('持久存储');
      expect(await within(checks).findByText('可用')).toBeInTheDocument();
      // jsdom cannot speak: reported, not hidden.
      expect(await within(checks).findByText('浏览器不支持语音播报')).toBeInTheDocument();

      await app.user.click(screen.getByRole('button', { name: '测试摄像头' }));
      expect(await within(checks).findByText(/未获允许/)).toBeInTheDocument();
      await app.user.type(screen.getByLabelText('大厅名称'), '城东便民服务中心');
      await app.user.type(screen.getByLabelText('入口（如：东门）'), '东门');
      await app.user.type(screen.getByLabelText('组长密码'), '2580');
      await app.user.type(screen.getByLabelText('再次输入密码'), '2580');
      await app.user.click(screen.getByRole('button', { name: '完成设置' }));

      expect(await screen.findByTestId('health')).toHaveTextContent('摄像头故障');
      await waitFor(async () => {
        const events = await app.db.events.toArray();
        expect(events.map((e) => [e.type, e.data])).toContainEqual([
          'device.camera-failed',
          { reason: 'denied' },
        ]);
      });
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices');
      Reflect.deleteProperty(window, 'isSecureContext');
    }
  });
});
