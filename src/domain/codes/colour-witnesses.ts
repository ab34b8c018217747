/**
 * Two witnesses of a health code's colour: its modules, and the coloured ring or frame a
 * provincial card draws round the code in the same colour. Pure, and no looser than the
 * rule in code-colour.ts: the ring never names a colour the modules do not lean to.
 *  - no ring found (or a ring of no code's colour): the modules alone;
 *  - both sure and alike: that colour, with the larger margin;
 *  - both sure and different: split, `null` (a black code in a green frame, a bloom that
 *    tinted one of them);
 *  - the modules doubtful (margin under 1, a logo's colours or a clipped channel between
 *    two classes) but leaning, by at least `LEAN_MARGIN`, to the colour the ring is sure
 *    of: that colour. Leaning elsewhere, or not at all: `null`.
 * A red or yellow code is read green only if both witnesses see green: each alone is
 * never green for it (code-colour's property test), so together neither.
 */
import type { ColourReading } from './code-colour';

/** How far (in the rule's margins) doubtful modules must lean for the ring to confirm. */
export const LEAN_MARGIN = 0.35;

export function combineWitnesses(
  modules: ColourReading,
  ring: ColourReading | null,
): ColourReading {
  if (!ring || ring.colour === null) return modules;
  if (modules.colour !== null) {
    return modules.colour === ring.colour
      ? { ...modules, margin: Math.max(modules.margin, ring.margin) }
      : { colour: null, margin: 0, lean: null };
  }
  if (modules.lean === ring.colour && modules.margin >= LEAN_MARGIN)
    return { colour: ring.colour, margin: 1, lean: ring.colour };
  return modules;
}
