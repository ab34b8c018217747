import type { CardRead } from './card-read';

/**
 * A keyboard-mode (HID, 免驱) ID-card reader types either the number alone or
 * name + separator + number, then Enter. Returns the read it typed, or null when the
 * text is not shaped like either (a booking code, a health code's link): those are not
 * card reads. The number itself is checked later, like the camera's.
 */
export function readerTextToCardRead(text: string, separator: string): CardRead | null {
  const trimmed = text.trim();
  const cut = separator === '' ? -1 : trimmed.lastIndexOf(separator);
  const number = (cut < 0 ? trimmed : trimmed.slice(cut + separator.length)).trim();
  if (!/^[\dXx]{15,18}$/.test(number)) return null;
  const name = cut < 0 ? '' : trimmed.slice(0, cut).trim();
  return { idNumber: number.toUpperCase(), ...(name ? { name } : {}), source: 'reader' };
}
