/**
 * What the tablet can do, checked once at setup: a camera for the code scans, voices
 * for calling queue numbers. (Storage persistence was asked for at start-up.)
 */
import { type CameraProblem, cameraProblem } from '../../domain/camera';

export type CameraCheck = 'available' | CameraProblem;

/** Lists the cameras without opening one (no permission prompt). */
export async function findCamera(): Promise<CameraCheck> {
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.enumerateDevices) return 'unsupported';
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((d) => d.kind === 'videoinput') ? 'available' : 'no-camera';
  } catch (e) {
    return cameraProblem(e);
  }
}

/** Opens the camera once and closes it: asks for the permission now, not at the door. */
export async function openCamera(): Promise<CameraCheck> {
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    for (const track of stream.getTracks()) track.stop();
    return 'available';
  } catch (e) {
    return cameraProblem(e);
  }
}

export type VoiceCheck = 'chinese' | 'no-chinese' | 'none' | 'unsupported';

/** Voices load late in some browsers: wait for them a moment. */
export async function checkVoices(waitMs = 1500): Promise<VoiceCheck> {
  if (typeof speechSynthesis === 'undefined') return 'unsupported';
  let voices = speechSynthesis.getVoices();
  if (voices.length === 0) {
    voices = await new Promise<SpeechSynthesisVoice[]>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(speechSynthesis.getVoices());
      };
      const timer = setTimeout(done, waitMs);
      speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    });
  }
  if (voices.length === 0) return 'none';
  return voices.some((v) => v.lang.toLowerCase().startsWith('zh')) ? 'chinese' : 'no-chinese';
}
