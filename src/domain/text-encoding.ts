/**
 * The text of a file a spreadsheet saved: Chinese Excel and WPS save CSV as GBK/GB18030
 * by default, "Unicode text" as UTF-16 LE, "CSV UTF-8" with a BOM. Decoded with the
 * platform's TextDecoder (browser and Node alike); nothing is guessed silently: a file
 * that is none of these is refused with a message naming what it looks like.
 */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; encoding: string };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Zero bytes at even (big-endian) or odd (little-endian) offsets: UTF-16 without a BOM. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // ASCII in UTF-16 LE is `a 00`; Chinese characters rarely have a zero byte at all.
  if (odd > n / 8 && even < odd / 8) return 'utf-16le';
  if (even > n / 8 && odd < even / 8) return 'utf-16be';
  return null;
}

export function decodeSpreadsheetText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return { ok: false, encoding: 'UTF-32' };
  const bom: [readonly number[], TextEncodingName][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [prefix, encoding] of bom) {
    if (!startsWith(bytes, prefix)) continue;
    const text = strict(encoding, bytes);
    return text === null
      ? { ok: false, encoding: `${encoding} (damaged)` }
      : { ok: true, text, encoding };
  }
  const wide = utf16WithoutBom(bytes);
  for (const encoding of [wide, 'utf-8', 'gb18030'] as const) {
    if (!encoding) continue;
    const text = strict(encoding, bytes);
    if (text !== null) return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
  }
  return { ok: false, encoding: 'unknown (not UTF-8, GB18030/GBK or UTF-16)' };
}
