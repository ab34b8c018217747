/**
 * The faces the card corpus holds up to the camera, drawn at 10 px per mm (85.6 × 54 mm,
 * ISO/IEC 7810 ID-1): the resident ID card's portrait face with its fields in their
 * places (blue labels, black values in Noto CJK, the number in OCR-B), a grey silhouette
 * for the photo and a guilloche background; and the negatives: a bank card, another
 * card with an 18-digit member number. Fonts are Debian's fonts-noto-cjk and fonts-ocr-b.
 */
import type { CardPerson } from './card-identities';

export const CARD_PX = { width: 856, height: 540 } as const;

type Ctx = OffscreenCanvasRenderingContext2D;
const CJK = '"Noto Sans CJK SC", "Noto Sans CJK", sans-serif';
const CJK_SERIF = '"Noto Serif CJK SC", "Noto Sans CJK SC", serif';
const OCR_B = '"OCR B", monospace';

function blank(): [OffscreenCanvas, Ctx] {
  const canvas = new OffscreenCanvas(CARD_PX.width, CARD_PX.height);
  const ctx = canvas.getContext('2d') as Ctx;
  return [canvas, ctx];
}

function roundedClip(ctx: Ctx): void {
  ctx.beginPath();
  ctx.roundRect(0, 0, CARD_PX.width, CARD_PX.height, 32);
  ctx.clip();
}

/** The pale printed pattern: a tinted gradient under fine interleaved sine lines. */
function guilloche(ctx: Ctx, random: () => number): void {
  const { width, height } = CARD_PX;
  const g = ctx.createLinearGradient(0, 0, width, height);
  g.addColorStop(0, 'rgb(236,243,244)');
  g.addColorStop(0.5, 'rgb(246,240,232)');
  g.addColorStop(1, 'rgb(230,238,246)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, width, height);
  ctx.lineWidth = 0.8;
  const phase = random() * Math.PI;
  for (let k = 0; k < 60; k++) {
    ctx.strokeStyle = k % 2 ? 'rgba(120,170,190,0.28)' : 'rgba(200,160,120,0.22)';
    ctx.beginPath();
    for (let x = 0; x <= width; x += 6) {
      const y = k * 10 + 14 * Math.sin(x / 37 + k * 0.5 + phase) + 6 * Math.sin(x / 11 + k);
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}

function silhouette(ctx: Ctx): void {
  const [x, y, w, h] = [560, 70, 250, 310];
  ctx.fillStyle = 'rgb(228,230,232)';
  ctx.fillRect(x, y, w, h);
  ctx.fillStyle = 'rgb(150,152,156)';
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 0.38, w * 0.22, h * 0.22, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 1.02, w * 0.46, h * 0.4, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
}

function label(ctx: Ctx, text: string, x: number, y: number): void {
  ctx.fillStyle = 'rgb(40,110,170)';
  ctx.font = `26px ${CJK}`;
  ctx.fillText(text, x, y);
}

function value(ctx: Ctx, text: string, x: number, y: number, size = 30): void {
  ctx.fillStyle = 'rgb(18,18,20)';
  ctx.font = `${size}px ${CJK_SERIF}`;
  ctx.fillText(text, x, y);
}

/** The resident ID card's portrait face (人像面). */
export function drawIdCardFace(person: CardPerson, random: () => number): OffscreenCanvas {
  const [canvas, ctx] = blank();
  roundedClip(ctx);
  guilloche(ctx, random);
  silhouette(ctx);
  ctx.textBaseline = 'alphabetic';
  label(ctx, '姓 名', 60, 105);
  value(ctx, person.name, 165, 107, 36);
  label(ctx, '性 别', 60, 170);
  value(ctx, person.sex, 165, 170);
  label(ctx, '民 族', 290, 170);
  value(ctx, person.nation, 380, 170);
  label(ctx, '出 生', 60, 235);
  const { year, month, day } = person.birth;
  value(ctx, String(year), 165, 235);
  label(ctx, '年', 250, 235);
  value(ctx, String(month), 300, 235);
  label(ctx, '月', 345, 235);
  value(ctx, String(day), 390, 235);
  label(ctx, '日', 435, 235);
  label(ctx, '住 址', 60, 300);
  for (let i = 0, line = 0; i < person.address.length; i += 12, line++)
    value(ctx, person.address.slice(i, i + 12), 165, 300 + line * 44, 28);
  label(ctx, '公民身份号码', 60, 470);
  ctx.fillStyle = 'rgb(18,18,20)';
  ctx.font = `38px ${OCR_B}`;
  ctx.letterSpacing = '3px';
  ctx.fillText(person.idNumber, 290, 472);
  ctx.letterSpacing = '0px';
  return canvas;
}

/** A bank card: dark, a chip, a 19-digit number in groups of four, a name in capitals. */
export function drawBankCard(random: () => number): OffscreenCanvas {
  const [canvas, ctx] = blank();
  roundedClip(ctx);
  const g = ctx.createLinearGradient(0, 0, CARD_PX.width, CARD_PX.height);
  g.addColorStop(0, 'rgb(20,50,110)');
  g.addColorStop(1, 'rgb(60,110,170)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, CARD_PX.width, CARD_PX.height);
  ctx.fillStyle = 'rgb(214,180,96)';
  ctx.fillRect(90, 190, 110, 85);
  ctx.fillStyle = 'rgb(245,245,245)';
  ctx.font = `36px ${CJK}`;
  ctx.fillText('中国示例银行  借记卡', 60, 90);
  const digits = `62${Array.from({ length: 17 }, () => Math.floor(random() * 10)).join('')}`;
  ctx.font = `44px ${OCR_B}`;
  ctx.fillText(digits.replace(/(\d{4})(?=\d)/g, '$1 '), 60, 380);
  ctx.font = `26px ${OCR_B}`;
  ctx.fillText('VALID THRU 08/31', 60, 440);
  ctx.fillText('ZHANG SAN', 60, 490);
  return canvas;
}

/** Another card (a library card): a title, a holder, an 18-digit number that is no ID. */
export function drawOtherCard(
  person: CardPerson,
  number: string,
  random: () => number,
): OffscreenCanvas {
  const [canvas, ctx] = blank();
  roundedClip(ctx);
  ctx.fillStyle = `rgb(${230 + Math.floor(random() * 20)},236,222)`;
  ctx.fillRect(0, 0, CARD_PX.width, CARD_PX.height);
  ctx.fillStyle = 'rgb(150,40,40)';
  ctx.fillRect(0, 0, CARD_PX.width, 110);
  ctx.fillStyle = 'rgb(250,250,250)';
  ctx.font = `48px ${CJK}`;
  ctx.fillText('市图书馆  读者证', 60, 75);
  label(ctx, '姓 名', 60, 200);
  value(ctx, person.name, 165, 202, 36);
  label(ctx, '证 号', 60, 470);
  ctx.fillStyle = 'rgb(18,18,20)';
  ctx.font = `38px ${OCR_B}`;
  ctx.letterSpacing = '3px';
  ctx.fillText(number, 200, 472);
  ctx.letterSpacing = '0px';
  return canvas;
}
