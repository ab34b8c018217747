import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SELF_TEST_PAYLOAD } from '../../../src/features/door/scanner/self-test-qr';
import { stubImageData } from '../../fixtures/frames';

// The ponyfill, as far as decoder-setup uses it: whether it reads the self-test code
// is up to each test; where the .wasm is looked for is recorded.
const ponyfill = vi.hoisted(() => ({
  reads: true,
  locateFile: undefined as ((path: string, prefix: string) => string) | undefined,
}));
vi.mock('barcode-detector/ponyfill', () => ({
  ZXING_WASM_VERSION: '3.1.3',
  prepareZXingModule: (options: {
    overrides: { locateFile: (path: string, prefix: string) => string };
  }) => {
    ponyfill.locateFile = options.overrides.locateFile;
  },
  BarcodeDetector: class {
    async detect() {
      return ponyfill.reads ? [{ rawValue: SELF_TEST_PAYLOAD }] : [];
    }
  },
}));

function nativeDetector(finds: string[]) {
  return class {
    async detect() {
      return finds.map((rawValue) => ({ rawValue }));
    }
  };
}

async function freshPrepare() {
  vi.resetModules();
  return (await import('../../../src/features/door/scanner/decoder-setup')).prepareDecoder;
}

beforeEach(() => {
  stubImageData();
  ponyfill.reads = true;
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'BarcodeDetector');
});

describe('choosing the decoder', () => {
  it('keeps a native BarcodeDetector that reads the self-test code', async () => {
    const native = nativeDetector([SELF_TEST_PAYLOAD]);
    Reflect.set(window, 'BarcodeDetector', native);
    expect(await (await freshPrepare())()).toBe('native');
    expect(Reflect.get(window, 'BarcodeDetector')).toBe(native);
  });

  it('replaces a native detector that finds nothing with the ZXing-C++ ponyfill', async () => {
    Reflect.set(window, 'BarcodeDetector', nativeDetector([]));
    expect(await (await freshPrepare())()).toBe('polyfill');
    expect(Reflect.get(window, 'BarcodeDetector')).not.toBe(undefined);
    expect(await new (Reflect.get(window, 'BarcodeDetector'))().detect()).toEqual([
      { rawValue: SELF_TEST_PAYLOAD },
    ]);
  });

  it('installs the ponyfill where there is no native detector, its .wasm from the app', async () => {
    expect(await (await freshPrepare())()).toBe('polyfill');
    expect(ponyfill.locateFile?.('zxing_reader.wasm', 'https://cdn.example/')).toBe(
      '/zxing/3.1.3/zxing_reader.wasm',
    );
  });

  it('falls back to zxing-js alone when the ponyfill fails its self-test too', async () => {
    ponyfill.reads = false;
    expect(await (await freshPrepare())()).toBe('zxing-js');
    expect(Reflect.get(window, 'BarcodeDetector')).toBe(undefined);
  });

  it('chooses once per page', async () => {
    const prepare = await freshPrepare();
    const first = prepare();
    expect(prepare()).toBe(first);
  });
});
