/**
 * The field corpus (issue 20): health codes, travel codes and booking codes on phone
 * screens, as the door's tablet camera photographs them in a dim hall. One table of
 * conditions, each a distortion the issue lists on top of a realistic baseline (a
 * visitor holding a phone up at the door: slight tilt and roll, a soft fixed-focus lens,
 * a little sensor noise); and the generator, run in Chromium, seeded, nothing downloaded.
 */
import {
  encode,
  expose,
  filmHaze,
  gaussianBlur,
  glare,
  motionBlur,
  overexpose,
  pwmBars,
  subpixelMoire,
} from './camera-effects';
import { drawHall, drawHand, drawPoster } from './field-scene';
import { pointOnQuad, tiltedQuad, warpOnto } from './homography';
import { type CodeColour, codeOnPhone, drawPhoneScreen } from './phone-screen';
import { between, seeded } from './seeded';

export { fieldPayload } from './field-payloads';

export type { CodeColour } from './phone-screen';

/** What the issue asks the corpus to hold; every one is some condition's `covers`. */
export const ISSUE_CONDITIONS = [
  'control',
  'tilt',
  'gaussian-blur',
  'motion-blur',
  'jpeg',
  'banding',
  'glare',
  'low-light',
  'inverted',
  'small-code',
  'front-640',
  'negative',
  'poster-behind',
  'over-exposed',
  'pwm-bars',
  'moire',
  'film-haze',
  'health-card',
] as const;
export type IssueCondition = (typeof ISSUE_CONDITIONS)[number];

type Range = readonly [number, number];

export interface FieldParams {
  frame: { width: number; height: number };
  /** The code's module area across, px in the frame, seen square-on. */
  codePx: Range;
  /** The phone's tilt away from the camera, degrees (about the larger axis). */
  tilt: Range;
  /** In-plane rotation, ± degrees. */
  roll: number;
  /** Share of samples in dark-mode surroundings. */
  darkUi: number;
  inverted: boolean;
  /** Defocus, gaussian σ px. */
  blur: Range;
  /** Hand shake, stroke length px. */
  motion: Range;
  /** JPEG quality (of 100), or none: the frame as the camera gives it. */
  jpeg: Range | null;
  /** Refresh banding amplitude (0.1: ±10% luminance). */
  banding: Range | null;
  /** Glare blob strength at its centre (alpha of white). */
  glare: Range | null;
  /** Exposure gain and sensor noise σ (of 255). */
  gain: Range;
  noise: Range;
  /** false: a negative (a phone with no code, or no phone). */
  code: boolean;
  /** 'short': booking codes and health URLs of 100 characters or fewer. */
  payloads: 'any' | 'short';
  colours: readonly CodeColour[];
  /** A printed code (another payload) on a poster behind the phone; the phone held centred. */
  poster: boolean;
  /** A screen clipped by an exposure set for the hall: gain, then bloom round the light. */
  overexposed: { gain: Range; bloomPx: Range; bloom: Range; hot: Range } | null;
  /** Rolling-shutter bars from the screen's PWM dimming: px apart, dark share, depth. */
  pwm: { period: Range; duty: Range; depth: Range } | null;
  /** Sub-pixel moiré: the beat's period px, its depth. */
  moire: { period: Range; amplitude: Range } | null;
  /** A smudged film: veil strength, fingerprint ridge spacing px, scatter radius px. */
  haze: { strength: Range; ridge: Range; scatter: Range } | null;
  /** A provincial health-code card: a logo over the middle (share of the side), a ring. */
  card: { logo: Range } | null;
}

export interface FieldCondition {
  name: string;
  description: string;
  covers: IssueCondition;
  params: FieldParams;
}

/** Mostly coloured codes (the colour is what staff confirm), now and then a plain one. */
const COLOURS: readonly CodeColour[] = [
  'green',
  'yellow',
  'red',
  'green',
  'red',
  'yellow',
  'black',
];

const BASE: FieldParams = {
  frame: { width: 1280, height: 720 },
  codePx: [170, 260],
  tilt: [0, 8],
  roll: 10,
  darkUi: 0.3,
  inverted: false,
  blur: [0.3, 0.7],
  motion: [0, 0],
  jpeg: null,
  banding: null,
  glare: null,
  gain: [0.85, 1],
  noise: [2, 4],
  code: true,
  payloads: 'any',
  colours: COLOURS,
  poster: false,
  overexposed: null,
  pwm: null,
  moire: null,
  haze: null,
  card: null,
};

const CRISP: FieldParams = { ...BASE, tilt: [0, 5], roll: 5, blur: [0, 0.3], noise: [1, 2] };

const condition = (
  name: string,
  covers: IssueCondition,
  description: string,
  params: Partial<FieldParams>,
): FieldCondition => ({ name, covers, description, params: { ...BASE, ...params } });

export const FIELD_CONDITIONS: readonly FieldCondition[] = [
  condition('crisp', 'control', 'control: square-on, sharp, light mode', { ...CRISP, darkUi: 0 }),
  condition('crisp dark-mode', 'control', 'control: dark-mode surroundings #111–#1e1e1e', {
    ...CRISP,
    darkUi: 1,
  }),
  condition('tilt 10–30°', 'tilt', 'phone tilted back or sideways 10–30°', { tilt: [10, 30] }),
  condition('gaussian blur', 'gaussian-blur', 'out of the fixed focus, σ 1.2–2.0 px', {
    blur: [1.2, 2],
  }),
  condition('motion blur', 'motion-blur', 'hand shake, a 4–10 px stroke', { motion: [4, 10] }),
  condition('jpeg 50–70', 'jpeg', 'JPEG at quality 50–70', { jpeg: [50, 70] }),
  condition('banding', 'banding', 'refresh / moiré bands, ±8–18% luminance', {
    banding: [0.08, 0.18],
  }),
  condition('glare', 'glare', 'a light reflected on the glass over part of the code', {
    glare: [0.45, 0.75],
  }),
  condition('low light', 'low-light', 'exposure ×0.30–0.45, sensor noise σ 6–12', {
    gain: [0.3, 0.45],
    noise: [6, 12],
  }),
  condition('inverted dark-mode code', 'inverted', 'light modules on a dark card', {
    darkUi: 1,
    inverted: true,
    colours: ['green', 'yellow', 'red'],
  }),
  condition('small code <120 px', 'small-code', 'code 95–118 px across in 1280×720', {
    codePx: [95, 118],
    payloads: 'short',
  }),
  condition('front camera 640×480', 'front-640', 'a 640×480 frame, code 150–230 px', {
    frame: { width: 640, height: 480 },
    codePx: [150, 230],
  }),
  condition(
    'poster behind the phone',
    'poster-behind',
    'a printed 场所码 poster (another payload) beside the phone held centred, code 110–170 px',
    {
      poster: true,
      codePx: [110, 170],
    },
  ),
  condition(
    'over-exposed screen',
    'over-exposed',
    'full-brightness screen, exposure set by the hall: ×1.8–2.8 clipped, bloom 3–8 px',
    {
      overexposed: { gain: [1.8, 2.8], bloomPx: [3, 8], bloom: [0.4, 0.8], hot: [0, 0] },
      gain: [1, 1],
    },
  ),
  condition(
    'hot spot',
    'over-exposed',
    'the code’s middle clipped: ×1.4–2, ×2.5–4 more at the middle, bloom 4–10 px',
    {
      overexposed: { gain: [1.4, 2], bloomPx: [4, 10], bloom: [0.4, 0.8], hot: [1.5, 3] },
      gain: [1, 1],
    },
  ),
  condition(
    'PWM bars',
    'pwm-bars',
    'rolling-shutter bars 45–120 px apart, 25–45% duty, 30–50% deep',
    {
      pwm: { period: [45, 120], duty: [0.25, 0.45], depth: [0.3, 0.5] },
    },
  ),
  condition('sub-pixel moiré', 'moire', 'RGB stripes aliased into a 6–16 px beat, 15–30% deep', {
    moire: { period: [6, 16], amplitude: [0.15, 0.3] },
  }),
  condition('smudged film', 'film-haze', 'scattered-light veil 35–60%, fingerprint ridges 5–9 px', {
    haze: { strength: [0.35, 0.6], ridge: [5, 9], scatter: [12, 30] },
  }),
  condition(
    'health-code card',
    'health-card',
    'error correction H, a logo over the middle 28–33% of the side, a coloured ring',
    {
      card: { logo: [0.28, 0.33] },
      colours: ['green', 'yellow', 'red'],
    },
  ),
  condition('negatives', 'negative', 'a phone screen with no code, or the hall alone', {
    code: false,
    colours: [],
  }),
];

export function fieldColour(c: FieldCondition, index: number): CodeColour | null {
  const { colours } = c.params;
  return colours.length ? (colours[index % colours.length] ?? null) : null;
}

export interface FieldSample {
  frame: ImageData;
  blob: Blob;
  /** `decoy`: another code in the picture (the poster's), never to be read instead. */
  expected: { text: string | null; colour: CodeColour | null; decoy: string | null };
}

/** A 场所码 poster's payload: a place code, not a visitor's. */
function posterPayload(random: () => number): string {
  const id = Array.from({ length: 12 }, () => Math.floor(random() * 10)).join('');
  return `https://csm.example.gov.cn/place?id=${id}`;
}

/**
 * One photograph. The scene (pose, phone, hall) comes from `seed`; what changes from one
 * camera frame to the next (noise, shake, blur, a pixel or two of jitter) from `seed` and
 * `frameIndex` together, so frames 0–3 of one seed are a short burst of one visitor.
 */
export async function drawFieldSample(
  c: FieldCondition,
  payload: string | null,
  colour: CodeColour | null,
  seed: number,
  frameIndex = 0,
): Promise<FieldSample> {
  const p = c.params;
  const scene = seeded(seed);
  const shot = seeded(
    (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(frameIndex + 1, 0x85ebca6b)) >>> 0,
  );
  const { width, height } = p.frame;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', {
    willReadFrequently: true,
  }) as OffscreenCanvasRenderingContext2D;
  drawHall(ctx, width, height, scene);
  const text = p.code ? payload : null;
  const decoy = p.poster ? posterPayload(scene) : null;
  if (decoy) {
    const side = scene() < 0.5 ? -1 : 1;
    drawPoster(ctx, decoy, {
      x: width / 2 + side * between(scene, [0.17, 0.26]) * width,
      y: height / 2 + between(scene, [-0.12, 0.12]) * height,
      codePx: between(scene, [100, 200]),
      angle: between(scene, [-0.12, 0.12]),
      paper: between(scene, [110, 190]),
    });
  }
  const showPhone = p.code || scene() < 0.5;
  const darkUi = scene() < p.darkUi;
  // Where the code's centre lands, and its size (for a hot spot on it).
  let target = { x: width / 2, y: height / 2 };
  let codePx = 0;
  if (showPhone) {
    const phone = drawPhoneScreen({
      payload: text,
      colour: text ? colour : null,
      darkUi,
      inverted: p.inverted,
      random: scene,
      ...(p.card ? { card: { logo: between(scene, p.card.logo), ring: true } } : {}),
    });
    const code = codeOnPhone();
    codePx = between(scene, p.codePx);
    const phoneWidth = codePx / code.width;
    const phoneHeight = phoneWidth * (phone.height / phone.width);
    // The code's centre somewhere its square-on extent stays in the frame.
    // (Held centred, as staff ask, when a poster is behind it.)
    const margin = codePx * 0.6;
    const spread: Range | null = p.poster ? [0.45, 0.55] : null;
    target = {
      x:
        (spread ? between(scene, spread) * width : between(scene, [margin, width - margin])) +
        between(shot, [-2, 2]),
      y:
        (spread ? between(scene, spread) * height : between(scene, [margin, height - margin])) +
        between(shot, [-2, 2]),
    };
    const t = between(scene, p.tilt) * (scene() < 0.5 ? -1 : 1);
    const other = t * between(scene, [0, 0.3]) * (scene() < 0.5 ? -1 : 1);
    const [pitch, yaw] = scene() < 0.6 ? [t, other] : [other, t];
    const roll = between(scene, [-p.roll, p.roll]) + between(shot, [-0.5, 0.5]);
    // The code's offset from the phone's centre, rotated by the roll.
    const [ox, oy] = [
      (code.x + code.width / 2 - 0.5) * phoneWidth,
      (code.y + code.height / 2 - 0.5) * phoneHeight,
    ];
    const r = (roll * Math.PI) / 180;
    const quad = tiltedQuad({
      centre: {
        x: target.x - (ox * Math.cos(r) - oy * Math.sin(r)),
        y: target.y - (ox * Math.sin(r) + oy * Math.cos(r)),
      },
      width: phoneWidth,
      height: phoneHeight,
      pitch,
      yaw,
      roll,
      focal: width * 0.714,
    });
    // Reduce the phone to about 1.5× its size in the frame, then warp it in.
    const reduced = new OffscreenCanvas(Math.ceil(phoneWidth * 1.5), Math.ceil(phoneHeight * 1.5));
    const rctx = reduced.getContext('2d', {
      willReadFrequently: true,
    }) as OffscreenCanvasRenderingContext2D;
    rctx.imageSmoothingQuality = 'high';
    rctx.drawImage(phone, 0, 0, reduced.width, reduced.height);
    const out = ctx.getImageData(0, 0, width, height);
    warpOnto(out, rctx.getImageData(0, 0, reduced.width, reduced.height), quad);
    ctx.putImageData(out, 0, 0);
    drawHand(ctx, quad, scene);
    if (p.glare) {
      const at = pointOnQuad(
        quad,
        code.x + code.width * between(scene, [0.2, 0.8]),
        code.y + code.height * between(scene, [0.2, 0.8]),
      );
      glare(canvas, [
        {
          x: at.x + between(shot, [-3, 3]),
          y: at.y + between(shot, [-3, 3]),
          radius: codePx * between(scene, [0.2, 0.35]),
          strength: between(scene, p.glare),
        },
      ]);
    }
  }
  if (p.haze) {
    filmHaze(canvas, {
      strength: between(scene, p.haze.strength),
      ridge: between(scene, p.haze.ridge),
      scatter: between(scene, p.haze.scatter),
      centre: { x: between(scene, [0, width]), y: between(scene, [0, height]) },
    });
  }
  if (p.overexposed) {
    overexpose(
      canvas,
      between(scene, p.overexposed.gain),
      {
        radius: between(scene, p.overexposed.bloomPx),
        strength: between(scene, p.overexposed.bloom),
      },
      { ...target, gain: between(scene, p.overexposed.hot), radius: codePx * 0.3 },
    );
  }
  gaussianBlur(canvas, between(shot, p.blur));
  motionBlur(canvas, between(shot, p.motion), scene() * Math.PI + between(shot, [-0.2, 0.2]));
  if (p.moire) {
    subpixelMoire(canvas, {
      period: between(scene, p.moire.period),
      amplitude: between(scene, p.moire.amplitude),
      angle: between(scene, [0, Math.PI]),
      phase: shot(),
    });
  }
  if (p.pwm) {
    pwmBars(canvas, {
      period: between(scene, p.pwm.period),
      duty: between(scene, p.pwm.duty),
      depth: between(scene, p.pwm.depth),
      phase: shot(),
    });
  }
  expose(
    canvas,
    {
      banding: p.banding && {
        amplitude: between(scene, p.banding),
        period: between(scene, [10, 36]),
        phase: shot() * 2 * Math.PI,
        slope: between(scene, [-0.05, 0.05]),
      },
      gain: between(scene, p.gain),
      noise: between(shot, p.noise),
    },
    shot,
  );
  const { frame, blob } = await encode(canvas, p.jpeg && between(shot, p.jpeg) / 100);
  return { frame, blob, expected: { text, colour: text ? colour : null, decoy } };
}
