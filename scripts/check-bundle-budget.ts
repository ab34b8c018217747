/**
 * The bundle budget (`npm run check:budget`, after `npm run build`; run by .ci/run):
 * fails when the initial JavaScript, gzip, is above the budget. The door must paint fast
 * on a cheap tablet; whatever it does not need to paint loads lazily (issue 11).
 */
import { bundleSizes } from './bundle-size';

/** KB gzip of initial JavaScript. The target is 150; the budget leaves a small margin. */
export const INITIAL_JS_BUDGET_KB = 160;

const round = (kb: number) => Math.round(kb * 10) / 10;

const dist = process.argv[2] ?? 'dist';
const sizes = bundleSizes(dist);
for (const c of sizes.initial) {
  console.log(`${round(c.gzipKb).toFixed(1).padStart(7)} KB gzip  ${c.file}`);
}
const total = round(sizes.initialGzipKb);
if (sizes.initialGzipKb > INITIAL_JS_BUDGET_KB) {
  console.error(
    `Initial JS is ${total} KB gzip, above the budget of ${INITIAL_JS_BUDGET_KB} KB: ` +
      'load what the door does not need to paint lazily (dynamic import()).',
  );
  process.exit(1);
}
console.log(`Initial JS ${total} KB gzip, within the budget of ${INITIAL_JS_BUDGET_KB} KB.`);
