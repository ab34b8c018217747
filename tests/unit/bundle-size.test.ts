// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/bundle-size';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A build folder: the entry imports `shared` statically (which imports `deep`) and `lazy`
 * dynamically; index.html modulepreloads `preloaded`, which no module imports.
 */
function fakeBuild(entryBytes: Buffer | string = 'console.log("entry")') {
  const dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  const files: Record<string, Buffer | string> = {
    'assets/index-1.js': entryBytes,
    'assets/shared-1.js': 'export const shared = 1;',
    'assets/deep-1.js': 'export const deep = 2;',
    'assets/lazy-1.js': 'export const lazy = 3;'.repeat(100),
    'assets/preloaded-1.js': 'export const preloaded = 4;',
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dist, file), text);
  writeFileSync(
    join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': {
        file: 'assets/index-1.js',
        isEntry: true,
        imports: ['_shared.js'],
        dynamicImports: ['src/lazy.ts'],
      },
      '_shared.js': { file: 'assets/shared-1.js', imports: ['_deep.js'] },
      '_deep.js': { file: 'assets/deep-1.js' },
      'src/lazy.ts': { file: 'assets/lazy-1.js', isDynamicEntry: true, imports: ['_shared.js'] },
      '_preloaded.js': { file: 'assets/preloaded-1.js' },
    }),
  );
  writeFileSync(
    join(dist, 'index.html'),
    `<html><head>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/preloaded-1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
    </head><body></body></html>`,
  );
  return dist;
}

const budgetCheck = (dist: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-bundle-budget.ts', dist], {
    encoding: 'utf8',
  });

describe('initial JavaScript of a build', () => {
  it('is the entry, its static imports (transitively) and what index.html modulepreloads', () => {
    const sizes = bundleSizes(fakeBuild());
    expect(sizes.initial.map((c) => c.file).sort()).toEqual([
      'assets/deep-1.js',
      'assets/index-1.js',
      'assets/preloaded-1.js',
      'assets/shared-1.js',
    ]);
    expect(sizes.lazy.map((c) => c.file)).toEqual(['assets/lazy-1.js']);
    const lazy = sizes.lazy[0];
    expect(lazy?.rawKb).toBeCloseTo(2200 / 1024);
    expect(lazy?.gzipKb).toBeLessThan(lazy?.rawKb ?? 0);
    expect(sizes.initialGzipKb).toBeCloseTo(
      sizes.initial.reduce((total, c) => total + c.gzipKb, 0),
    );
  });

  it('asks for a build when there is none', () => {
    const dist = fakeBuild();
    rmSync(join(dist, '.vite'), { recursive: true });
    expect(() => bundleSizes(dist)).toThrow(/run `npm run build` first/);
  });
});

describe('the bundle budget', () => {
  it('passes a small build', () => {
    const run = budgetCheck(fakeBuild());
    expect(run.stdout).toMatch(/within the budget of 150 KB/);
    expect(run.status).toBe(0);
  });

  it('fails above 150 KB gzip of initial JavaScript, and says what to do', () => {
    // Random bytes do not compress: 155 KB stays 155 KB gzip.
    const run = budgetCheck(fakeBuild(randomBytes(155 * 1024)));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Initial JS is 15[5-6](\.\d)? KB gzip, above the budget of 150 KB/);
  });
});
