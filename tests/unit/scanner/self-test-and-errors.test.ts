import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cameraProblem } from '../../../src/domain/camera';
import { cameraPrecondition } from '../../../src/features/door/scanner/camera-errors';
import {
  SELF_TEST_MODULES,
  SELF_TEST_PAYLOAD,
  selfTestPixels,
} from '../../../src/features/door/scanner/self-test-qr';

describe('the decoder self-test image', () => {
  it('is the QR code of its payload', () => {
    const { modules } = QRCode.create(SELF_TEST_PAYLOAD, { errorCorrectionLevel: 'M' });
    const rows = Array.from({ length: modules.size }, (_, r) =>
      Array.from({ length: modules.size }, (_, c) => (modules.get(r, c) ? '1' : '0')).join(''),
    );
    expect(SELF_TEST_MODULES).toEqual(rows);
  });

  it('draws dark modules black inside a white quiet zone', () => {
    const { width, data } = selfTestPixels();
    expect(width).toBe((21 + 8) * 4);
    const at = (x: number, y: number) => data[(y * width + x) * 4];
    expect(at(0, 0)).toBe(255); // quiet zone
    expect(at(16, 16)).toBe(0); // top-left finder corner
    expect(at(16 + 4, 16 + 4)).toBe(255); // finder's white ring
  });
});

describe('camera problems', () => {
  it.each([
    ['Error getting userMedia, error = NotAllowedError: Permission denied', 'denied'],
    [new DOMException('Permission denied', 'NotAllowedError'), 'denied'],
    ['Error getting userMedia, error = NotFoundError: Requested device not found', 'no-camera'],
    [new DOMException('Could not start video source', 'NotReadableError'), 'busy'],
    ['Camera streaming not supported by the browser.', 'unsupported'],
    [new Error('something else'), 'failed'],
    [undefined, 'failed'],
  ])('%s is %s', (error, problem) => {
    expect(cameraProblem(error)).toBe(problem);
  });

  it('knows an insecure page cannot have a camera before asking', () => {
    const page = (secure: boolean, media: unknown) =>
      ({ isSecureContext: secure, navigator: { mediaDevices: media } }) as unknown as Window;
    expect(cameraPrecondition(page(false, { getUserMedia: () => null }))).toBe('insecure');
    expect(cameraPrecondition(page(true, undefined))).toBe('unsupported');
    expect(cameraPrecondition(page(true, { getUserMedia: () => null }))).toBeNull();
  });
});
