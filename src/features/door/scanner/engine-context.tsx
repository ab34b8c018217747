import { createContext, useContext } from 'react';
import type { CameraEngine } from './camera-engine';
import { frameEngine } from './frame-engine';

/** The camera engine the scan panels use: the door's frame engine, or a fake in tests. */
export const CameraEngineContext = createContext<CameraEngine>(frameEngine());

export function useCameraEngine(): CameraEngine {
  return useContext(CameraEngineContext);
}
