/**
 * Which camera the door uses (a setting). Its own module: the settings are on the door's
 * first paint, the rest of the camera's set-up (camera-setup.ts) loads with the camera.
 */
export type CameraFacing = 'user' | 'environment';

/** The front camera: the tablet faces the visitor, who holds the phone up to it. */
export const DEFAULT_FACING: CameraFacing = 'user';
