import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrCorpus } from './qr-corpus';

// The browser conformance test (tests/corpora/browser) decodes what this index lists:
// here, that the index covers every image of the corpus and fails without it.
describe('the QR corpus index', () => {
  it('lists all 141 images of the corpus, each with its expected text', () => {
    const groups = qrCorpus();
    expect(groups.flatMap((g) => g.images)).toHaveLength(141);
    expect(groups.every((g) => g.expected.length > 0)).toBe(true);
    const appended = groups.find((g) => g.name === 'qrcode-7/01');
    expect(appended?.images.map((p) => p.slice(-9))).toEqual([
      '01-01.png',
      '01-02.png',
      '01-03.png',
      '01-04.png',
    ]);
  });

  it('fails loudly when the corpus folder is missing', () => {
    expect(() => qrCorpus('/nonexistent/shared/corpora/qr-images')).toThrow(/QR corpus missing/);
  });

  it('fails when an image has no expected text', () => {
    const root = mkdtempSync(join(tmpdir(), 'qr-corpus-'));
    mkdirSync(join(root, 'set'));
    writeFileSync(join(root, 'set', 'a.png'), '');
    expect(() => qrCorpus(root)).toThrow(/no expected text/);
  });
});
