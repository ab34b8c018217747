/**
 * Device settings in idb-keyval: small values read at start-up, not part of the
 * event log. The device id is made once and never changes: it names this
 * installation in every event it writes.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { ulid } from 'ulidx';

export type Language = 'zh-CN' | 'en';

export interface DeviceSettings {
  site: string;
  hallName: string;
  deviceName: string;
  ticketPrefix: string;
  language: Language;
  /** The hall server's address; empty means the origin this app was loaded from. */
  server: string;
  /** The device token from enrolment; null until enrolled. */
  token: string | null;
  siteName: string;
}

export const DEFAULT_SETTINGS: DeviceSettings = {
  site: 'local',
  hallName: '',
  deviceName: 'door-1',
  ticketPrefix: 'A',
  language: 'zh-CN',
  server: '',
  token: null,
  siteName: '',
};

let store: UseStore | undefined;
function settingsStore(): UseStore {
  store ??= createStore('checkpoint-settings', 'keyval');
  return store;
}

export async function deviceId(): Promise<string> {
  const existing = await get<string>('device-id', settingsStore());
  if (existing) return existing;
  const id = ulid();
  await set('device-id', id, settingsStore());
  return id;
}

export async function loadSettings(): Promise<DeviceSettings> {
  const saved = await get<Partial<DeviceSettings>>('settings', settingsStore());
  return { ...DEFAULT_SETTINGS, ...saved };
}

export async function saveSettings(settings: DeviceSettings): Promise<void> {
  await set('settings', settings, settingsStore());
}

/** The camera the staff chose on this tablet, or null for the default (rear) camera. */
export async function loadCameraId(): Promise<string | null> {
  return (await get<string>('camera-id', settingsStore())) ?? null;
}

export async function saveCameraId(id: string): Promise<void> {
  await set('camera-id', id, settingsStore());
}
