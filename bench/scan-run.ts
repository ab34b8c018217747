// `npm run bench:scan`: scanner figures in Debian's Chromium with a fake camera.
// One Chromium per video (the fake camera's file is fixed at launch).
// SCAN_MODES=field (or latency,images,field, the default): only those parts.
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { videoDir } from '../tests/e2e/camera';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium';
import { writeQrY4m, type Y4mOptions } from '../tests/fixtures/fake-camera';
import { type PhoneScene, writePhoneSceneY4m } from '../tests/fixtures/phone-scene';
import { SMOKE } from './size';

const server = await createServer({ server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
await server.listen();
const base = server.resolvedUrls?.local[0];
// BENCH_SMOKE=1: one video, 2 decodes each, 1 payload's images (bench/size.ts).
const smoke = SMOKE ? '&smoke&runs=2' : '';
const modes = new Set((process.env.SCAN_MODES ?? 'latency,images,field').split(','));
const dir = videoDir();
const YELLOW_PHONE: PhoneScene = {
  payload: 'https://jkm.example.gov.cn/v2/code?n=%E5%BC%A0%E4%B8%89&t=20261128&h=y',
  modules: [250, 196, 0],
  tiltDeg: 20,
  blur: 2,
  noise: 5,
  share: 0.42,
};
const videos: Record<string, Y4mOptions | PhoneScene> = {
  'code filling 60% of the frame': { share: 0.6 },
  'code filling 30% of the frame (phone held further away)': { share: 0.3 },
  'code filling 30%, low contrast (luma 110 on 170), sensor noise σ 12': {
    share: 0.3,
    dark: 110,
    light: 170,
    noise: 12,
  },
  'a yellow code on a dark-mode phone, tilted 20°, blurred, in a dim hall': YELLOW_PHONE,
};

async function inChromium(video: string | null, path: string, timeout = 600_000) {
  const args = [...chromiumArgs];
  if (video) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    );
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  try {
    const context = await browser.newContext({ permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(`${base}${path}${smoke}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout, polling: 200 });
    const result = await page.evaluate(() => window.benchResult);
    if (result && typeof result === 'object' && 'error' in result)
      throw new Error(`${path}: ${String(result.error)}`);
    return result;
  } finally {
    await browser.close();
  }
}

try {
  for (const [i, [name, options]] of Object.entries(videos)
    .slice(0, !modes.has('latency') ? 0 : SMOKE ? 1 : undefined)
    .entries()) {
    const video = `${dir}/bench-${i}.y4m`;
    if ('payload' in options) writePhoneSceneY4m(video, options);
    else writeQrY4m(video, ['https://jkm.example.gov.cn/v2/code?t=3f2a9c81d0e4&s=green'], options);
    const size = 'payload' in options ? '1280×720' : '640×480';
    console.log(`\nScan step opened → payload decoded, fake camera ${size}, ${name}, ms:`);
    console.table({
      'html5-qrcode, zxing-js': await inChromium(video, 'bench/scan.html?decoder=zxing-js'),
      'html5-qrcode, ZXing-C++ polyfill': await inChromium(video, 'bench/scan.html?decoder=auto'),
      "the door's frame engine (the app)": await inChromium(video, 'bench/scan.html?engine=frame'),
    });
  }
  for (const decoder of !modes.has('images') ? [] : SMOKE ? ['auto'] : ['zxing-js', 'auto']) {
    const result = (await inChromium(null, `bench/scan.html?mode=images&decoder=${decoder}`)) as {
      byDistortion: Record<string, unknown>;
      total: unknown;
    };
    console.log(
      `\nGenerated QR images (480×480), decoder ${decoder === 'auto' ? 'ZXing-C++ polyfill (the app)' : 'zxing-js'}:`,
    );
    console.table(result.byDistortion);
    console.log('all images, per-image ms:', result.total);
  }
  if (modes.has('field')) {
    // SCAN_CONDITIONS=poster-behind,moire: only those conditions of the field corpus.
    // SCAN_PASSES=min-channel,max-channel: the app's path with only those passes.
    // SCAN_DECODERS=app: only those decoders' columns (zxing-js is the slow one).
    const passes = process.env.SCAN_PASSES ? `&passes=${process.env.SCAN_PASSES}` : '';
    const decoders = process.env.SCAN_DECODERS ? `&decoders=${process.env.SCAN_DECODERS}` : '';
    const only = process.env.SCAN_CONDITIONS
      ? `&conditions=${encodeURIComponent(process.env.SCAN_CONDITIONS)}`
      : '';
    const result = (await inChromium(
      null,
      `bench/scan.html?mode=field${only}${passes}${decoders}`,
      1_800_000,
    )) as {
      conditions: Record<string, string>;
      table: Record<string, unknown>;
      bursts: Record<string, unknown>;
    };
    console.log('\nField corpus (bench/field-corpus.ts), conditions:');
    console.table(result.conditions);
    console.log(
      'Read/n per condition (negatives: false positives), median ms per frame; app: decodeFrame:',
    );
    console.table(result.table);
    console.log('Bursts of 4 frames (new noise, shake, blur per frame), read within the burst:');
    console.table(result.bursts);
  }
} finally {
  await server.close();
}
