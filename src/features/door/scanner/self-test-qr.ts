/**
 * A known QR code for the decoder self-test, as its module matrix (version 1-M),
 * so the test needs no image file and no QR encoder in the app. The unit test
 * checks it against the `qrcode` package's encoding of SELF_TEST_PAYLOAD.
 */
export const SELF_TEST_PAYLOAD = 'CHECKPOINT-SELF-TEST';

export const SELF_TEST_MODULES = [
  '111111101010101111111',
  '100000100001101000001',
  '101110100011001011101',
  '101110101111101011101',
  '101110101000101011101',
  '100000101010101000001',
  '111111101010101111111',
  '000000001011100000000',
  '100010111000111111001',
  '100101001001110011101',
  '000100101011001000011',
  '100111010101100111001',
  '101001110010010010111',
  '000000001001010011110',
  '111111101100001111000',
  '100000100011100110101',
  '101110101100110100010',
  '101110100011100101111',
  '101110100110010010100',
  '100000100001110100001',
  '111111101011110000011',
] as const;

const QUIET = 4;
const SCALE = 4;

/** The self-test code as RGBA pixels: black modules on white, with a quiet zone. */
export function selfTestPixels(): { width: number; height: number; data: Uint8ClampedArray } {
  const n = SELF_TEST_MODULES.length;
  const size = (n + 2 * QUIET) * SCALE;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const row = SELF_TEST_MODULES[Math.floor(y / SCALE) - QUIET];
      if (row?.charAt(Math.floor(x / SCALE) - QUIET) !== '1') continue;
      const i = (y * size + x) * 4;
      data[i] = 0;
      data[i + 1] = 0;
      data[i + 2] = 0;
    }
  }
  return { width: size, height: size, data };
}
