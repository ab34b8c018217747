/**
 * Runs in Chromium (served by Vite): exposes the app's still-image decode path to the
 * conformance test and the benchmark.
 */
import { decodeImage, type ImageReading } from '../../../src/features/door/scanner/decode-image';
import type { DecoderChoice } from '../../../src/features/door/scanner/html5-reader';

export interface HarnessReading extends ImageReading {
  ms: number;
}

async function decodeBase64(
  base64: string,
  type: string,
  choice: DecoderChoice,
): Promise<HarnessReading> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const t0 = performance.now();
  const reading = await decodeImage(new Blob([bytes], { type }), choice);
  return { ...reading, ms: performance.now() - t0 };
}

Object.assign(window, { decodeBase64, harnessReady: true });
