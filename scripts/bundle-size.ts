/**
 * What a built app makes the browser download before it can run: the initial JavaScript
 * (the entry, everything it imports statically, and whatever index.html loads or
 * modulepreloads) versus the chunks loaded lazily. Sizes are gzip level 9, in KB of 1024
 * bytes. Used by the bundle budget (`npm run check:budget`) and the PWA benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  /** Path inside the build folder, e.g. `assets/index-abc.js`. */
  file: string;
  rawKb: number;
  gzipKb: number;
}

export interface BundleSizes {
  initial: ChunkSize[];
  lazy: ChunkSize[];
  initialGzipKb: number;
  lazyGzipKb: number;
  /**
   * What the door needs before it paints: the initial JavaScript plus the chunks Root
   * starts loading the moment it runs (STARTED_AT_ONCE) and what they import statically.
   */
  doorGzipKb: number;
}

/**
 * Modules src/app/Root.tsx would import dynamically at once, in parallel with its first
 * render: none since the door's path is one chunk (vite.config.ts), but one added there
 * is still counted in the door's figure.
 */
export const STARTED_AT_ONCE: readonly string[] = [];

/** One chunk of Vite's build manifest (`build.manifest: true`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function readManifest(dist: string): Record<string, ManifestChunk> {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`No build manifest at ${path}: run \`npm run build\` first`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

/** The files of these chunks (by default the entries) and the chunks they import statically. */
function staticGraph(
  manifest: Record<string, ManifestChunk>,
  roots?: readonly string[],
): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const keys = roots ?? Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  for (const key of keys) visit(key);
  return files;
}

/** Scripts that index.html runs or modulepreloads (fetched before the app starts). */
function htmlScripts(dist: string): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const files = new Set<string>();
  for (const tag of tags) {
    const isScript = tag.startsWith('<script') && /\bsrc=/.test(tag);
    const isPreload = /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="\/?([^"]+\.js)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url) files.add(url);
  }
  return files;
}

function size(dist: string, file: string): ChunkSize {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    rawKb: bytes.length / 1024,
    gzipKb: gzipSync(bytes, { level: 9 }).length / 1024,
  };
}

const sum = (chunks: ChunkSize[]) => chunks.reduce((total, c) => total + c.gzipKb, 0);
const biggestFirst = (a: ChunkSize, b: ChunkSize) => b.gzipKb - a.gzipKb;

export function bundleSizes(dist = 'dist'): BundleSizes {
  const manifest = readManifest(dist);
  const initialFiles = new Set([...staticGraph(manifest), ...htmlScripts(dist)]);
  const doorFiles = new Set([...initialFiles, ...staticGraph(manifest, STARTED_AT_ONCE)]);
  const allJs = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const initial = [...initialFiles].map((f) => size(dist, f)).sort(biggestFirst);
  const lazy = allJs
    .filter((f) => !initialFiles.has(f))
    .map((f) => size(dist, f))
    .sort(biggestFirst);
  const door = [...doorFiles].map((f) => size(dist, f));
  return {
    initial,
    lazy,
    initialGzipKb: sum(initial),
    lazyGzipKb: sum(lazy),
    doorGzipKb: sum(door),
  };
}
