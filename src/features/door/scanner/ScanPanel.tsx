import { type ReactNode, Suspense, useRef } from 'react';
import type { ColourReading } from '../../../domain/codes/code-colour';
import { withScreenMessages } from '../../../i18n';
import { useFirstScreen } from '../../../services/first-screen';
import { later } from '../../../ui/later';
import { useWedgeScanner } from './use-wedge-scanner';

export type ScanSource = 'camera' | 'wedge';

/** The camera's code (and html5-qrcode's) loads once the door has painted, not before. */
export const CameraPanel = later(() => withScreenMessages(import('./CameraPanel')), 'CameraPanel');

/**
 * The scan area of a scan step: the handheld scanner's keyboard input, listened to from the
 * moment the step shows (a scan typed as the door opens is not lost while the camera's code
 * loads), and the camera (./CameraPanel).
 */
export function ScanPanel({
  title,
  onScan,
  children,
}: {
  title: string;
  /** `colour`: the code's colour as the camera read it (never from a handheld scanner). */
  onScan: (text: string, source: ScanSource, colour?: ColourReading) => void;
  children?: ReactNode;
}) {
  const latest = useRef(onScan);
  latest.current = onScan;
  useWedgeScanner((text) => latest.current(text, 'wedge'));
  // At a start the camera waits for the door's first screen (it sits beside the list).
  const started = useFirstScreen((s) => s.shown);
  if (!started) return null;
  return (
    <Suspense fallback={null}>
      <CameraPanel title={title} onScan={(text, colour) => latest.current(text, 'camera', colour)}>
        {children}
      </CameraPanel>
    </Suspense>
  );
}
