import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { saveThermometer } from '../../src/db/settings';
import { stopThermometer } from '../../src/services/thermometer/thermometer';
import { useThermometerStore } from '../../src/services/thermometer/thermometer-store';
import { aBooking, FIXED_NOW } from '../fixtures/builders';
import {
  type FakeThermometer,
  installFakeBluetooth,
  removeFakeBluetooth,
} from '../fixtures/fake-bluetooth';
import { renderApp, tap, type User } from './render-app';
import { wedgeBurst } from './wedge-burst';

const zhang = aBooking({ bookingId: 'B0001', name: '张三明', phone: '13812345678' });

let db: CheckpointDb | undefined;
let device: FakeThermometer;
beforeEach(async () => {
  device = installFakeBluetooth().device;
  await saveThermometer({ id: device.id, name: device.name });
});
afterEach(async () => {
  await stopThermometer();
  removeFakeBluetooth();
  await saveThermometer(null);
  useThermometerStore.setState({ status: 'unsupported', device: null });
  await db?.delete();
});

async function toTemperatureStep(clock?: () => number): Promise<{ user: User; db: CheckpointDb }> {
  const app = await renderApp([zhang], '/', clock ? { now: clock } : {});
  db = app.db;
  expect(await screen.findByTestId('thermometer-chip')).toHaveTextContent('测温仪80%');
  await tap(app.user, /张\*明/);
  await tap(app.user, '已戴口罩 · 已手消毒');
  await screen.findByRole('heading', { name: /测量体温/ });
  return app;
}

async function measuredEvents(app: { db: CheckpointDb }) {
  return (await app.db.events.toArray()).filter((e) => e.type === 'temperature.measured');
}

describe('a Bluetooth thermometer at the temperature step', () => {
  it('fills the reading and waits for one confirming tap, recording the device', async () => {
    const app = await toTemperatureStep();
    device.measure(36.5);
    const confirm = await screen.findByRole('button', { name: '采用 36.5 °C' });
    expect(confirm).toHaveAttribute('data-band', 'normal');
    // Nothing is recorded until the tap.
    expect(await measuredEvents(app)).toHaveLength(0);
    await app.user.click(confirm);
    expect(await screen.findByRole('button', { name: '身份证与预约一致' })).toBeInTheDocument();
    const [event] = await measuredEvents(app);
    expect(event?.data).toEqual({
      celsius: 36.5,
      source: 'ble',
      device: { id: 'fake-thermo-1', name: 'UT-201BLE' },
    });
  });

  it('does not use a reading taken before the step, a stale one, a repeat or an implausible one', async () => {
    let clock = FIXED_NOW;
    const app = await toTemperatureStep(() => clock);
    device.measure(36.5, new Date(FIXED_NOW - 60_000));
    expect(await screen.findByRole('alert')).toHaveTextContent('这是上一位的读数');
    clock = FIXED_NOW + 60_000;
    device.measure(36.6, new Date(FIXED_NOW + 10_000));
    expect(await screen.findByRole('alert')).toHaveTextContent('读数已过时');
    device.measure(45.0);
    expect(await screen.findByRole('alert')).toHaveTextContent('读数 45.0 °C 不合理');
    const bytes = device.measure(36.7, new Date(clock));
    await tap(app.user, '不用此读数');
    device.resend(bytes);
    // A later notice proves the repeat was handled first: it offered nothing.
    device.measure(45.1);
    expect(await screen.findByRole('alert')).toHaveTextContent('读数 45.1 °C 不合理');
    expect(screen.queryByTestId('thermometer-offer')).toBeNull();
    expect(await measuredEvents(app)).toHaveLength(0);
  });

  it('leaves typing available and says so when it disconnects mid-visit', async () => {
    const app = await toTemperatureStep();
    device.goAway();
    expect(await screen.findByTestId('thermometer-step-status')).toHaveTextContent(
      '测温仪已断开：请手动输入体温',
    );
    expect(await screen.findByTestId('thermometer-chip')).toHaveTextContent('测温仪未连接');
    await tap(app.user, '36.5');
    expect(await screen.findByRole('button', { name: '身份证与预约一致' })).toBeInTheDocument();
    expect((await measuredEvents(app))[0]?.data).toEqual({ celsius: 36.5, source: 'preset' });
  });

  it('reconnects by itself when the thermometer comes back, and the next reading fills', async () => {
    await toTemperatureStep();
    device.goAway();
    await screen.findByText('测温仪未连接');
    device.comeBack();
    await waitFor(() => expect(useThermometerStore.getState().status).toBe('connected'));
    expect(device.connects).toBe(2);
    device.measure(37.0);
    expect(await screen.findByRole('button', { name: '采用 37.0 °C' })).toBeInTheDocument();
  });
});

describe('the re-check', () => {
  it('takes the next fresh reading: 37.8 then 37.9 sends the visitor to isolation', async () => {
    let clock = FIXED_NOW;
    const app = await toTemperatureStep(() => clock);
    device.measure(37.8);
    await tap(app.user, '采用 37.8 °C');
    await screen.findByTestId('resting-list');
    clock += 2 * 60_000;
    await tap(app.user, /^复测 张\*明/);
    await screen.findByText('首次读数 37.8 °C，请休息后复测');
    expect(screen.queryByTestId('thermometer-offer')).toBeNull();
    device.measure(37.9);
    const confirm = await screen.findByRole('button', { name: '采用 37.9 °C' });
    expect(confirm).toHaveAttribute('data-band', 'fever');
    await app.user.click(confirm);
    await tap(app.user, '身份证与预约一致');
    expect(await screen.findByTestId('outcome')).toHaveTextContent('立即隔离');
    expect((await measuredEvents(app)).map((e) => e.data)).toEqual([
      { celsius: 37.8, source: 'ble', device: { id: 'fake-thermo-1', name: 'UT-201BLE' } },
      { celsius: 37.9, source: 'ble', device: { id: 'fake-thermo-1', name: 'UT-201BLE' } },
    ]);
  });
});

describe('a keyboard-wedge thermometer', () => {
  it('fills the reading from a burst like T:36.5C and waits for the tap', async () => {
    const app = await toTemperatureStep();
    // In one go, as the device types it: user-event's keys, a timer apart, are a person
    // typing to the wedge detector on a loaded machine.
    wedgeBurst('T:36.5C');
    await tap(app.user, '采用 36.5 °C');
    expect(await screen.findByRole('button', { name: '身份证与预约一致' })).toBeInTheDocument();
    expect((await measuredEvents(app))[0]?.data).toEqual({ celsius: 36.5, source: 'wedge' });
  });
});
