/**
 * `mode=field` of the scan bench (in Chromium): the field corpus (bench/field-corpus.ts)
 * through three decoders side by side: html5-qrcode's own zxing-js (the still-image
 * path), the ZXing-C++ ponyfill's detect() on the plain frame, and the app's frame path
 * decodeFrame (frame-decoder.ts). A read counts only when the text equals the payload;
 * any text on a negative is a false positive. Then bursts of 4 frames on hard conditions.
 */
import { decodeImage } from '../src/features/door/scanner/decode-image';
import { ponyfillDetectorClass } from '../src/features/door/scanner/decoder-setup';
import { decodeFrame } from '../src/features/door/scanner/frame-decoder';
import type { DecodePass, FrameDetector } from '../src/features/door/scanner/frame-reading';
import {
  type CodeColour,
  drawFieldSample,
  FIELD_CONDITIONS,
  type FieldCondition,
  fieldColour,
  fieldPayload,
} from './field-corpus';
import { sized } from './size';
import { summarise } from './stats';

/** A decoder's answer: the text it read (or null) and the ms it took. */
interface Answer {
  text: string | null;
  ms: number;
  colour?: CodeColour | null;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

async function ponyfillDetector(): Promise<FrameDetector> {
  const BarcodeDetector = await ponyfillDetectorClass();
  return new BarcodeDetector({ formats: ['qr_code'] });
}

interface Decoders {
  'zxing-js': (s: { blob: Blob }) => Promise<Answer>;
  polyfill: (s: { frame: ImageData }) => Promise<Answer>;
  app: (s: { frame: ImageData }) => Promise<Answer>;
}
type DecoderName = keyof Decoders;
const ALL_DECODERS: readonly DecoderName[] = ['zxing-js', 'polyfill', 'app'];
/** `decoders=app`: only those columns (while working on the app's path). */
const wantedDecoders = new URLSearchParams(location.search).get('decoders')?.split(',');
const DECODERS = ALL_DECODERS.filter((d) => !wantedDecoders || wantedDecoders.includes(d));

/** `passes=a,b`: the app's path with only those passes (what each one buys). */
const passes = new URLSearchParams(location.search).get('passes')?.split(',') as
  | DecodePass[]
  | undefined;

async function decoders(): Promise<Decoders> {
  const detector = await ponyfillDetector();
  return {
    'zxing-js': async ({ blob }) => {
      const [reading, ms] = await timed(() => decodeImage(blob, 'zxing-js'));
      return { text: reading.text, ms };
    },
    polyfill: async ({ frame }) => {
      const [found, ms] = await timed(() => detector.detect(frame));
      return { text: found[0]?.rawValue ?? null, ms };
    },
    app: async ({ frame }) => {
      const [reading, ms] = await timed(() => decodeFrame(detector, frame, { passes }));
      return { text: reading?.text ?? null, ms, colour: reading?.colour.colour ?? null };
    },
  };
}

interface Tally {
  n: number;
  read: Record<DecoderName, number>;
  /** Text that is not the code's: another code's (the poster's) or a misread. */
  wrong: Record<DecoderName, number>;
  falsePositives: Record<DecoderName, number>;
  ms: Record<DecoderName, number[]>;
  colourRight: number;
  colourUnknown: number;
  colourWrong: number;
  greenForRedOrYellow: number;
}

const zeroes = () => ({ 'zxing-js': 0, polyfill: 0, app: 0 });
const tally = (): Tally => ({
  n: 0,
  read: zeroes(),
  wrong: zeroes(),
  falsePositives: zeroes(),
  ms: { 'zxing-js': [], polyfill: [], app: [] },
  colourRight: 0,
  colourUnknown: 0,
  colourWrong: 0,
  greenForRedOrYellow: 0,
});

function add(into: Tally, from: Tally) {
  into.n += from.n;
  for (const d of DECODERS) {
    into.read[d] += from.read[d];
    into.wrong[d] += from.wrong[d];
    into.falsePositives[d] += from.falsePositives[d];
    into.ms[d].push(...from.ms[d]);
  }
  into.colourRight += from.colourRight;
  into.colourUnknown += from.colourUnknown;
  into.colourWrong += from.colourWrong;
  into.greenForRedOrYellow += from.greenForRedOrYellow;
}

/** One sample through every decoder, counted in `into` (its condition's row). */
async function sampleRow(c: FieldCondition, index: number, ds: Decoders, into: Tally) {
  const seed = 1000 * FIELD_CONDITIONS.indexOf(c) + index + 1;
  const colour = fieldColour(c, index);
  const payload = fieldPayload(index, seed, c.params.payloads === 'short');
  const sample = await drawFieldSample(c, payload, colour, seed);
  const { text, colour: expected } = sample.expected;
  into.n++;
  for (const d of DECODERS) {
    const answer = await ds[d](sample);
    into.ms[d].push(answer.ms);
    if (text === null) {
      if (answer.text !== null) into.falsePositives[d]++;
      continue;
    }
    if (answer.text === null) continue;
    if (answer.text !== text) {
      into.wrong[d]++;
      continue;
    }
    into.read[d]++;
    if (d !== 'app') continue;
    if (answer.colour === expected) into.colourRight++;
    else if (answer.colour == null) into.colourUnknown++;
    else into.colourWrong++;
    if (answer.colour === 'green' && (expected === 'red' || expected === 'yellow'))
      into.greenForRedOrYellow++;
  }
}

function printable(t: Tally, codes: boolean) {
  const run = (d: DecoderName) => DECODERS.includes(d);
  const read = (d: DecoderName) =>
    !run(d) ? '–' : codes ? `${t.read[d]}/${t.n}` : `${t.falsePositives[d]} false +`;
  const ms = (d: DecoderName) => (run(d) ? summarise(t.ms[d]).median : '–');
  return {
    n: t.n,
    'zxing-js read': read('zxing-js'),
    'polyfill read': read('polyfill'),
    'app read': read('app'),
    'wrong payload zxing-js / polyfill / app': codes
      ? `${t.wrong['zxing-js']} / ${t.wrong.polyfill} / ${t.wrong.app}`
      : '–',
    'app colour right / unknown / wrong': codes
      ? `${t.colourRight} / ${t.colourUnknown} / ${t.colourWrong}`
      : '–',
    'green for red/yellow': codes ? t.greenForRedOrYellow : '–',
    'zxing-js ms': ms('zxing-js'),
    'polyfill ms': ms('polyfill'),
    'app ms': ms('app'),
  };
}

/** Conditions a burst of frames is tried on: where one frame alone is likeliest to fail. */
const BURST_CONDITIONS = [
  'motion blur',
  'gaussian blur',
  'low light',
  'glare',
  'small code <120 px',
];
const BURST = 4;

async function bursts(ds: Decoders) {
  const rows: Record<string, Record<string, string>> = {};
  for (const name of BURST_CONDITIONS.slice(0, sized(BURST_CONDITIONS.length, 1))) {
    const c = FIELD_CONDITIONS.find((f) => f.name === name);
    if (!c) throw new Error(`no condition ${name}`);
    const sequences = sized(10, 1);
    const within = zeroes();
    const frames = zeroes();
    for (let j = 0; j < sequences; j++) {
      const seed = 50_000 + 1000 * FIELD_CONDITIONS.indexOf(c) + j;
      const payload = fieldPayload(j, seed, c.params.payloads === 'short');
      const seen = new Set<DecoderName>();
      for (let k = 0; k < BURST; k++) {
        const sample = await drawFieldSample(c, payload, fieldColour(c, j), seed, k);
        for (const d of DECODERS) {
          if ((await ds[d](sample)).text !== payload) continue;
          frames[d]++;
          seen.add(d);
        }
      }
      for (const d of seen) within[d]++;
    }
    rows[name] = Object.fromEntries(
      DECODERS.map((d) => [
        `${d} read within ${BURST}`,
        `${within[d]}/${sequences} (frames ${frames[d]}/${sequences * BURST})`,
      ]),
    );
  }
  return rows;
}

/** `conditions=a,b` (names or what they cover): only those, for working on one of them. */
function chosenConditions(): readonly FieldCondition[] {
  const wanted = new URLSearchParams(location.search).get('conditions')?.split(',');
  if (!wanted) return FIELD_CONDITIONS;
  return FIELD_CONDITIONS.filter((c) => wanted.includes(c.name) || wanted.includes(c.covers));
}

export async function field() {
  const ds = await decoders();
  // Warm-up (module load, .wasm compile), not counted.
  const warm = await drawFieldSample(FIELD_CONDITIONS[0] as FieldCondition, 'warm', 'green', 0);
  for (const d of DECODERS) await ds[d](warm);
  const perCondition = sized(20, 1);
  const rows: Record<string, ReturnType<typeof printable>> = {};
  const codes = tally();
  const negatives = tally();
  const byColour = new Map<CodeColour, Tally>();
  for (const c of chosenConditions()) {
    const t = tally();
    for (let i = 0; i < perCondition; i++) {
      const one = tally();
      await sampleRow(c, i, ds, one);
      add(t, one);
      const colour = c.params.code && fieldColour(c, i);
      if (colour) {
        const row = byColour.get(colour) ?? tally();
        byColour.set(colour, row);
        add(row, one);
      }
    }
    rows[c.name] = printable(t, c.params.code);
    add(c.params.code ? codes : negatives, t);
  }
  rows['all codes'] = printable(codes, true);
  for (const [colour, t] of byColour) rows[`all ${colour} codes`] = printable(t, true);
  rows['all negatives'] = printable(negatives, false);
  return {
    conditions: Object.fromEntries(chosenConditions().map((c) => [c.name, c.description])),
    table: rows,
    bursts: new URLSearchParams(location.search).has('conditions') ? {} : await bursts(ds),
  };
}
