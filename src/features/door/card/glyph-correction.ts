/**
 * One glyph read wrong, put right by the number's own check character: when the best
 * guesses spell a number that fails its checks, each place whose runner-up scored
 * within `margin` of its best is tried with the runner-up instead. Only a single such
 * change that makes a valid number is taken: two or more, and which one is right is a
 * guess, so nothing. The frames must still agree before anything is offered
 * (offerCardNumber), so a correction that is wrong on one frame is not offered.
 */
import type { GlyphGuess } from './glyph-classifier';

/** How close a runner-up must have scored (normalised correlation) to be tried. */
export const CORRECTION_MARGIN = 0.08;

export function correctedNumber(
  guesses: readonly (readonly GlyphGuess[])[],
  valid: (candidate: string) => boolean,
  margin: number = CORRECTION_MARGIN,
): string | null {
  const best = guesses.map((g) => g[0]?.char ?? '?');
  const text = best.join('');
  if (valid(text)) return text;
  const fixes = new Set<string>();
  for (const [i, ranked] of guesses.entries()) {
    const top = ranked[0];
    if (!top) continue;
    for (const alternative of ranked.slice(1)) {
      if (top.score - alternative.score > margin) break;
      const candidate = [...best.slice(0, i), alternative.char, ...best.slice(i + 1)].join('');
      if (valid(candidate)) fixes.add(candidate);
    }
  }
  return fixes.size === 1 ? ([...fixes][0] ?? null) : null;
}
