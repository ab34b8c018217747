/**
 * Serves ZXing-C++'s reader .wasm from the app itself, never from a CDN: at
 * `/zxing/<version>/zxing_reader.wasm` in development and in the build (where the PWA
 * precache picks it up). The file is taken from the zxing-wasm that barcode-detector
 * itself depends on (npm may nest it under barcode-detector/node_modules), and its
 * SHA-256 is checked against the one that JavaScript expects: a .wasm of another version
 * fails silently at run time and every frame falls back to the slower zxing-js.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const ZXING_WASM_DIR = 'zxing';

function packageRoot(entry: string, name: string): string {
  let dir = dirname(entry);
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) {
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find the package root of ${name} from ${entry}`);
}

export interface ZxingWasmFile {
  version: string;
  /** URL path under the app's base, e.g. zxing/3.1.3/zxing_reader.wasm */
  urlPath: string;
  bytes: Buffer;
}

export function locateZxingWasm(): ZxingWasmFile {
  const require = createRequire(import.meta.url);
  const detectorRoot = packageRoot(require.resolve('barcode-detector'), 'barcode-detector');
  const fromDetector = createRequire(join(detectorRoot, 'package.json'));
  const readerEntry = fromDetector.resolve('zxing-wasm/reader');
  const zxingRoot = packageRoot(readerEntry, 'zxing-wasm');
  const { version } = JSON.parse(readFileSync(join(zxingRoot, 'package.json'), 'utf8'));
  const expected: unknown = fromDetector(readerEntry).ZXING_WASM_SHA256;
  const bytes = readFileSync(join(zxingRoot, 'dist', 'reader', 'zxing_reader.wasm'));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    throw new Error(`zxing_reader.wasm ${version} has SHA-256 ${actual}, expected ${expected}`);
  }
  return { version, urlPath: `${ZXING_WASM_DIR}/${version}/zxing_reader.wasm`, bytes };
}

export function zxingWasm(): Plugin {
  const wasm = locateZxingWasm();
  return {
    name: 'checkpoint:zxing-wasm',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${server.config.base}${wasm.urlPath}`) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(wasm.bytes);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: wasm.urlPath, source: wasm.bytes });
    },
  };
}
