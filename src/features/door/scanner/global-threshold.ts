/**
 * One threshold for the whole picture, as ZXing's GlobalHistogramBinarizer chooses it:
 * a 32-bucket histogram of four rows across the middle three fifths, its tallest peak,
 * the second peak furthest from it (by distance² × height), and a low valley between,
 * nearer the light peak. The ponyfill's own binariser is local (a threshold per 8×8
 * block from its neighbourhood): on a code with a picture blended
 * into its modules, or a photo with soft module edges, each block's threshold follows
 * the picture and the modules break up; a single threshold keeps them whole (the public
 * corpus: qrcode-2/12, qrcode-2/13 and qrcode-4/09, read by no other pass).
 */

const BUCKET_SHIFT = 3;
const BUCKETS = 256 >> BUCKET_SHIFT;

/** The histogram of the four sampled rows, in 32 buckets. */
function rowHistogram(plane: ArrayLike<number>, w: number, h: number): Uint32Array {
  const histogram = new Uint32Array(BUCKETS);
  for (let row = 1; row < 5; row++) {
    const y = Math.floor((h * row) / 5);
    const right = Math.floor((w * 4) / 5);
    for (let x = Math.floor(w / 5); x < right; x++) {
      const bucket = (plane[y * w + x] ?? 0) >> BUCKET_SHIFT;
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
  }
  return histogram;
}

/** The level (0–255) below which a pixel is dark; null when the rows show only one peak. */
export function globalBlackPoint(plane: ArrayLike<number>, w: number, h: number): number | null {
  const histogram = rowHistogram(plane, w, h);
  let first = 0;
  let tallest = 0;
  for (let x = 0; x < BUCKETS; x++) {
    if ((histogram[x] ?? 0) > (histogram[first] ?? 0)) first = x;
    tallest = Math.max(tallest, histogram[x] ?? 0);
  }
  let second = 0;
  let secondScore = 0;
  for (let x = 0; x < BUCKETS; x++) {
    const score = (histogram[x] ?? 0) * (x - first) ** 2;
    if (score > secondScore) {
      second = x;
      secondScore = score;
    }
  }
  const [dark, light] = first < second ? [first, second] : [second, first];
  // One peak only, or two too close together: no dark and light to part (a blank wall).
  if (secondScore === 0 || light - dark <= BUCKETS / 16) return null;
  let valley = light - 1;
  let valleyScore = -1;
  for (let x = light - 1; x > dark; x--) {
    const fromDark = x - dark;
    const score = fromDark * fromDark * (light - x) * (tallest - (histogram[x] ?? 0));
    if (score > valleyScore) {
      valley = x;
      valleyScore = score;
    }
  }
  const black = valley << BUCKET_SHIFT;
  return black > 0 ? black : null;
}

/** Each pixel of the plane set to 0 or 255 by the global black point, in place. */
export function thresholdGlobally(plane: Uint8ClampedArray, w: number, h: number): boolean {
  const black = globalBlackPoint(plane, w, h);
  if (black === null) return false;
  for (let i = 0; i < plane.length; i++) plane[i] = (plane[i] ?? 0) <= black ? 0 : 255;
  return true;
}
