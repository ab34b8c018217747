import type { Language } from '../../db/settings';
import { type PinProblem, pinProblem } from '../../domain/pin';
import { isHttpUrl } from '../../domain/url';

export interface SetupForm {
  hallName: string;
  entrance: string;
  deviceName: string;
  language: Language;
  pin: string;
  pinConfirm: string;
  serverUrl: string;
}

export type SetupProblems = {
  hallName?: 'required';
  entrance?: 'required';
  deviceName?: 'required';
  pin?: PinProblem;
  pinConfirm?: 'mismatch';
  serverUrl?: 'url';
};

/** What stops setup from finishing; an empty object when nothing does. */
export function validateSetup(form: SetupForm): SetupProblems {
  const problems: SetupProblems = {};
  if (!form.hallName.trim()) problems.hallName = 'required';
  if (!form.entrance.trim()) problems.entrance = 'required';
  if (!form.deviceName.trim()) problems.deviceName = 'required';
  const pin = pinProblem(form.pin);
  if (pin) problems.pin = pin;
  else if (form.pin !== form.pinConfirm) problems.pinConfirm = 'mismatch';
  if (form.serverUrl.trim() && !isHttpUrl(form.serverUrl.trim())) problems.serverUrl = 'url';
  return problems;
}
