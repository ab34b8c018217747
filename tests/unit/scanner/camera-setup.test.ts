import { describe, expect, it } from 'vitest';
import {
  ADVICE_AFTER_MS,
  cameraAdvice,
  type FrameQuality,
  measureFrame,
  TIES_BEFORE_ADVICE,
  tuningFor,
  videoConstraints,
} from '../../../src/domain/camera-setup';

/** A width×height RGBA frame whose pixel (x, y) has the grey `value(x, y)`. */
function frame(width: number, height: number, value: (x: number, y: number) => number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.fill(value(x, y), i, i + 3);
      data[i + 3] = 255;
    }
  return { width, height, data };
}

const quality = (brightness: number, edges: number, crisp: number): FrameQuality => ({
  brightness,
  contrast: 60,
  edges,
  crisp,
});

describe('the camera the door asks for', () => {
  it('asks for 1280×720 on the chosen side, or the remembered camera exactly', () => {
    expect(videoConstraints('user', null)).toEqual({
      width: { ideal: 1280 },
      height: { ideal: 720 },
      facingMode: 'user',
    });
    expect(videoConstraints('environment', 'cam-2')).toMatchObject({
      deviceId: { exact: 'cam-2' },
    });
    expect(videoConstraints('environment', 'cam-2')).not.toHaveProperty('facingMode');
  });

  it('sets continuous focus, exposure and white balance only where the camera lists them', () => {
    expect(
      tuningFor({
        focusMode: ['manual', 'continuous'],
        exposureMode: ['manual'],
        whiteBalanceMode: ['continuous'],
      }),
    ).toEqual([{ focusMode: 'continuous' }, { whiteBalanceMode: 'continuous' }]);
    expect(tuningFor({})).toEqual([]);
  });

  it('asks a small negative exposure compensation, on the camera’s steps and within its range', () => {
    const range = { min: -2, max: 2, step: 1 / 3 };
    const [only] = tuningFor({ exposureCompensation: range });
    expect(only?.exposureCompensation).toBeCloseTo(-2 / 3);
    expect(tuningFor({ exposureCompensation: { min: -0.5, max: 1 } })).toEqual([
      { exposureCompensation: -0.5 },
    ]);
    // No room below zero, or no range given: nothing asked.
    expect(tuningFor({ exposureCompensation: { min: 0, max: 2, step: 1 } })).toEqual([]);
    expect(tuningFor({ exposureCompensation: {} })).toEqual([]);
  });
});

describe('measuring a frame', () => {
  it('tells a dark frame, a sharp checkerboard and a blurred one apart', () => {
    const dark = measureFrame(frame(320, 240, () => 12));
    expect(dark.brightness).toBeCloseTo(12, 0);
    expect(dark.contrast).toBeCloseTo(0, 5);

    // 6-px modules, as a code 20–40 cm from the camera.
    const sharp = measureFrame(
      frame(320, 240, (x, y) => ((Math.floor(x / 6) + Math.floor(y / 6)) % 2 ? 20 : 235)),
      5,
    );
    expect(sharp.contrast).toBeGreaterThan(90);
    expect(sharp.crisp).toBeGreaterThan(0.1);
    expect(cameraAdvice(ADVICE_AFTER_MS, [sharp])).toBe('aim');

    // A code out of focus: its modules smeared into soft waves, many edges, none steep.
    const blurred = measureFrame(
      frame(
        320,
        240,
        (x, y) => 127 + 100 * Math.sin((2 * Math.PI * x) / 24) * Math.sin((2 * Math.PI * y) / 24),
      ),
    );
    expect(blurred.edges).toBeGreaterThan(0.1);
    expect(cameraAdvice(ADVICE_AFTER_MS, [blurred])).toBe('blurry');

    // A blank white card on a dark phone: strong edges, but few of them.
    const card = measureFrame(
      frame(320, 240, (x, y) => (x > 80 && x < 240 && y > 40 && y < 200 ? 245 : 20)),
    );
    expect(cameraAdvice(ADVICE_AFTER_MS, [card])).toBe('aim');
  });

  it('is zero for an empty frame', () => {
    expect(measureFrame({ width: 0, height: 0, data: [] })).toEqual({
      brightness: 0,
      contrast: 0,
      edges: 0,
      crisp: 0,
    });
  });
});

describe("the guide's advice", () => {
  it('says nothing while codes are being read', () => {
    expect(cameraAdvice(ADVICE_AFTER_MS - 1, [quality(10, 0, 0)])).toBeNull();
  });

  it('after a few seconds without a read: too dark, blurred, or how to hold the phone', () => {
    const after = ADVICE_AFTER_MS;
    expect(cameraAdvice(after, [])).toBe('aim');
    expect(cameraAdvice(after, [quality(30, 0.3, 0), quality(45, 0.3, 0)])).toBe('too-dark');
    expect(cameraAdvice(after, [quality(120, 0.3, 0.02)])).toBe('blurry');
    // An empty, smooth hall is not "blurred": there is no pattern in view.
    expect(cameraAdvice(after, [quality(120, 0.02, 0)])).toBe('aim');
    expect(cameraAdvice(after, [quality(120, 0.3, 0.2)])).toBe('aim');
  });

  it('at once, after a few frames with two codes too alike to choose: only one code', () => {
    expect(cameraAdvice(0, [], TIES_BEFORE_ADVICE)).toBe('one-code');
    expect(cameraAdvice(0, [], TIES_BEFORE_ADVICE - 1)).toBeNull();
    expect(cameraAdvice(ADVICE_AFTER_MS, [quality(120, 0.3, 0.2)], TIES_BEFORE_ADVICE)).toBe(
      'one-code',
    );
  });
});
