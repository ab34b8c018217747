/** A seeded generator of numbers in [0, 1) (an LCG): the benches' images repeat exactly. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Normal noise (Box-Muller) of standard deviation `sigma`. */
export function gaussian(random: () => number, sigma: number): number {
  return Math.sqrt(-2 * Math.log(random() + 1e-9)) * Math.cos(2 * Math.PI * random()) * sigma;
}

/** A number in [min, max). */
export function between(random: () => number, [min, max]: readonly [number, number]): number {
  return min + (max - min) * random();
}
