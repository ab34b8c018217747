/**
 * The public QR corpus (../shared/corpora/qr-images, zxing-cpp's test samples): every
 * image with the exact text it holds. `N.png` holds `N.txt`; the pieces of a structured
 * append (`01-01.png` … `01-04.png`, no `01-01.txt`) together hold `01.txt`, so each
 * piece is checked by the concatenation of all pieces, in order. A missing folder is an
 * error, never an empty corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const QR_CORPUS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpora/qr-images',
);

const IMAGE = /\.(png|jpe?g|webp|gif|bmp)$/i;

export interface CorpusGroup {
  /** e.g. qrcode-2/#1086 or qrcode-7/01 */
  name: string;
  /** Images whose texts, concatenated in this order, are `expected`. */
  images: string[];
  expected: Buffer;
}

export function qrCorpus(root = QR_CORPUS): CorpusGroup[] {
  if (!existsSync(root)) {
    throw new Error(`QR corpus missing at ${root}: conformance cannot run without it`);
  }
  const groups: CorpusGroup[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const folder = join(root, dir.name);
    const files = readdirSync(folder).sort();
    const byStem = new Map<string, string[]>();
    for (const file of files.filter((f) => IMAGE.test(f))) {
      const stem = file.replace(IMAGE, '');
      const own = existsSync(join(folder, `${stem}.txt`));
      const key = own ? stem : stem.replace(/-\d+$/, '');
      byStem.set(key, [...(byStem.get(key) ?? []), join(folder, file)]);
    }
    for (const [stem, images] of byStem) {
      const txt = join(folder, `${stem}.txt`);
      if (!existsSync(txt)) throw new Error(`no expected text for ${images.join(', ')}`);
      groups.push({ name: `${dir.name}/${stem}`, images, expected: readFileSync(txt) });
    }
  }
  return groups;
}

export function mimeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'jpg' ? 'image/jpeg' : `image/${ext}`;
}
