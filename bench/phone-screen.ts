/**
 * A phone showing a health code, travel code or booking code the way the apps do: status
 * bar (time and icons as blocks), the app's header bar, a rounded card holding the code,
 * rounded screen corners in a black bezel; light or dark mode, the code dark on light or
 * (a dark-mode code) light on dark. Or, for the negatives, the same screen with no code.
 * Drawn at 2 px a dp, about a real phone's resolution, for the scene to reduce.
 */
import QRCode from 'qrcode';

export type CodeColour = 'green' | 'yellow' | 'red' | 'black';

export interface ScreenSpec {
  payload: string | null;
  colour: CodeColour | null;
  /** Dark-mode surroundings: the screen's background, #111–#1e1e1e. */
  darkUi: boolean;
  /** Light modules on a dark card. */
  inverted: boolean;
  random: () => number;
  /**
   * A provincial health-code card: error correction H, a logo or avatar over the middle
   * `logo` share of the code's side (0: none), and a ring in the code's colour round it.
   */
  card?: { logo: number; ring: boolean };
}

/** The screen, in dp. */
export const SCREEN_DP = { width: 360, height: 760 } as const;
const BEZEL_DP = 6;
/** The code's module area on the screen, dp wide (health-code apps: about two thirds). */
export const CODE_DP = 240;
const CODE_TOP_DP = 168;
const PX = 2;

const MODULES: Record<CodeColour, readonly [number, number, number]> = {
  green: [0, 168, 80],
  yellow: [250, 200, 0],
  red: [225, 30, 30],
  black: [24, 24, 24],
};
/** Dark-mode codes light their modules up a little (a red at full strength is too dim). */
const LIT: Record<CodeColour, readonly [number, number, number]> = {
  green: [40, 200, 110],
  yellow: [250, 210, 40],
  red: [240, 70, 70],
  black: [235, 235, 235],
};

function rgb(colour: readonly number[], jitter: () => number) {
  const [r, g, b] = colour.map((c) => Math.max(0, Math.min(255, Math.round(c + jitter()))));
  return `rgb(${r},${g},${b})`;
}

function rounded(
  ctx: OffscreenCanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  fill: string,
) {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(x * PX, y * PX, w * PX, h * PX, r * PX);
  ctx.fill();
}

/** Text as the camera sees it at a distance: grey bars. */
function textBars(
  ctx: OffscreenCanvasRenderingContext2D,
  x: number,
  y: number,
  widths: readonly number[],
  height: number,
  fill: string,
) {
  widths.forEach((w, i) => {
    rounded(ctx, x, y + i * (height * 2), w, height, height / 3, fill);
  });
}

function drawCode(
  ctx: OffscreenCanvasRenderingContext2D,
  payload: string,
  left: number,
  top: number,
  dark: string,
  level: 'M' | 'H' = 'M',
) {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: level });
  const m = (CODE_DP * PX) / modules.size;
  ctx.fillStyle = dark;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      // Whole device pixels, as a phone draws them (no seams between modules).
      const x0 = Math.round(left * PX + c * m);
      const y0 = Math.round(top * PX + r * m);
      if (modules.get(r, c))
        ctx.fillRect(
          x0,
          y0,
          Math.round(left * PX + (c + 1) * m) - x0,
          Math.round(top * PX + (r + 1) * m) - y0,
        );
    }
  }
}

/** A ring in the code's colour round its quiet zone, as provincial health-code cards draw. */
function ring(
  ctx: OffscreenCanvasRenderingContext2D,
  left: number,
  top: number,
  colour: string,
  random: () => number,
) {
  const gap = 8 + random() * 6;
  const width = 5 + random() * 5;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width * PX;
  ctx.beginPath();
  const o = gap + width / 2;
  ctx.roundRect(
    (left - o) * PX,
    (top - o) * PX,
    (CODE_DP + 2 * o) * PX,
    (CODE_DP + 2 * o) * PX,
    (6 + random() * 10) * PX,
  );
  ctx.stroke();
}

/** A logo or an avatar over the code's middle: a white tile, an emblem or a face on it. */
function logo(
  ctx: OffscreenCanvasRenderingContext2D,
  left: number,
  top: number,
  share: number,
  random: () => number,
) {
  const side = CODE_DP * share;
  const x = left + (CODE_DP - side) / 2;
  const y = top + (CODE_DP - side) / 2;
  rounded(ctx, x, y, side, side, side * 0.18, '#ffffff');
  const inner = side * 0.78;
  const [ix, iy] = [x + (side - inner) / 2, y + (side - inner) / 2];
  if (random() < 0.5) {
    // An issuer's emblem: a coloured disc with a white mark.
    ctx.fillStyle = `hsl(${Math.floor(random() * 360)} 70% 45%)`;
    ctx.beginPath();
    ctx.arc((ix + inner / 2) * PX, (iy + inner / 2) * PX, (inner / 2) * PX, 0, 2 * Math.PI);
    ctx.fill();
    rounded(ctx, ix + inner * 0.3, iy + inner * 0.42, inner * 0.4, inner * 0.16, 2, '#ffffff');
  } else {
    // The holder's photo: skin, hair, a shirt on a pale backdrop.
    rounded(ctx, ix, iy, inner, inner, inner * 0.12, '#dfe6ee');
    ctx.fillStyle = `rgb(${200 + Math.floor(random() * 40)},${150 + Math.floor(random() * 40)},120)`;
    ctx.beginPath();
    ctx.ellipse(
      (ix + inner / 2) * PX,
      (iy + inner * 0.42) * PX,
      inner * 0.22 * PX,
      inner * 0.28 * PX,
      0,
      0,
      2 * Math.PI,
    );
    ctx.fill();
    rounded(ctx, ix + inner * 0.18, iy + inner * 0.78, inner * 0.64, inner * 0.22, 4, '#34495e');
    rounded(ctx, ix + inner * 0.28, iy + inner * 0.1, inner * 0.44, inner * 0.14, 4, '#1b1b1b');
  }
}

/** The phone (bezel included, transparent outside its rounded corners). */
export function drawPhoneScreen(spec: ScreenSpec): OffscreenCanvas {
  const { random } = spec;
  const jitter = () => (random() - 0.5) * 16;
  const [W, H] = [SCREEN_DP.width + 2 * BEZEL_DP, SCREEN_DP.height + 2 * BEZEL_DP];
  const canvas = new OffscreenCanvas(W * PX, H * PX);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  rounded(ctx, 0, 0, W, H, 44, '#0b0b0c');
  ctx.save();
  ctx.translate(BEZEL_DP * PX, BEZEL_DP * PX);
  ctx.beginPath();
  ctx.roundRect(0, 0, SCREEN_DP.width * PX, SCREEN_DP.height * PX, 38 * PX);
  ctx.clip();
  const grey = 0x11 + Math.floor(random() * 14);
  const background = spec.darkUi ? `rgb(${grey},${grey},${grey})` : '#f2f3f5';
  const ink = spec.darkUi ? '#d8d8d8' : '#202124';
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, SCREEN_DP.width * PX, SCREEN_DP.height * PX);
  // Status bar: the time, then signal, wifi and battery.
  textBars(ctx, 28, 9, [34], 9, ink);
  for (let i = 0; i < 4; i++) rounded(ctx, 262 + i * 5, 17 - i * 2, 3, 3 + i * 2, 0.5, ink);
  rounded(ctx, 290, 10, 14, 9, 2, ink);
  rounded(ctx, 310, 9, 24, 11, 3, ink);
  // The app's header bar: back arrow, title.
  const header = spec.darkUi ? '#1f1f1f' : random() < 0.5 ? '#1677ff' : '#ffffff';
  ctx.fillStyle = header;
  ctx.fillRect(0, 28 * PX, SCREEN_DP.width * PX, 48 * PX);
  const headerInk = header === '#ffffff' ? '#202124' : '#f5f5f5';
  rounded(ctx, 16, 44, 10, 16, 2, headerInk);
  textBars(ctx, 130, 46, [100], 12, headerInk);
  // The card.
  const card = spec.inverted ? '#1c1c1e' : '#ffffff';
  const cardInk = spec.inverted ? '#8e8e93' : '#9aa0a6';
  rounded(ctx, 16, 92, 328, 470, 14, card);
  textBars(ctx, 120, 110, [120, 80], 10, cardInk);
  if (spec.payload !== null && spec.colour) {
    const modules = (spec.inverted ? LIT : MODULES)[spec.colour];
    const colour = rgb(modules, jitter);
    const left = (SCREEN_DP.width - CODE_DP) / 2;
    if (spec.card?.ring) ring(ctx, left, CODE_TOP_DP, colour, random);
    drawCode(ctx, spec.payload, left, CODE_TOP_DP, colour, spec.card ? 'H' : 'M');
    if (spec.card && spec.card.logo > 0) logo(ctx, left, CODE_TOP_DP, spec.card.logo, random);
    // The colour's name under the code, in the code's colour.
    textBars(ctx, 140, CODE_TOP_DP + CODE_DP + (spec.card?.ring ? 32 : 22), [80], 18, colour);
  } else {
    // No code: a grid of service icons where it would be.
    for (let i = 0; i < 9; i++) {
      const hue = Math.floor(random() * 360);
      rounded(
        ctx,
        60 + (i % 3) * 88,
        170 + Math.floor(i / 3) * 88,
        64,
        64,
        14,
        `hsl(${hue} 60% 55%)`,
      );
    }
  }
  textBars(ctx, 60, CODE_TOP_DP + CODE_DP + 60, [240, 200, 220], 9, cardInk);
  // Buttons under the card.
  rounded(ctx, 16, 590, 158, 48, 24, spec.darkUi ? '#2c2c2e' : '#e4e6ea');
  rounded(ctx, 186, 590, 158, 48, 24, spec.darkUi ? '#2c2c2e' : '#e4e6ea');
  ctx.restore();
  return canvas;
}

/** Where the code's module area lies on the phone canvas, as fractions of its size. */
export function codeOnPhone(): { x: number; y: number; width: number; height: number } {
  const [W, H] = [SCREEN_DP.width + 2 * BEZEL_DP, SCREEN_DP.height + 2 * BEZEL_DP];
  return {
    x: (BEZEL_DP + (SCREEN_DP.width - CODE_DP) / 2) / W,
    y: (BEZEL_DP + CODE_TOP_DP) / H,
    width: CODE_DP / W,
    height: CODE_DP / H,
  };
}
