/**
 * The one module that owns the door's Bluetooth thermometer (Health Thermometer service
 * 0x1809): pairing, the remembered device, reconnecting by itself, the measurements and
 * the battery. Screens read useThermometerStore; nothing else talks to the device.
 */
import { loadThermometer, type PairedThermometer, saveThermometer } from '../../db/settings';
import {
  parseBatteryLevel,
  parseTemperatureMeasurement,
  timestampMillis,
} from '../../domain/thermometer/ble-temperature';
import { receiveReading, useThermometerStore } from './thermometer-store';
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  type BtCharacteristic,
  type BtDevice,
  bytesOf,
  HEALTH_THERMOMETER,
  TEMPERATURE_MEASUREMENT,
  webBluetooth,
} from './web-bluetooth';

/** Tries before waiting for the thermometer to advertise (or for a tap). */
const RECONNECT_TRIES = 3;

let clock: () => number = Date.now;
let current: BtDevice | null = null;
let watching: AbortController | null = null;
let stopped = false;

const set = useThermometerStore.setState;
const hexOf = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function onMeasurement(event: Event): void {
  const view = (event.target as BtCharacteristic).value;
  if (!view) return;
  const bytes = bytesOf(view);
  const result = parseTemperatureMeasurement(bytes);
  if (!result.ok) return;
  const m = result.measurement;
  const measuredAt = m.timestamp ? timestampMillis(m.timestamp) : null;
  receiveReading({
    celsius: m.celsius,
    receivedAt: clock(),
    key: hexOf(bytes),
    ...(measuredAt === null ? {} : { measuredAt }),
  });
}

function onBattery(event: Event): void {
  const view = (event.target as BtCharacteristic).value;
  if (view) set({ battery: parseBatteryLevel(bytesOf(view)) });
}

async function readBattery(device: BtDevice): Promise<void> {
  try {
    const service = await device.gatt?.getPrimaryService(BATTERY_SERVICE);
    const level = await service?.getCharacteristic(BATTERY_LEVEL);
    if (!level) return;
    set({ battery: parseBatteryLevel(bytesOf(await level.readValue())) });
    level.addEventListener('characteristicvaluechanged', onBattery);
    await level.startNotifications().catch(() => {});
  } catch {
    // Many thermometers have no Battery service: the top bar then shows no percentage.
  }
}

async function connect(device: BtDevice): Promise<boolean> {
  if (!device.gatt) return false;
  current = device;
  device.removeEventListener('gattserverdisconnected', onDisconnected);
  device.addEventListener('gattserverdisconnected', onDisconnected);
  try {
    const server = await device.gatt.connect();
    const service = await server.getPrimaryService(HEALTH_THERMOMETER);
    const measurement = await service.getCharacteristic(TEMPERATURE_MEASUREMENT);
    measurement.removeEventListener('characteristicvaluechanged', onMeasurement);
    measurement.addEventListener('characteristicvaluechanged', onMeasurement);
    // Web Bluetooth subscribes to indications or notifications, whichever 0x2A1C has.
    await measurement.startNotifications();
    if (stopped) return false;
    set({ status: 'connected', error: null });
    await readBattery(device);
    return true;
  } catch (error) {
    set({ error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

async function reconnectOnItsOwn(device: BtDevice): Promise<void> {
  set({ status: 'reconnecting' });
  for (let i = 0; i < RECONNECT_TRIES && !stopped; i++) {
    if (await connect(device)) return;
  }
  if (stopped) return;
  set({ status: 'off' });
  waitForAdvertisement(device);
}

/** Where the browser offers it, the thermometer's next advertisement brings it back. */
function waitForAdvertisement(device: BtDevice): void {
  if (!device.watchAdvertisements) return;
  watching?.abort();
  watching = new AbortController();
  const controller = watching;
  const onAdvert = () => {
    device.removeEventListener('advertisementreceived', onAdvert);
    controller.abort();
    void reconnectOnItsOwn(device);
  };
  device.addEventListener('advertisementreceived', onAdvert);
  device.watchAdvertisements({ signal: controller.signal }).catch(() => {
    device.removeEventListener('advertisementreceived', onAdvert);
  });
}

function onDisconnected(): void {
  if (stopped || !current) return;
  void reconnectOnItsOwn(current);
}

/** At start-up: finds the remembered thermometer among the devices granted before. */
export async function startThermometer(now: () => number): Promise<void> {
  clock = now;
  stopped = false;
  const bluetooth = webBluetooth();
  if (!bluetooth) {
    set({ status: 'unsupported' });
    return;
  }
  const paired = await loadThermometer();
  set({ status: paired ? 'off' : 'unpaired', device: paired });
  if (!paired || !bluetooth.getDevices) return;
  const device = (await bluetooth.getDevices()).find((d) => d.id === paired.id);
  if (device) await reconnectOnItsOwn(device);
}

/** Settings, behind the lead PIN: the browser's chooser, filtered on 0x1809. */
export async function pairThermometer(): Promise<PairedThermometer | null> {
  const bluetooth = webBluetooth();
  if (!bluetooth) return null;
  const device = await bluetooth.requestDevice({
    filters: [{ services: [HEALTH_THERMOMETER] }],
    optionalServices: [BATTERY_SERVICE],
  });
  const paired = { id: device.id, name: device.name ?? device.id };
  await saveThermometer(paired);
  set({ device: paired, status: 'connecting', battery: null });
  if (!(await connect(device))) await reconnectOnItsOwn(device);
  return paired;
}

/**
 * The one-tap reconnect where the browser cannot bring it back by itself: the same
 * device if this page still holds it, else the chooser again (a tap allows it).
 */
export async function reconnectThermometer(): Promise<void> {
  if (current) {
    await reconnectOnItsOwn(current);
    return;
  }
  await pairThermometer();
}

export async function forgetThermometer(): Promise<void> {
  await stopThermometer();
  await saveThermometer(null);
  set({ status: webBluetooth() ? 'unpaired' : 'unsupported', device: null, battery: null });
}

/** Lets the device go (forget, tests). */
export async function stopThermometer(): Promise<void> {
  stopped = true;
  watching?.abort();
  watching = null;
  const device = current;
  current = null;
  device?.removeEventListener('gattserverdisconnected', onDisconnected);
  device?.gatt?.disconnect();
  set({ reading: null, previous: null, battery: null, error: null });
}
