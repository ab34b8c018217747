// Renders the app icons from one SVG in Debian's Chromium and writes them to public/:
// `node scripts/make-icons.mjs`. The PNGs are committed; run again after changing the SVG.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const BLUE = '#0b5cad';

// A shield (protection at the door) holding a check mark (passed the six musts),
// drawn on a 100×100 grid; `scale` shrinks it around the centre.
function glyph(scale) {
  const t = (50 * (1 - scale)).toFixed(2);
  return `<g transform="translate(${t} ${t}) scale(${scale})">
    <path d="M50 8 L84 20 V46 C84 68 69 84 50 92 C31 84 16 68 16 46 V20 Z" fill="#fff"/>
    <path d="M33 50 L45 62 L68 38" fill="none" stroke="${BLUE}" stroke-width="9"
      stroke-linecap="round" stroke-linejoin="round"/>
  </g>`;
}

/** 'any': a rounded tile. 'maskable': full bleed, glyph inside the 80% safe circle. */
export function iconSvg(kind) {
  const tile =
    kind === 'maskable'
      ? `<rect width="100" height="100" fill="${BLUE}"/>${glyph(0.62)}`
      : `<rect x="2" y="2" width="96" height="96" rx="22" fill="${BLUE}"/>${glyph(0.82)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>入口防疫检查 · Entrance checkpoint</title>${tile}</svg>`;
}

const outputs = [
  { file: 'icons/icon-192.png', kind: 'any', size: 192 },
  { file: 'icons/icon-512.png', kind: 'any', size: 512 },
  { file: 'icons/maskable-192.png', kind: 'maskable', size: 192 },
  { file: 'icons/maskable-512.png', kind: 'maskable', size: 512 },
  // iOS puts its own mask on the home-screen icon and shows transparency as black.
  { file: 'apple-touch-icon.png', kind: 'maskable', size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync('public/icons', { recursive: true });
  for (const { file, kind, size } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">
        <div style="width:${size}px;height:${size}px">${iconSvg(kind).replace('<svg ', `<svg width="${size}" height="${size}" `)}</div>
      </body></html>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(`public/${file}`, png);
    console.log(`public/${file} ${size}×${size} ${png.length} bytes`);
  }
  writeFileSync('public/favicon.svg', `${iconSvg('any')}\n`);
} finally {
  await browser.close();
}
