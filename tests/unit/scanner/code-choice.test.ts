import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CodeCandidate,
  chooseCode,
  offCentre,
  sideOf,
  type Viewfinder,
} from '../../../src/features/door/scanner/code-choice';

const VIEW: Viewfinder = { x: 0, y: 0, width: 576, height: 576 };

function code(text: string, cx: number, cy: number, side: number, light: number, coloured = false) {
  const h = side / 2;
  return {
    text,
    corners: [
      { x: cx - h, y: cy - h },
      { x: cx + h, y: cy - h },
      { x: cx + h, y: cy + h },
      { x: cx - h, y: cy + h },
    ],
    light,
    coloured,
  } satisfies CodeCandidate;
}

describe('chooseCode: the code staff aimed at', () => {
  it('measures a quad’s side and its distance from the centre', () => {
    expect(sideOf(code('a', 0, 0, 100, 0).corners)).toBeCloseTo(100);
    expect(offCentre(code('a', 288, 288, 50, 0).corners, VIEW)).toBe(0);
    expect(offCentre(code('a', 576, 288, 50, 0).corners, VIEW)).toBeCloseTo(1);
  });

  it('takes a lone code, and reads nothing from an empty frame', () => {
    const one = code('HC:1', 100, 120, 80, 200);
    expect(chooseCode([one], VIEW)).toMatchObject({ kind: 'chosen', code: one });
    expect(chooseCode([], VIEW)).toEqual({ kind: 'none' });
  });

  it('takes the phone held centred over a larger poster code beside it, in any order', () => {
    const phone = code('HC:visitor', 300, 280, 140, 235, true);
    const poster = code('https://csm.example/place', 520, 260, 200, 150);
    for (const order of [
      [phone, poster],
      [poster, phone],
    ]) {
      expect(chooseCode(order, VIEW)).toMatchObject({ kind: 'chosen', code: phone });
    }
  });

  it('takes a code lying wholly inside another’s quad: it is in front of it, in any order', () => {
    // A "double QR" (a small code printed inside a large one), or a phone held over a
    // poster's code: the larger, centred and as light, would win on score alone.
    const outer = code('https://d-qr.example/outer', 288, 288, 400, 240);
    const inner = code('inner', 300, 290, 90, 240);
    for (const order of [
      [outer, inner],
      [inner, outer],
    ]) {
      expect(chooseCode(order, VIEW)).toMatchObject({ kind: 'chosen', code: inner });
    }
    // Overlapping only in part, the score decides as before.
    const beside = code('beside', 470, 288, 90, 240);
    expect(chooseCode([outer, beside], VIEW)).toMatchObject({ kind: 'chosen', code: outer });
  });

  it('reads nothing when two different payloads are alike in place, size and light', () => {
    const left = code('HC:a', 200, 288, 150, 230);
    const right = code('HC:b', 376, 288, 150, 230);
    expect(chooseCode([left, right], VIEW)).toMatchObject({ kind: 'tie' });
  });

  it('is never a tie for one payload listed twice (two passes, or the detector)', () => {
    const a = code('HC:a', 200, 288, 150, 230);
    const b = code('HC:a', 376, 288, 150, 230);
    expect(chooseCode([a, b], VIEW)).toMatchObject({ kind: 'chosen' });
  });

  it('reads nothing from an off-centre paper code while a lit screen at the centre is unread', () => {
    const poster = code('https://csm.example/place', 520, 280, 150, 140);
    expect(chooseCode([poster], { ...VIEW, centreLight: 240 })).toEqual({ kind: 'none' });
    // Nothing lit at the centre (an empty hall): the code is read.
    expect(chooseCode([poster], { ...VIEW, centreLight: 90 })).toMatchObject({ kind: 'chosen' });
  });

  const candidate = fc.record({
    text: fc.constantFrom('A', 'B', 'C', 'D'),
    cx: fc.double({ min: 0, max: 576, noNaN: true }),
    cy: fc.double({ min: 0, max: 576, noNaN: true }),
    side: fc.double({ min: 40, max: 400, noNaN: true }),
    light: fc.double({ min: 0, max: 255, noNaN: true }),
    coloured: fc.boolean(),
  });
  type Drawn = typeof candidate extends fc.Arbitrary<infer T> ? T : never;
  const toCode = (c: Drawn) => code(c.text, c.cx, c.cy, c.side, c.light, c.coloured);

  it('property: the detector’s order never decides, and only a listed payload is chosen', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 5 }), (list) => {
        const codes = list.map(toCode);
        const forward = chooseCode(codes, VIEW);
        const backward = chooseCode([...codes].reverse(), VIEW);
        expect(backward.kind).toBe(forward.kind);
        if (forward.kind === 'chosen' && backward.kind === 'chosen') {
          expect(backward.code.text).toBe(forward.code.text);
          expect(codes.map((c) => c.text)).toContain(forward.code.text);
        }
      }),
    );
  });

  it('property: a lit screen near the centre beats an off-centre code in paper light, at any size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 200, max: 255, noNaN: true }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        fc.double({ min: 0.55, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.7, noNaN: true }),
        fc.double({ min: 60, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (screenLight, near, far, paperShare, posterSide, angle) => {
          const reach = 288;
          const phone = code('HC:visitor', 288 + near * reach, 288, posterSide * 0.5, screenLight);
          const poster = code(
            'PLACE',
            288 + far * reach * Math.cos(angle),
            288 + far * reach * Math.sin(angle),
            posterSide,
            screenLight * paperShare,
          );
          const choice = chooseCode([poster, phone], { ...VIEW, centreLight: screenLight });
          expect(choice.kind === 'chosen' && choice.code.text).toBe('HC:visitor');
        },
      ),
    );
  });
});
