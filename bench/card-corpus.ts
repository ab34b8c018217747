/**
 * The card corpus (issue 34): the resident ID card's portrait face held up to the door's
 * tablet camera inside the card guide, under the conditions the issue lists, and the
 * negatives (a bank card, another card, a phone screen). Generated in Chromium at run
 * time, seeded; no real card and no real person (bench/card-identities.ts).
 */
import { cardGuide } from '../src/features/door/card/card-guide';
import { expose, gaussianBlur, glare, motionBlur } from './camera-effects';
import { drawBankCard, drawIdCardFace, drawOtherCard } from './card-face';
import { cardPerson, lookalikeNumber } from './card-identities';
import { drawHall } from './field-scene';
import { pointOnQuad, type Quad, tiltedQuad, warpOnto } from './homography';
import { drawPhoneScreen } from './phone-screen';
import { between, seeded } from './seeded';

type Range = readonly [number, number];
export type CardKind = 'id-card' | 'bank-card' | 'other-card' | 'phone';

export interface CardParams {
  frame: { width: number; height: number };
  kind: CardKind;
  /** The card's width seen square-on, as a share of the guide's width. */
  size: Range;
  tilt: Range;
  /** In-plane rotation, degrees (180: upside down). */
  roll: number;
  rollJitter: number;
  blur: Range;
  motion: Range;
  glare: Range | null;
  finger: boolean;
  gain: Range;
  noise: Range;
}

export interface CardCondition {
  name: string;
  description: string;
  params: CardParams;
}

const BASE: CardParams = {
  frame: { width: 1280, height: 720 },
  kind: 'id-card',
  size: [0.8, 0.95],
  tilt: [0, 8],
  roll: 0,
  rollJitter: 6,
  blur: [0.3, 0.7],
  motion: [0, 1.5],
  glare: null,
  finger: false,
  gain: [0.85, 1],
  noise: [2, 4],
};

const condition = (name: string, description: string, params: Partial<CardParams>) => ({
  name,
  description,
  params: { ...BASE, ...params },
});

export const CARD_CONDITIONS: readonly CardCondition[] = [
  condition('control', 'held in the guide, 0–8° tilt, ±6° roll, soft lens, a little noise', {}),
  condition('tilt 15–30°', 'the card tilted back or sideways 15–30°', { tilt: [15, 30] }),
  condition('glare', 'a ceiling light on the laminate, 45–75% white, anywhere on the card', {
    glare: [0.45, 0.75],
  }),
  condition('blur', 'out of the fixed focus, σ 1.2–2.0 px, and hand shake 0–3 px', {
    blur: [1.2, 2],
    motion: [0, 3],
  }),
  condition('low light', 'exposure ×0.30–0.45, sensor noise σ 6–12', {
    gain: [0.3, 0.45],
    noise: [6, 12],
  }),
  condition('finger over an edge', 'a thumb over the left or right edge of the card', {
    finger: true,
  }),
  condition('640×480', 'a 640×480 camera', { frame: { width: 640, height: 480 } }),
  condition('upside down', 'the card held upside down (180° ± 6°)', { roll: 180 }),
  condition('negative: bank card', 'a bank card with a 19-digit number in groups of four', {
    kind: 'bank-card',
  }),
  condition('negative: another card', 'a library card with an 18-digit number, no ID', {
    kind: 'other-card',
  }),
  condition('negative: phone screen', 'a phone showing a health code', {
    kind: 'phone',
    size: [0.3, 0.4],
  }),
];

export interface CardSample {
  frame: ImageData;
  expected: { idNumber: string | null; name: string | null };
}

function face(kind: CardKind, scene: () => number) {
  const person = cardPerson(scene);
  switch (kind) {
    case 'id-card':
      return { canvas: drawIdCardFace(person, scene), person };
    case 'bank-card':
      return { canvas: drawBankCard(scene), person: null };
    case 'other-card':
      return { canvas: drawOtherCard(person, lookalikeNumber(scene), scene), person: null };
    case 'phone':
      return {
        canvas: drawPhoneScreen({
          payload: `https://jkm.example.gov.cn/v2/code?t=${Math.floor(scene() * 1e9)}`,
          colour: 'green',
          darkUi: scene() < 0.3,
          inverted: false,
          random: scene,
        }),
        person: null,
      };
  }
}

function drawThumb(ctx: OffscreenCanvasRenderingContext2D, quad: Quad, random: () => number) {
  const side = random() < 0.5 ? 0 : 1;
  const at = pointOnQuad(quad, side, between(random, [0.3, 0.6]));
  const top = pointOnQuad(quad, 0, 0);
  const right = pointOnQuad(quad, 1, 0);
  const cardWidth = Math.hypot(right.x - top.x, right.y - top.y);
  ctx.fillStyle = `rgb(${170 + Math.floor(random() * 30)},128,104)`;
  ctx.beginPath();
  ctx.ellipse(at.x, at.y, cardWidth * 0.09, cardWidth * 0.06, random() * 0.6 - 0.3, 0, 2 * Math.PI);
  ctx.fill();
}

/**
 * One camera frame. The scene (person, pose, light) comes from `seed`; noise, shake and a
 * pixel of jitter from `seed` and `frameIndex`, so frames 0, 1, 2… of one seed are the
 * frames the door's camera gives while the card is held still.
 */
export function drawCardSample(c: CardCondition, seed: number, frameIndex = 0): CardSample {
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
  const { canvas: card, person } = face(p.kind, scene);
  const guide = cardGuide(width, height);
  const cardWidth = between(scene, p.size) * guide.width;
  const cardHeight = cardWidth * (card.height / card.width);
  const t = between(scene, p.tilt) * (scene() < 0.5 ? -1 : 1);
  const other = t * between(scene, [0, 0.3]);
  const [pitch, yaw] = scene() < 0.5 ? [t, other] : [other, t];
  const quad = tiltedQuad({
    centre: {
      x: width / 2 + between(scene, [-0.04, 0.04]) * guide.width + between(shot, [-2, 2]),
      y: height / 2 + between(scene, [-0.04, 0.04]) * guide.height + between(shot, [-2, 2]),
    },
    width: cardWidth,
    height: cardHeight,
    pitch,
    yaw,
    roll: p.roll + between(scene, [-p.rollJitter, p.rollJitter]) + between(shot, [-0.4, 0.4]),
    focal: width * 0.714,
  });
  // Reduce the face to about 1.5× its size in the frame, then warp it in.
  const reduced = new OffscreenCanvas(Math.ceil(cardWidth * 1.5), Math.ceil(cardHeight * 1.5));
  const rctx = reduced.getContext('2d', {
    willReadFrequently: true,
  }) as OffscreenCanvasRenderingContext2D;
  rctx.imageSmoothingQuality = 'high';
  rctx.drawImage(card, 0, 0, reduced.width, reduced.height);
  const out = ctx.getImageData(0, 0, width, height);
  warpOnto(out, rctx.getImageData(0, 0, reduced.width, reduced.height), quad);
  ctx.putImageData(out, 0, 0);
  if (p.finger) drawThumb(ctx, quad, scene);
  if (p.glare) {
    const at = pointOnQuad(quad, between(scene, [0.15, 0.85]), between(scene, [0.15, 0.85]));
    glare(canvas, [
      {
        x: at.x + between(shot, [-3, 3]),
        y: at.y + between(shot, [-3, 3]),
        radius: cardWidth * between(scene, [0.12, 0.22]),
        strength: between(scene, p.glare),
      },
    ]);
  }
  gaussianBlur(canvas, between(shot, p.blur));
  motionBlur(canvas, between(shot, p.motion), scene() * Math.PI);
  expose(
    canvas,
    { banding: null, gain: between(scene, p.gain), noise: between(shot, p.noise) },
    shot,
  );
  return {
    frame: ctx.getImageData(0, 0, width, height),
    expected: { idNumber: person?.idNumber ?? null, name: person?.name ?? null },
  };
}
