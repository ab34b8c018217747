/**
 * The one place an `Html5Qrcode` is made, for the camera and for still images alike,
 * so both read with the same formats and the same decoder choice (decoder-setup.ts
 * must have run first: html5-qrcode picks its decoder in the constructor).
 */
import type { Html5Qrcode } from 'html5-qrcode';
import { type DecoderKind, prepareDecoder } from './decoder-setup';

export type DecoderChoice = 'auto' | 'zxing-js';

let elementCount = 0;

export async function createReader(
  element: HTMLElement,
  choice: DecoderChoice = 'auto',
): Promise<{ reader: Html5Qrcode; decoder: DecoderKind }> {
  const [{ Html5Qrcode, Html5QrcodeSupportedFormats }, decoder] = await Promise.all([
    import('html5-qrcode'),
    choice === 'zxing-js' ? ('zxing-js' as const) : prepareDecoder(),
  ]);
  element.id ||= `scanner-${++elementCount}`;
  const reader = new Html5Qrcode(element.id, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    useBarCodeDetectorIfSupported: decoder !== 'zxing-js',
  });
  return { reader, decoder };
}
