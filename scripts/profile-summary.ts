/**
 * Sums V8 CPU profiles (`node --cpu-prof`, e.g. `COUNTY_PROFILE=<dir> npm run
 * bench:county`) by function: self time and total (inclusive) time, as a share of the
 * profile's samples. `tsx scripts/profile-summary.ts <file.cpuprofile>… [--top 40]`.
 * Inclusive time counts a function once per sample even when it recurses.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 40;
const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);

const self = new Map<string, number>();
const total = new Map<string, number>();
let samples = 0;

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/node_modules\//, '~/')
    .replace(/^.*?\/(server|src)\//, '$1/');

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  for (const id of profile.samples) {
    samples++;
    const leaf = byId.get(id);
    if (!leaf) continue;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + 1);
    }
  }
}

const pct = (n: number) => `${((100 * n) / samples).toFixed(1).padStart(5)} %`;
const list = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([l, n]) => `${pct(n)}  ${l}`)
    .join('\n');
console.log(`${samples} samples in ${files.length} profile(s)\n\n# self\n${list(self)}`);
console.log(`\n# total (inclusive)\n${list(total)}`);
