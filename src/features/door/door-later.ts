import { withScreenMessages } from '../../i18n';
import { later, preloadAll } from '../../ui/later';
import { CameraPanel } from './scanner/ScanPanel';

/*
 * What the door shows only once a visit is under way, or once there is something to show
 * (a verdict, a closure, a draft, a resting visitor, the camera): its code loads as the
 * door paints (`preloadDoor`), with their messages, not before it (the door's budget,
 * docs/benchmarks.md).
 */
export const MaskHandsStep = later(
  () => withScreenMessages(import('./MaskHandsStep')),
  'MaskHandsStep',
);
export const TemperatureStep = later(
  () => withScreenMessages(import('./TemperatureStep')),
  'TemperatureStep',
);
export const IdentityStep = later(
  () => withScreenMessages(import('./IdentityStep')),
  'IdentityStep',
);
export const CheckStep = later(() => withScreenMessages(import('./CheckStep')), 'CheckStep');
export const CodesStep = later(() => withScreenMessages(import('./CodesStep')), 'CodesStep');
export const WalkInStep = later(() => withScreenMessages(import('./WalkInStep')), 'WalkInStep');
export const DoorOccupancy = later(() => import('./DoorOccupancy'), 'DoorOccupancy');
export const OutcomeCard = later(() => withScreenMessages(import('./OutcomeCard')), 'OutcomeCard');
export const ComeBackCard = later(
  () => withScreenMessages(import('./ComeBackCard')),
  'ComeBackCard',
);
export const ClosureNotice = later(
  () => withScreenMessages(import('./ClosureNotice')),
  'ClosureNotice',
);
export const DraftList = later(() => withScreenMessages(import('./DraftList')), 'DraftList');
export const RestingList = later(() => withScreenMessages(import('./RestingList')), 'RestingList');
export const LowStockLine = later(
  () => withScreenMessages(import('./LowStockLine')),
  'LowStockLine',
);

/** Loads the code of every part of the door above (call it once the door has painted). */
export function preloadDoor() {
  return preloadAll([
    MaskHandsStep,
    TemperatureStep,
    IdentityStep,
    CodesStep,
    CheckStep,
    WalkInStep,
    OutcomeCard,
    ComeBackCard,
    ClosureNotice,
    CameraPanel,
    DoorOccupancy,
    DraftList,
    RestingList,
    LowStockLine,
  ]);
}
