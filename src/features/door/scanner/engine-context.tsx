import { createContext, useContext } from 'react';
import type { CameraEngine } from './camera-engine';
import { html5Engine } from './html5-engine';

/** The camera engine the scan panels use: html5-qrcode, or a fake in tests. */
export const CameraEngineContext = createContext<CameraEngine>(html5Engine());

export function useCameraEngine(): CameraEngine {
  return useContext(CameraEngineContext);
}
