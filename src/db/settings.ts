/**
 * Device settings in idb-keyval: small values read at start-up, not part of the
 * event log. The device id is made once and never changes: it names this
 * installation in every event it writes. Secrets (PIN hashes) and their lock-out
 * state live here too, under a name per secret ('lead' now, roles later).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { ulid } from 'ulidx';
import type { CallVoice } from '../domain/call-clips';
import { type CameraFacing, DEFAULT_FACING } from '../domain/camera-facing';
import type { ClockSample } from '../domain/clock';
import type { Attempts } from '../domain/lockout';
import type { PinRecord } from '../domain/pin';
import { DEFAULT_READER_SEPARATOR, type ReaderSeparator } from '../domain/reader-separator';
import type { Role } from '../domain/roles';

export type Language = 'zh-CN' | 'en';

export interface DeviceSettings {
  site: string;
  hallName: string;
  /** Which entrance of the hall this door tablet stands at. */
  entrance: string;
  deviceName: string;
  ticketPrefix: string;
  language: Language;
  /** The hall server's address; empty means the origin this app was loaded from. */
  server: string;
  /** The device token from enrolment; null until enrolled. */
  token: string | null;
  siteName: string;
  /** First-run setup finished: the lead PIN is set and the device is named. */
  setupDone: boolean;
  /** Full screen, awake, back gesture blocked; leaving it needs the lead PIN. */
  kioskMode: boolean;
  /** Outdoor readability. */
  highContrast: boolean;
  largeType: boolean;
  /** Verdict tones (src/services/sound): volume 0–100, and whether they are off. */
  soundVolume: number;
  soundMuted: boolean;
  /** How Mandarin calls are said: recorded clips (as a 叫号机) or the tablet's own voice. */
  callVoice: CallVoice;
  /** The side the scanning camera faces; at a door usually the front (the visitor's side). */
  cameraFacing: CameraFacing;
  /** What a keyboard-mode ID-card reader types between the name and the number. */
  cardReaderSeparator: ReaderSeparator;
}

export const DEFAULT_SETTINGS: DeviceSettings = {
  site: 'local',
  hallName: '',
  entrance: '',
  deviceName: 'door-1',
  ticketPrefix: 'A',
  language: 'zh-CN',
  server: '',
  token: null,
  siteName: '',
  setupDone: false,
  kioskMode: true,
  highContrast: false,
  largeType: false,
  soundVolume: 70,
  soundMuted: false,
  callVoice: 'clips',
  cameraFacing: DEFAULT_FACING,
  cardReaderSeparator: DEFAULT_READER_SEPARATOR,
};

let store: UseStore | undefined;
function settingsStore(): UseStore {
  store ??= createStore('checkpoint-settings', 'keyval');
  return store;
}

/** The role this tablet works in (its home screen); saved on its own, no restart needed. */
export async function loadRole(): Promise<Role> {
  return (await get<Role>('role', settingsStore())) ?? 'door';
}

export async function saveRole(role: Role): Promise<void> {
  await set('role', role, settingsStore());
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

/** The camera the staff switched to on this tablet, or null for the `cameraFacing` side's. */
export async function loadCameraId(): Promise<string | null> {
  return (await get<string>('camera-id', settingsStore())) ?? null;
}

export async function saveCameraId(id: string): Promise<void> {
  await set('camera-id', id, settingsStore());
}

export async function forgetCameraId(): Promise<void> {
  await del('camera-id', settingsStore());
}

export function loadPinRecord(secret: string): Promise<PinRecord | undefined> {
  return get<PinRecord>(`pin:${secret}`, settingsStore());
}

export function savePinRecord(secret: string, record: PinRecord): Promise<void> {
  return set(`pin:${secret}`, record, settingsStore());
}

/** Kept across reloads, so a reload does not reset a lock-out. */
export function loadAttempts(secret: string): Promise<Attempts | undefined> {
  return get<Attempts>(`attempts:${secret}`, settingsStore());
}

export function saveAttempts(secret: string, attempts: Attempts): Promise<void> {
  return set(`attempts:${secret}`, attempts, settingsStore());
}

/** The app version that last started on this device (to record updates). */
export function loadLastVersion(): Promise<string | undefined> {
  return get<string>('app-version', settingsStore());
}

export function saveLastVersion(version: string): Promise<void> {
  return set('app-version', version, settingsStore());
}

/** The Bluetooth thermometer this tablet paired (its Web Bluetooth id), or null. */
export interface PairedThermometer {
  id: string;
  name: string;
}

export async function loadThermometer(): Promise<PairedThermometer | null> {
  return (await get<PairedThermometer | null>('thermometer', settingsStore())) ?? null;
}

export async function saveThermometer(paired: PairedThermometer | null): Promise<void> {
  await set('thermometer', paired, settingsStore());
}

/**
 * What the tablet last learned of the server's clock (src/domain/clock.ts): kept across
 * reloads, so the checked clock still holds with the server out of reach.
 */
export async function loadClockSample(): Promise<ClockSample | null> {
  return (await get<ClockSample>('clock-offset', settingsStore())) ?? null;
}

export async function saveClockSample(sample: ClockSample): Promise<void> {
  await set('clock-offset', { offsetMs: sample.offsetMs, seenAt: sample.seenAt }, settingsStore());
}
