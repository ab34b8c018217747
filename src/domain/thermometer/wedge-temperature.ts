import { fahrenheitToCelsius } from './ble-temperature';

/**
 * What a keyboard ("wedge", USB/Bluetooth HID) thermometer types, e.g. "36.5", "T:36.5C",
 * "36.5℃", "TEMP=97.7F". Returns the reading in °C, or null when the burst is not a
 * temperature (it is then left to the code scanner). A decimal point or a unit is
 * required, so a short numeric code is never taken for a reading.
 */
const PATTERN =
  /^\s*(?:t(?:emp)?\s*[:=]?\s*)?(\d{2,3}(?:[.,]\d{1,2})?)\s*(°\s*[cf]|℃|℉|[cf])?\s*$/i;

export function parseWedgeTemperature(text: string): number | null {
  const match = PATTERN.exec(text);
  const digits = match?.[1];
  if (match === null || digits === undefined) return null;
  const unit = match[2]?.replace(/[°\s]/g, '').toLowerCase();
  const number = Number(digits.replace(',', '.'));
  if (unit === undefined && !/[.,]/.test(digits)) return null;
  return unit === 'f' || unit === '℉' ? fahrenheitToCelsius(number) : number;
}
