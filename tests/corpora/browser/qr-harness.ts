/**
 * Runs in Chromium (served by Vite): exposes the app's still-image decode paths to the
 * conformance test and the benchmark: the door's frame path (frame-decoder.ts, the
 * ponyfill or native BarcodeDetector) with html5-qrcode's scanFileV2 behind it, and
 * scanFileV2 alone.
 */
import { decodeImage, type ImageReading } from '../../../src/features/door/scanner/decode-image';
import { prepareDecoder } from '../../../src/features/door/scanner/decoder-setup';
import { decodeFrame } from '../../../src/features/door/scanner/frame-decoder';
import type { DecodePass, FrameDetector } from '../../../src/features/door/scanner/frame-reading';
import type { DecoderChoice } from '../../../src/features/door/scanner/html5-reader';

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

Object.assign(window, { decodeBase64, decodeFrameBase64, harnessReady: true });
