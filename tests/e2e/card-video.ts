import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import ts from 'typescript';
import type { CardPerson } from '../../bench/card-identities';
import { chromiumArgs, chromiumPath } from './chromium';

/**
 * A Y4M for the fake camera showing a resident ID card's face (drawn as bench/card-face.ts
 * draws the corpus: Noto CJK fields, the number in OCR-B) held in the door's card guide on
 * a grey scene, 640×480. The face is drawn in Chromium's canvas (the fonts are Debian's),
 * its pixels brought back and written as 4:2:0 frames here.
 */
const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 3;

/** The person a card of this number and name shows (sex and birth from the number). */
export function cardPerson(name: string, idNumber: string): CardPerson {
  return {
    name,
    sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    nation: '汉',
    birth: {
      year: Number(idNumber.slice(6, 10)),
      month: Number(idNumber.slice(10, 12)),
      day: Number(idNumber.slice(12, 14)),
    },
    address: '浙江省杭州市西湖区文三路100号',
    idNumber,
  };
}

async function cardScene(person: CardPerson): Promise<Uint8Array> {
  const source = readFileSync(join(import.meta.dirname, '../../bench/card-face.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({
      type: 'module',
      content: `${outputText}\nwindow.drawIdCardFace = drawIdCardFace;`,
    });
    await page.waitForFunction(() => 'drawIdCardFace' in window);
    const rgba = await page.evaluate(
      async ({ person, width, height }) => {
        await document.fonts.load('38px "OCR B"');
        await document.fonts.load('36px "Noto Sans CJK SC"');
        let seed = 7;
        const random = () => {
          seed = (seed * 1664525 + 1013904223) >>> 0;
          return seed / 2 ** 32;
        };
        const draw = Reflect.get(window, 'drawIdCardFace') as (
          p: unknown,
          r: () => number,
        ) => OffscreenCanvas;
        const face = draw(person, random);
        const scene = new OffscreenCanvas(width, height);
        const ctx = scene.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.fillStyle = 'rgb(150,150,150)';
        ctx.fillRect(0, 0, width, height);
        // 70% of the frame's width: inside the guide (75%), as staff hold it.
        const w = width * 0.7;
        const h = (w * face.height) / face.width;
        ctx.drawImage(face, (width - w) / 2, (height - h) / 2, w, h);
        return [...ctx.getImageData(0, 0, width, height).data];
      },
      { person, width: WIDTH, height: HEIGHT },
    );
    return Uint8Array.from(rgba);
  } finally {
    await browser.close();
  }
}

/** Writes the card's video (a few identical frames: the file loops) and returns its path. */
export async function cardVideo(dir: string, name: string, person: CardPerson): Promise<string> {
  const rgba = await cardScene(person);
  const y = new Uint8Array(WIDTH * HEIGHT);
  const u = new Uint8Array((WIDTH / 2) * (HEIGHT / 2));
  const v = new Uint8Array(u.length);
  for (let i = 0; i < WIDTH * HEIGHT; i++) {
    const [r, g, b] = [rgba[i * 4] ?? 0, rgba[i * 4 + 1] ?? 0, rgba[i * 4 + 2] ?? 0];
    y[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  // JPEG (full-range BT.601) chroma of each 2×2 block's top-left pixel.
  for (let row = 0; row < HEIGHT / 2; row++)
    for (let col = 0; col < WIDTH / 2; col++) {
      const p = (row * 2 * WIDTH + col * 2) * 4;
      const [r, g, b] = [rgba[p] ?? 0, rgba[p + 1] ?? 0, rgba[p + 2] ?? 0];
      const k = row * (WIDTH / 2) + col;
      u[k] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[k] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  const chunks = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < FRAMES; f++)
    chunks.push(Buffer.from('FRAME\n'), Buffer.from(y), Buffer.from(u), Buffer.from(v));
  const path = join(dir, `${name}.y4m`);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}
