/**
 * The part of Web Bluetooth the thermometer uses, typed here (the DOM library has no
 * Web Bluetooth types). Names follow the specification's interfaces.
 */
export interface BtCharacteristic extends EventTarget {
  readonly value?: DataView | null;
  startNotifications(): Promise<BtCharacteristic>;
  readValue(): Promise<DataView>;
}
export interface BtService {
  getCharacteristic(uuid: number): Promise<BtCharacteristic>;
}
export interface BtServer {
  readonly connected: boolean;
  connect(): Promise<BtServer>;
  disconnect(): void;
  getPrimaryService(uuid: number): Promise<BtService>;
}
export interface BtDevice extends EventTarget {
  readonly id: string;
  readonly name?: string | undefined;
  readonly gatt?: BtServer | undefined;
  /** Chrome behind a flag on some platforms: absent where it is not offered. */
  watchAdvertisements?: (options?: { signal?: AbortSignal }) => Promise<void>;
}
export interface BtRequestOptions {
  filters: { services: number[] }[];
  optionalServices?: number[];
}
export interface BtBluetooth {
  requestDevice(options: BtRequestOptions): Promise<BtDevice>;
  /** Devices this origin was granted before; absent in browsers without it. */
  getDevices?: () => Promise<BtDevice[]>;
}

export const HEALTH_THERMOMETER = 0x1809;
export const TEMPERATURE_MEASUREMENT = 0x2a1c;
export const BATTERY_SERVICE = 0x180f;
export const BATTERY_LEVEL = 0x2a19;

export function webBluetooth(): BtBluetooth | null {
  if (typeof navigator === 'undefined') return null;
  return (navigator as Navigator & { bluetooth?: BtBluetooth }).bluetooth ?? null;
}

export function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}
