/**
 * Scanner benchmark, run inside Chromium (bench/scan-run.ts starts it):
 * - latency: the scan step's camera opened (the same CameraSession and html5-qrcode
 *   engine as the door) until the fake camera's code is decoded, 20 runs after one
 *   cold run: html5-qrcode's camera loop with its zxing-js decoder or the ZXing-C++
 *   polyfill, and the door's own frame engine (engine=frame, the app);
 * - images: per-image decode time and success on generated, distorted QR images,
 *   through the app's still-image decode path;
 * - field: the field corpus, three decoders side by side (bench/field-bench.ts).
 */

import { CameraSession } from '../src/features/door/scanner/camera-session';
import { decodeImage } from '../src/features/door/scanner/decode-image';
import { frameEngine } from '../src/features/door/scanner/frame-engine';
import { html5Engine } from '../src/features/door/scanner/html5-engine';
import type { DecoderChoice } from '../src/features/door/scanner/html5-reader';
import { field } from './field-bench';
import { drawSample, samples } from './qr-distort';
import { sized } from './size';
import { summarise } from './stats';

const params = new URLSearchParams(location.search);
const decoder = (params.get('decoder') ?? 'auto') as DecoderChoice;
/** engine=frame: the door's own frame engine (the app); else html5-qrcode's camera loop. */
const engine = params.get('engine') === 'frame' ? frameEngine() : html5Engine({ decoder });

interface Run {
  ms: number;
  /** Of which the camera starting (getUserMedia until html5-qrcode's start resolved). */
  cameraMs: number;
  text: string;
  by: string;
}

/** A run that has not decoded by then counts as a miss. */
const GIVE_UP_MS = 8000;

async function onceDecoded(element: HTMLElement): Promise<Run | null> {
  const t0 = performance.now();
  let cameraMs = Number.NaN;
  let session: CameraSession | undefined;
  const decoded = new Promise<{ text: string; by: string }>((resolve, reject) => {
    session = new CameraSession(
      engine,
      () => ({
        element,
        deviceId: null,
        facing: 'user',
        onDecode: (text, by) => resolve({ text, by }),
      }),
      (state) => {
        if (state.status === 'running') cameraMs = performance.now() - t0;
        if (state.status === 'failed') reject(new Error(state.problem));
      },
    );
    session.open();
  });
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), GIVE_UP_MS));
  const result = await Promise.race([decoded, timeout]);
  const ms = performance.now() - t0;
  session?.close();
  await session?.settled();
  return result && { ms, cameraMs, ...result };
}

async function latency(runs: number) {
  const element = document.createElement('div');
  element.style.cssText = 'width:640px;height:480px';
  document.body.append(element);
  const cold = await onceDecoded(element);
  const total: number[] = [];
  const camera: number[] = [];
  const answeredBy = new Set<string>();
  for (let i = 0; i < runs; i++) {
    const run = await onceDecoded(element);
    if (!run) continue;
    total.push(run.ms);
    camera.push(run.cameraMs);
    answeredBy.add(run.by);
  }
  const { n, median, p95 } = summarise(total);
  const started = summarise(camera);
  return {
    coldMs: cold ? Math.round(cold.ms) : `none in ${GIVE_UP_MS} ms`,
    decoded: `${n}/${runs}`,
    median,
    p95,
    'camera start median': started.median,
    'camera start p95': started.p95,
    answeredBy: [...answeredBy].join(),
  };
}

async function images() {
  const payloads = [
    'CKB1:B0001:20261128:K',
    'CKB1:Q7AB12:20261128:3',
    'JKM:7c1e0b5a9d',
    'https://jkm.example.gov.cn/v2/code?t=3f2a9c81d0e4&s=green',
    'https://xcm.example.cn/itinerary?c=9f8e7d6c5b4a39281706f5e4d3c2b1a0&d=20261128&p=138****5678',
  ].slice(0, sized(5, 1));
  // Warm-up (module load, .wasm compile), not counted.
  await decodeImage(
    await drawSample({ distortion: 'clean', level: 0, payload: 'warm' }, 0),
    decoder,
  );
  const rows = new Map<string, { n: number; read: number; ms: number[] }>();
  let seed = 1;
  for (const sample of samples(payloads)) {
    const blob = await drawSample(sample, seed++);
    const t0 = performance.now();
    const reading = await decodeImage(blob, decoder);
    const ms = performance.now() - t0;
    const key = `${sample.distortion} ${sample.level}`;
    const row = rows.get(key) ?? { n: 0, read: 0, ms: [] };
    row.n++;
    if (reading.text === sample.payload) row.read++;
    row.ms.push(ms);
    rows.set(key, row);
  }
  const all = [...rows.values()];
  return {
    byDistortion: Object.fromEntries(
      [...rows].map(([k, r]) => [
        k,
        { read: `${r.read}/${r.n}`, medianMs: summarise(r.ms).median },
      ]),
    ),
    total: {
      read: `${all.reduce((a, r) => a + r.read, 0)}/${all.reduce((a, r) => a + r.n, 0)}`,
      ...summarise(all.flatMap((r) => r.ms)),
    },
  };
}

declare global {
  interface Window {
    benchResult?: unknown;
  }
}
const mode = params.get('mode');
const run =
  mode === 'field'
    ? field()
    : mode === 'images'
      ? images()
      : latency(Number(params.get('runs') ?? 20));
run.then(
  (r) => {
    window.benchResult = r;
  },
  (e: unknown) => {
    window.benchResult = { error: String(e) };
  },
);
