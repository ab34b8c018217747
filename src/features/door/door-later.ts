import { later, preloadAll } from '../../ui/later';

/*
 * What the door shows only once a visit is under way, or once there is something to show
 * (a verdict, a closure, a draft, a resting visitor, the camera): its code loads as the
 * door paints (`preloadDoor`), not before it (the door's budget, docs/benchmarks.md).
 */
export const MaskHandsStep = later(() => import('./MaskHandsStep'), 'MaskHandsStep');
export const TemperatureStep = later(() => import('./TemperatureStep'), 'TemperatureStep');
export const IdentityStep = later(() => import('./IdentityStep'), 'IdentityStep');
export const CodesStep = later(() => import('./CodesStep'), 'CodesStep');
export const WalkInStep = later(() => import('./WalkInStep'), 'WalkInStep');
export const OutcomeCard = later(() => import('./OutcomeCard'), 'OutcomeCard');
export const ComeBackCard = later(() => import('./ComeBackCard'), 'ComeBackCard');
export const ClosureNotice = later(() => import('./ClosureNotice'), 'ClosureNotice');
export const ScanPanel = later(() => import('./scanner/ScanPanel'), 'ScanPanel');
export const DraftList = later(() => import('./DraftList'), 'DraftList');
export const RestingList = later(() => import('./RestingList'), 'RestingList');

/** Loads the code of every part of the door above (call it once the door has painted). */
export function preloadDoor() {
  return preloadAll([
    MaskHandsStep,
    TemperatureStep,
    IdentityStep,
    CodesStep,
    WalkInStep,
    OutcomeCard,
    ComeBackCard,
    ClosureNotice,
    ScanPanel,
    DraftList,
    RestingList,
  ]);
}
