/**
 * The hall the tablet's camera sees behind a visitor: a dim wall and door frame, a
 * ceiling light, the visitor's head and shoulders, and the hand holding the phone up.
 */
import QRCode from 'qrcode';
import type { Quad } from './homography';
import { pointOnQuad } from './homography';

type Ctx = OffscreenCanvasRenderingContext2D;

export function drawHall(ctx: Ctx, width: number, height: number, random: () => number): void {
  const wall = ctx.createLinearGradient(0, 0, 0, height);
  const tone = 40 + Math.floor(random() * 25);
  wall.addColorStop(0, `rgb(${tone + 12},${tone + 8},${tone + 2})`);
  wall.addColorStop(1, `rgb(${tone - 18},${tone - 20},${tone - 22})`);
  ctx.fillStyle = wall;
  ctx.fillRect(0, 0, width, height);
  // The door frame and the corridor beyond it.
  const door = width * (0.15 + 0.5 * random());
  ctx.fillStyle = `rgb(${tone - 25},${tone - 26},${tone - 28})`;
  ctx.fillRect(door, height * 0.05, width * 0.28, height);
  ctx.fillStyle = `rgb(${tone + 30},${tone + 26},${tone + 18})`;
  ctx.fillRect(door - width * 0.015, height * 0.05, width * 0.015, height);
  // A ceiling light.
  const light = ctx.createRadialGradient(width * random(), 0, 0, width * 0.5, 0, width * 0.3);
  light.addColorStop(0, 'rgba(255,245,220,0.55)');
  light.addColorStop(1, 'rgba(255,245,220,0)');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height * 0.5);
  // The visitor, behind the phone.
  const x = width * (0.35 + 0.3 * random());
  ctx.fillStyle = `rgb(${tone + 10},${tone + 4},${tone + 6})`;
  ctx.beginPath();
  ctx.ellipse(x, height * 1.05, width * 0.25, height * 0.45, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = 'rgb(120,90,75)';
  ctx.beginPath();
  ctx.ellipse(x, height * 0.32, width * 0.07, height * 0.16, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = 'rgb(28,24,22)';
  ctx.beginPath();
  ctx.ellipse(x, height * 0.2, width * 0.075, height * 0.08, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
}

/** Fingers round the phone's lower edge (below the card: they never cover the code). */
export function drawHand(ctx: Ctx, phone: Quad, random: () => number): void {
  const at = pointOnQuad(phone, 0.3 + 0.4 * random(), 1.0);
  const left = pointOnQuad(phone, 0, 1);
  const right = pointOnQuad(phone, 1, 1);
  const span = Math.hypot(right.x - left.x, right.y - left.y);
  const angle = Math.atan2(right.y - left.y, right.x - left.x);
  ctx.fillStyle = `rgb(${140 + Math.floor(random() * 30)},104,86)`;
  ctx.beginPath();
  ctx.ellipse(at.x, at.y + span * 0.12, span * 0.55, span * 0.22, angle, 0, 2 * Math.PI);
  ctx.fill();
}

/**
 * A printed 场所码 poster on the wall behind the visitor: a paper sheet lit by the hall
 * (`paper`: its white's level, far below a lit screen's), a red title, a black code.
 */
export function drawPoster(
  ctx: Ctx,
  payload: string,
  at: { x: number; y: number; codePx: number; angle: number; paper: number },
): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const m = at.codePx / modules.size;
  const [w, h] = [at.codePx * 1.5, at.codePx * 2];
  ctx.save();
  ctx.translate(at.x, at.y);
  ctx.rotate(at.angle);
  const p = Math.round(at.paper);
  ctx.fillStyle = `rgb(${p},${Math.round(p * 0.97)},${Math.round(p * 0.9)})`;
  ctx.fillRect(-w / 2, -h * 0.42, w, h);
  ctx.fillStyle = `rgb(${Math.round(p * 0.8)},${Math.round(p * 0.12)},${Math.round(p * 0.12)})`;
  ctx.fillRect(-w / 2, -h * 0.42, w, at.codePx * 0.22);
  ctx.fillStyle = 'rgb(20,20,22)';
  const left = -at.codePx / 2;
  const top = -at.codePx / 2;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) ctx.fillRect(left + c * m, top + r * m, m + 0.3, m + 0.3);
  ctx.restore();
}
