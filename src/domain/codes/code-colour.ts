/**
 * The colour of a health code's modules, read from a camera frame: green, yellow, red,
 * or black (a plain code of an unknown issuer). Offered to staff for one confirming tap,
 * never decided alone; `null` when the pixels do not tell it with a margin.
 *
 * The card's white corrects the camera's white balance (von Kries: each channel of the
 * dark modules divided by the light's), so a tungsten-lit card and a daylight one give
 * the same hue. Then hue and chroma decide. The green/yellow boundary is drawn on the
 * green side, far from any yellow: saying green for a yellow or red code would wave a
 * person through, so a doubtful chartreuse is `null`, never green.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface ColourReading {
  colour: SeenColour | null;
  /**
   * How far the reading is from the nearest other class (0: on a boundary), in units of
   * the margin the rule asks at that boundary: below 1 the colour is `null`.
   */
  margin: number;
  /**
   * The class the reading lies in whatever its margin (absent when nothing was measured:
   * too dark, too little contrast, no hue of a code): how a doubtful reading leans, for
   * a second witness to confirm (colour-witnesses.ts), never offered alone.
   */
  lean?: SeenColour | null;
}

export const SEEN_COLOURS = ['green', 'yellow', 'red', 'black'] as const;
export type SeenColour = (typeof SEEN_COLOURS)[number];

/**
 * Hue bands (degrees, white-balanced), each from its `from` boundary to the next band's,
 * with the distance (`margin`) a reading must keep from that boundary, on either side.
 * Issued colours (issue-20 brief): green ≈ rgb(0,160,60)–(40,170,80), hue ~141°;
 * yellow ≈ (250,200,0)–(255,180,0), hue 42–48°; red ≈ (220,30,30)–(230,0,18), hue 355–0°.
 * Yellow is certain up to 75°, green only from 105°: the chartreuse between is nobody's.
 * Hues 200–300° (cyan to violet) are no health code's colour.
 */
const HUE_BANDS: readonly { colour: SeenColour | null; from: number; margin: number }[] = [
  { colour: 'red', from: 300, margin: 15 },
  { colour: 'yellow', from: 20, margin: 7 },
  { colour: 'green', from: 90, margin: 15 },
  { colour: null, from: 200, margin: 15 },
];

/** Chroma (max − min channel, white = 1) parting a black code from a coloured one. */
const BLACK_CHROMA = { boundary: 0.15, margin: 0.05 };
/** Below this, dark and light modules are too alike (a dim or washed-out frame). */
const MIN_CONTRAST = 0.3;
/** The light's weakest channel below this (of 255): too dark to correct its balance. */
const MIN_LIGHT = 24;

const UNREAD: ColourReading = { colour: null, margin: 0 };

function hueOf(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  const sector =
    max === r ? (g - b) / chroma : max === g ? 2 + (b - r) / chroma : 4 + (r - g) / chroma;
  return (sector * 60 + 360) % 360;
}

/** Angular distance from `hue` to the band boundary at `at`. */
function hueDistance(hue: number, at: number): number {
  const d = Math.abs(hue - at) % 360;
  return Math.min(d, 360 - d);
}

function bandOf(hue: number): ColourReading {
  for (const [i, band] of HUE_BANDS.entries()) {
    const next = HUE_BANDS[(i + 1) % HUE_BANDS.length];
    if (!next) break;
    const width = (next.from - band.from + 360) % 360;
    if ((hue - band.from + 360) % 360 < width) {
      const margin = Math.min(
        hueDistance(hue, band.from) / band.margin,
        hueDistance(hue, next.from) / next.margin,
      );
      return { colour: margin >= 1 ? band.colour : null, margin, lean: band.colour };
    }
  }
  return UNREAD;
}

export function classifyCodeColour(dark: Rgb, light: Rgb): ColourReading {
  if (Math.min(light.r, light.g, light.b) < MIN_LIGHT) return UNREAD;
  const r = dark.r / light.r;
  const g = dark.g / light.g;
  const b = dark.b / light.b;
  const min = Math.min(r, g, b);
  if (1 - min < MIN_CONTRAST) return UNREAD;
  const chroma = Math.max(r, g, b) - min;
  const fromBlack = Math.abs(chroma - BLACK_CHROMA.boundary) / BLACK_CHROMA.margin;
  if (chroma < BLACK_CHROMA.boundary) {
    return { colour: fromBlack >= 1 ? 'black' : null, margin: fromBlack, lean: 'black' };
  }
  const band = bandOf(hueOf(r, g, b));
  const margin = Math.min(band.margin, fromBlack);
  return { colour: margin >= 1 ? band.colour : null, margin, lean: band.lean ?? null };
}
