import { beforeEach, describe, expect, it } from 'vitest';
import {
  cameraPasses,
  DECODE_PASSES,
  decodeFrame,
  LATE_PASSES,
  readFrame,
} from '../../../src/features/door/scanner/frame-decoder';
import type { FrameDetector, FramePoint } from '../../../src/features/door/scanner/frame-reading';
import { paintChecker, solidFrame, stubImageData } from '../../fixtures/frames';

beforeEach(stubImageData);

interface Seen {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A detector that keeps a copy of every picture it is shown and answers from `answer`. */
function fakeDetector(answer: (image: Seen, call: number) => FramePoint[] | null) {
  const seen: Seen[] = [];
  const detector: FrameDetector = {
    async detect(image) {
      const copy = { width: image.width, height: image.height, data: image.data.slice() };
      seen.push(copy);
      const corners = answer(copy, seen.length - 1);
      return corners ? [{ rawValue: 'HC:1', cornerPoints: corners }] : [];
    },
  };
  return { detector, seen };
}

const square = (x: number, y: number, side: number): FramePoint[] => [
  { x, y },
  { x: x + side, y },
  { x: x + side, y: y + side },
  { x, y: y + side },
];

const asImage = (frame: ReturnType<typeof solidFrame>) => frame as unknown as ImageData;

describe('decodeFrame: the min-channel pass', () => {
  it('shows the detector each pixel’s weakest channel, so yellow on white is black', async () => {
    const frame = solidFrame(4, 1, { r: 250, g: 200, b: 0 });
    frame.data.set([255, 255, 255, 255, 0, 160, 60, 255], 8);
    const { detector, seen } = fakeDetector(() => null);
    await decodeFrame(detector, asImage(frame), { passes: ['min-channel'] });
    expect([...(seen[0]?.data ?? [])]).toEqual([
      0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255,
    ]);
  });

  it('reads a yellow code and its colour from the original pixels', async () => {
    const frame = solidFrame(200, 160, { r: 120, g: 120, b: 125 });
    const corners = paintChecker(frame, {
      centre: { x: 100, y: 80 },
      size: 100,
      modules: 21,
      angle: 0.3,
      dark: { r: 250, g: 195, b: 0 },
      light: { r: 245, g: 245, b: 240 },
    });
    const { detector } = fakeDetector(() => corners);
    const reading = await decodeFrame(detector, asImage(frame));
    expect(reading).toMatchObject({ text: 'HC:1', pass: 'min-channel', corners });
    expect(reading?.colour.colour).toBe('yellow');
  });

  it('looks only inside the region, and maps corners back into the frame', async () => {
    const frame = solidFrame(100, 80, { r: 200, g: 200, b: 200 });
    const { detector, seen } = fakeDetector(() => square(5, 6, 20));
    const reading = await decodeFrame(detector, asImage(frame), {
      region: { x: 30, y: 10, width: 40, height: 50 },
    });
    expect(seen[0]).toMatchObject({ width: 40, height: 50 });
    expect(reading?.corners).toEqual(square(35, 16, 20));
  });

  it('is null when no pass reads, after trying each once (a flat frame: no global cut, whole or halved)', async () => {
    const { detector, seen } = fakeDetector(() => null);
    expect(await decodeFrame(detector, asImage(solidFrame(64, 48, { r: 9, g: 9, b: 9 })))).toBe(
      null,
    );
    expect(seen).toHaveLength(DECODE_PASSES.length - 2);
  });

  it('reads an inverted dark-mode code in its strongest channel, which the weakest blacks out', async () => {
    // Lit green modules on a dark card: in min(R,G,B) both are ~0; in max(R,G,B) 168 vs
    // 30, handed over inverted (87 on 225): dark modules on light, for any detector.
    const frame = solidFrame(40, 40, { r: 28, g: 28, b: 30 });
    frame.data.set([0, 168, 80, 255], (10 * 40 + 10) * 4);
    const { detector, seen } = fakeDetector((image, call) =>
      call === 1 && image.data[(10 * 40 + 10) * 4] === 87 && image.data[0] === 225
        ? square(5, 5, 20)
        : null,
    );
    const reading = await decodeFrame(detector, asImage(frame));
    expect(seen[0]?.data[(10 * 40 + 10) * 4]).toBe(0);
    expect(reading?.pass).toBe('max-channel');
  });
});

describe('decodeFrame: the zoom pass', () => {
  it('upscales the centre half of a large frame 2× and maps corners back', async () => {
    const frame = solidFrame(1280, 720, { r: 128, g: 128, b: 128 });
    const { detector, seen } = fakeDetector((_, call) =>
      call === 2 ? square(100, 200, 80) : null,
    );
    const reading = await decodeFrame(detector, asImage(frame));
    // The centre square: 360 px of the 720 px short side, at (460, 180).
    expect(seen[2]).toMatchObject({ width: 720, height: 720 });
    expect(reading?.pass).toBe('zoom');
    expect(reading?.corners).toEqual(square(460 + 50, 180 + 100, 40));
  });

  it('upscales a small photo whole, 2×, with bilinear tones between its pixels', async () => {
    const frame = solidFrame(2, 1, { r: 0, g: 0, b: 0 });
    frame.data.set([240, 240, 240, 255], 4);
    const { detector, seen } = fakeDetector((_, call) => (call === 2 ? square(2, 0, 2) : null));
    const reading = await decodeFrame(detector, asImage(frame));
    const zoomed = seen[2];
    expect(zoomed).toMatchObject({ width: 4, height: 2 });
    const row = [0, 1, 2, 3].map((x) => zoomed?.data[x * 4]);
    expect(row).toEqual([0, 60, 180, 240]);
    expect(reading?.corners).toEqual(square(1, 0, 1));
  });
});

describe('readFrame: several codes in one frame', () => {
  /** A detector listing several codes (text, corners) in the order given. */
  const listing = (codes: { text: string; corners: FramePoint[] }[]): FrameDetector => ({
    async detect() {
      return codes.map((c) => ({ rawValue: c.text, cornerPoints: c.corners }));
    },
  });

  function hallWithPosterAndPhone() {
    const frame = solidFrame(640, 480, { r: 50, g: 48, b: 46 });
    const poster = paintChecker(frame, {
      centre: { x: 540, y: 240 },
      size: 150,
      modules: 25,
      angle: 0,
      dark: { r: 20, g: 20, b: 22 },
      light: { r: 150, g: 146, b: 135 },
    });
    const phone = paintChecker(frame, {
      centre: { x: 320, y: 240 },
      size: 120,
      modules: 25,
      angle: 0.1,
      dark: { r: 250, g: 196, b: 0 },
      light: { r: 250, g: 250, b: 250 },
    });
    return { frame, poster, phone };
  }

  it('records the phone’s code held centred, never the poster’s listed first', async () => {
    const { frame, poster, phone } = hallWithPosterAndPhone();
    const detector = listing([
      { text: 'PLACE', corners: poster },
      { text: 'HC:visitor', corners: phone },
    ]);
    const outcome = await readFrame(detector, asImage(frame));
    expect(outcome).toMatchObject({ kind: 'read', reading: { text: 'HC:visitor' } });
    if (outcome.kind === 'read') expect(outcome.reading.colour.colour).toBe('yellow');
  });

  it('reads nothing from a poster alone while an unread lit screen fills the centre', async () => {
    const { frame, poster } = hallWithPosterAndPhone();
    const outcome = await readFrame(listing([{ text: 'PLACE', corners: poster }]), asImage(frame));
    expect(outcome).toEqual({ kind: 'none' });
  });

  it('reports a tie for two alike codes of different payloads, and decodeFrame reads nothing', async () => {
    const frame = solidFrame(640, 480, { r: 50, g: 48, b: 46 });
    const look = { size: 120, modules: 25, angle: 0, dark: { r: 20, g: 20, b: 20 } };
    const light = { r: 240, g: 240, b: 240 };
    const a = paintChecker(frame, { ...look, light, centre: { x: 240, y: 240 } });
    const b = paintChecker(frame, { ...look, light, centre: { x: 400, y: 240 } });
    const detector = listing([
      { text: 'HC:a', corners: a },
      { text: 'HC:b', corners: b },
    ]);
    expect(await readFrame(detector, asImage(frame))).toMatchObject({ kind: 'tie' });
    expect(await decodeFrame(detector, asImage(frame))).toBe(null);
  });
});

describe('cameraPasses: the live loop’s passes, frame by frame', () => {
  it('runs every early pass on each frame and the late ones in turn, one a frame', () => {
    const early = DECODE_PASSES.filter((p) => !LATE_PASSES.includes(p));
    const seen = new Set<string>();
    for (let frame = 0; frame < LATE_PASSES.length; frame++) {
      const passes = cameraPasses(frame);
      expect(passes.slice(0, early.length)).toEqual(early);
      expect(passes).toHaveLength(early.length + 1);
      seen.add(passes[passes.length - 1] ?? '');
    }
    expect([...seen].sort()).toEqual([...LATE_PASSES].sort());
    expect(cameraPasses(LATE_PASSES.length)).toEqual(cameraPasses(0));
  });
});
