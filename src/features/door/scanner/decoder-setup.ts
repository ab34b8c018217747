/**
 * Which decoder html5-qrcode will use, chosen once per page, the first time a scan
 * step opens (so the .wasm is fetched only when scanning).
 *
 * html5-qrcode reads `window.BarcodeDetector` when an `Html5Qrcode` is constructed.
 * Chromium on Linux/Windows, Firefox, Safari and tablets without Google Play services
 * have none, or one that finds nothing; so a native detector must first read a known QR
 * code, and otherwise the ZXing-C++ WebAssembly ponyfill takes its place. If even that
 * fails (the .wasm could not load), html5-qrcode's own zxing-js decoder is used alone.
 */
import type { FrameDetector } from './frame-reading';
import { SELF_TEST_PAYLOAD, selfTestPixels } from './self-test-qr';

export type DecoderKind = 'native' | 'polyfill' | 'zxing-js';

export type DetectorClass = new (options?: { formats?: 'qr_code'[] }) => FrameDetector;

const SELF_TEST_TIMEOUT_MS = 5000;

function nativeDetector(): DetectorClass | undefined {
  const value: unknown = Reflect.get(window, 'BarcodeDetector');
  return typeof value === 'function' ? (value as DetectorClass) : undefined;
}

export async function readsSelfTest(Detector: DetectorClass): Promise<boolean> {
  try {
    const { width, height, data } = selfTestPixels();
    const image = new ImageData(new Uint8ClampedArray(data), width, height);
    const detector = new Detector({ formats: ['qr_code'] });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('self-test timed out')), SELF_TEST_TIMEOUT_MS),
    );
    const found = await Promise.race([detector.detect(image), timeout]);
    return found.some((b) => b.rawValue === SELF_TEST_PAYLOAD);
  } catch {
    return false;
  }
}

/** Where the build and the dev server put the .wasm (build/zxing-wasm.ts). */
export function zxingWasmUrl(version: string): string {
  return `${import.meta.env.BASE_URL}zxing/${version}/zxing_reader.wasm`;
}

/** The ZXing-C++ ponyfill's BarcodeDetector, its .wasm fetched from our own origin. */
export async function ponyfillDetectorClass() {
  const { BarcodeDetector, prepareZXingModule, ZXING_WASM_VERSION } = await import(
    'barcode-detector/ponyfill'
  );
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? zxingWasmUrl(ZXING_WASM_VERSION) : prefix + path,
    },
  });
  return BarcodeDetector;
}

async function installPonyfill(): Promise<boolean> {
  const BarcodeDetector = await ponyfillDetectorClass();
  if (!(await readsSelfTest(BarcodeDetector))) return false;
  Reflect.set(window, 'BarcodeDetector', BarcodeDetector);
  return true;
}

async function choose(): Promise<DecoderKind> {
  const native = nativeDetector();
  if (native && (await readsSelfTest(native))) return 'native';
  try {
    return (await installPonyfill()) ? 'polyfill' : 'zxing-js';
  } catch {
    return 'zxing-js';
  }
}

let chosen: Promise<DecoderKind> | undefined;

/** Installs the best working BarcodeDetector once; later calls share the answer. */
export function prepareDecoder(): Promise<DecoderKind> {
  chosen ??= choose();
  return chosen;
}

/**
 * A QR detector of the BarcodeDetector installed (native or the ponyfill) and which it is,
 * for the door's frame engine; null where only html5-qrcode's zxing-js works.
 */
export async function installedDetector(): Promise<{
  detector: FrameDetector;
  kind: 'native' | 'polyfill';
} | null> {
  const kind = await prepareDecoder();
  const Detector = nativeDetector();
  if (kind === 'zxing-js' || !Detector) return null;
  return { detector: new Detector({ formats: ['qr_code'] }), kind };
}
