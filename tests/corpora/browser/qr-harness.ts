/**
 * Runs in Chromium (served by Vite): exposes the app's still-image decode paths to the
 * conformance test and the benchmark: the door's frame path (frame-decoder.ts, the
 * ponyfill or native BarcodeDetector) with html5-qrcode's scanFileV2 behind it, and
 * scanFileV2 alone.
 */
import type { Rgb } from '../../../src/domain/codes/code-colour';
import { decodeImage, type ImageReading } from '../../../src/features/door/scanner/decode-image';
import { prepareDecoder } from '../../../src/features/door/scanner/decoder-setup';
import { decodeFrame } from '../../../src/features/door/scanner/frame-decoder';
import type { DecodePass, FrameDetector } from '../../../src/features/door/scanner/frame-reading';
import type { DecoderChoice } from '../../../src/features/door/scanner/html5-reader';
import { SELF_TEST_MODULES } from '../../../src/features/door/scanner/self-test-qr';

export interface HarnessReading extends ImageReading {
  ms: number;
  /** The colour the frame path read with the code ('none': null; absent: another path). */
  colour?: string;
}

function blobOf(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

async function decodeBase64(
  base64: string,
  type: string,
  choice: DecoderChoice,
): Promise<HarnessReading> {
  const blob = blobOf(base64, type);
  const t0 = performance.now();
  const reading = await decodeImage(blob, choice);
  return { ...reading, ms: performance.now() - t0 };
}

async function pixelsOf(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

let detector: FrameDetector | undefined;

async function frameDetector(): Promise<FrameDetector> {
  if (detector) return detector;
  await prepareDecoder();
  const Detector = Reflect.get(window, 'BarcodeDetector') as new (options: {
    formats: string[];
  }) => FrameDetector;
  detector = new Detector({ formats: ['qr_code'] });
  return detector;
}

/**
 * The door's frame path; `passes` narrows it (for what each pass buys), and with
 * `fallback` an image it does not read goes through scanFileV2 as before.
 */
async function decodeFrameBase64(
  base64: string,
  type: string,
  passes: readonly DecodePass[] | null,
  fallback: boolean,
): Promise<HarnessReading> {
  const blob = blobOf(base64, type);
  const t0 = performance.now();
  const installed = await prepareDecoder();
  const reading = await decodeFrame(await frameDetector(), await pixelsOf(blob), {
    ...(passes ? { passes } : {}),
  });
  if (reading) {
    return {
      text: reading.text,
      decoderName: `frame:${reading.pass}`,
      installed,
      ms: performance.now() - t0,
      colour: reading.colour.colour ?? 'none',
    };
  }
  if (!fallback) return { text: null, decoderName: '', installed, ms: performance.now() - t0 };
  const old = await decodeImage(blob);
  return { ...old, ms: performance.now() - t0 };
}

/**
 * The self-test code in `dark` on a `light` card (4-module margin), on a grey table, with
 * uniform noise of ±`noise` levels per channel (a fixed sequence: runs are repeatable).
 */
function colouredCode(dark: Rgb, light: Rgb, module: number, noise: number): ImageData {
  let seed = 1;
  const jitter = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.round((seed / 2147483648) * 2 * noise - noise);
  };
  const side = SELF_TEST_MODULES.length + 8;
  const width = side * module + 80;
  const height = side * module + 40;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - 40) / module) - 4;
      const my = Math.floor((y - 20) / module) - 4;
      const onCard = x >= 40 && y >= 20 && x < 40 + side * module && y < 20 + side * module;
      const isDark = SELF_TEST_MODULES[my]?.[mx] === '1';
      const c = !onCard ? { r: 128, g: 128, b: 128 } : isDark ? dark : light;
      const o = (y * width + x) * 4;
      data[o] = c.r + jitter();
      data[o + 1] = c.g + jitter();
      data[o + 2] = c.b + jitter();
    }
  }
  return new ImageData(data, width, height);
}

/** Whether the detector reads a coloured code as it is, and what the frame path reads. */
async function readColouredCode(dark: Rgb, light: Rgb, module: number, noise: number) {
  const image = colouredCode(dark, light, module, noise);
  const detector = await frameDetector();
  const plain = (await detector.detect(image)).length > 0;
  const reading = await decodeFrame(detector, image);
  return { plain, text: reading?.text ?? null, pass: reading?.pass, colour: reading?.colour };
}

Object.assign(window, { decodeBase64, decodeFrameBase64, readColouredCode, harnessReady: true });
