import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCodeColour, type Rgb } from '../../../src/domain/codes/code-colour';
import { combineWitnesses, LEAN_MARGIN } from '../../../src/domain/codes/colour-witnesses';
import { camera, redCode, rgb, seen, yellowCode } from '../../fixtures/camera-colours';

const WHITE = rgb(250, 250, 250);
const sure = (colour: 'green' | 'yellow' | 'red' | 'black', margin = 1.5) => ({
  colour,
  margin,
  lean: colour,
});

describe('combineWitnesses: the modules and the ring round the code', () => {
  it('without a ring, or with a ring of no code’s colour, the modules alone decide', () => {
    const doubtful = { colour: null, margin: 0.6, lean: 'yellow' as const };
    expect(combineWitnesses(doubtful, null)).toEqual(doubtful);
    expect(combineWitnesses(sure('red'), { colour: null, margin: 0.2, lean: 'yellow' })).toEqual(
      sure('red'),
    );
  });

  it('two sure witnesses alike give that colour; different, nothing', () => {
    expect(combineWitnesses(sure('yellow', 1.2), sure('yellow', 3))).toMatchObject({
      colour: 'yellow',
      margin: 3,
    });
    expect(combineWitnesses(sure('black'), sure('green')).colour).toBeNull();
    expect(combineWitnesses(sure('red'), sure('yellow')).colour).toBeNull();
  });

  it('doubtful modules leaning to the colour the ring is sure of: that colour', () => {
    // A red code whose red channel clipped: hue 17°, inside the red/yellow margin.
    const clipped = classifyCodeColour(rgb(255, 97, 40), WHITE);
    expect(clipped.colour).toBeNull();
    expect(clipped.lean).toBe('red');
    expect(clipped.margin).toBeGreaterThanOrEqual(LEAN_MARGIN);
    expect(combineWitnesses(clipped, classifyCodeColour(rgb(230, 20, 30), WHITE)).colour).toBe(
      'red',
    );
    // Leaning elsewhere, or barely leaning: still nothing.
    expect(combineWitnesses(clipped, sure('yellow')).colour).toBeNull();
    expect(combineWitnesses({ colour: null, margin: 0.1, lean: 'red' }, sure('red')).colour).toBe(
      null,
    );
    // Nothing measured (too dark, too little contrast): a ring alone is no second witness.
    expect(combineWitnesses({ colour: null, margin: 0 }, sure('green')).colour).toBeNull();
  });
});

describe('combineWitnesses: never green for a red or yellow code, ring and all', () => {
  const anyColour = fc.record({
    r: fc.integer({ min: 0, max: 255 }),
    g: fc.integer({ min: 0, max: 255 }),
    b: fc.integer({ min: 0, max: 255 }),
  });
  /** The modules and the ring, each seen by the camera and balanced against the card. */
  const neverGreen = (code: Rgb, ring: Rgb, k: Rgb) => {
    const white = seen(WHITE, k);
    const reading = combineWitnesses(
      classifyCodeColour(seen(code, k), white),
      classifyCodeColour(seen(ring, k), white),
    );
    expect(reading.colour).not.toBe('green');
  };
  const redOrYellow = fc.oneof(redCode, yellowCode);

  it('with the ring in the code’s own colour (drawn a little differently), seen by the same camera', () => {
    fc.assert(fc.property(redOrYellow, redOrYellow, camera, neverGreen), { numRuns: 3000 });
  });

  it('and with a ring of any colour at all round it (a green case, a sticker)', () => {
    fc.assert(fc.property(redOrYellow, anyColour, camera, neverGreen), { numRuns: 3000 });
  });
});
