/**
 * Reads a QR code from a still image through the app's decoder: the same Html5Qrcode
 * and decoder choice as the camera (html5-reader.ts); html5-qrcode then tries the
 * BarcodeDetector first and its zxing-js decoder second. Used by the conformance test
 * over public QR photographs and by the benchmark.
 */
import type { DecoderKind } from './decoder-setup';
import { createReader, type DecoderChoice } from './html5-reader';

export interface ImageReading {
  text: string | null;
  /** Which decoder answered ('BarcodeDetector' or 'zxing-js'), or '' when none did. */
  decoderName: string;
  installed: DecoderKind;
}

export async function decodeImage(
  image: Blob,
  choice: DecoderChoice = 'auto',
): Promise<ImageReading> {
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-10000px;width:600px;height:600px';
  document.body.append(host);
  const { reader, decoder } = await createReader(host, choice);
  try {
    const file = new File([image], 'image', { type: image.type });
    const result = await reader.scanFileV2(file, false);
    return {
      text: result.decodedText,
      decoderName: result.result.debugData?.decoderName ?? '',
      installed: decoder,
    };
  } catch {
    return { text: null, decoderName: '', installed: decoder };
  } finally {
    reader.clear();
    host.remove();
  }
}
