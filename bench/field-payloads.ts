/**
 * What the field corpus's codes hold: booking codes, health-code URLs of 60–200
 * characters and travel-code strings, like the door meets. ASCII only, so a decoder's
 * guess at the character set never decides a read.
 */
import { between, seeded } from './seeded';

const hex = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** A booking code, a health-code URL (60–200 characters) or a travel-code string, by turn. */
export function fieldPayload(index: number, seed: number, short = false): string {
  const random = seeded(seed * 31 + 7);
  const kind = short ? index % 2 : index % 3;
  if (kind === 0) return `CKB1:B${digits(random, 4)}:2026112${Math.floor(random() * 10)}:K`;
  if (kind === 2) {
    return `XCM1:138****${digits(random, 4)}:20261128T${digits(random, 4)}:GD-GZ,GD-SZ:${hex(random, 16)}`;
  }
  const length = Math.round(between(random, short ? [60, 100] : [60, 200]));
  const url = `https://jkm.example.gov.cn/v2/code?uid=${hex(random, 16)}&t=17${digits(random, 8)}&sig=`;
  const sig = Array.from({ length: 200 }, () =>
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charAt(
      Math.floor(random() * 64),
    ),
  ).join('');
  return (url + sig).slice(0, Math.max(length, url.length + 8));
}
