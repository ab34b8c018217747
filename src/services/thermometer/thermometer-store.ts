import { create } from 'zustand';
import type { PairedThermometer } from '../../db/settings';
import type { SentReading } from '../../domain/thermometer/fresh-reading';

/**
 * unsupported: no Web Bluetooth here (typing works as always); unpaired: none chosen;
 * connecting / connected; reconnecting: lost, trying by itself; off: lost, waiting for it
 * to advertise again or for a tap on "reconnect".
 */
export type ThermometerStatus =
  | 'unsupported'
  | 'unpaired'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'off';

export interface ThermometerReading extends SentReading {
  /** Counts notifications, so a screen tells a new one from the one it saw. */
  seq: number;
}

interface ThermometerState {
  status: ThermometerStatus;
  device: PairedThermometer | null;
  /** Battery percentage, when the thermometer offers the Battery service. */
  battery: number | null;
  reading: ThermometerReading | null;
  previous: ThermometerReading | null;
  error: string | null;
}

export const useThermometerStore = create<ThermometerState>(() => ({
  status: 'unsupported',
  device: null,
  battery: null,
  reading: null,
  previous: null,
  error: null,
}));

/** Under this the top bar warns that the battery is low. */
export const LOW_BATTERY_PERCENT = 20;

export function receiveReading(reading: SentReading): void {
  useThermometerStore.setState((s) => ({
    previous: s.reading,
    reading: { ...reading, seq: (s.reading?.seq ?? 0) + 1 },
  }));
}
