import { withScreenMessages } from '../i18n';
import { later, preloadAll } from '../ui/later';

/*
 * The top bar's and the shell's parts that are not needed to paint the door (the lead's
 * alert, the device-health chip and watchers, the thermometer's chip, the sync chip, the
 * idle warning, the PIN gate, the ticket-letter clash banner, the shell's background work):
 * their code and messages load once the door has painted (`preloadShell`).
 */
export const IncidentAlert = later(
  () => withScreenMessages(import('./IncidentAlert')),
  'IncidentAlert',
);
export const DeviceHealthWatch = later(
  () => import('./health/DeviceHealthWatch'),
  'DeviceHealthWatch',
);
export const HealthStatus = later(
  () => withScreenMessages(import('./health/HealthStatus')),
  'HealthStatus',
);
export const SyncChip = later(() => import('./SyncChip'), 'SyncChip');
export const ThermometerChip = later(
  () => withScreenMessages(import('./ThermometerChip')),
  'ThermometerChip',
);
export const IdleWarning = later(
  () => withScreenMessages(import('../features/kiosk/IdleWarning')),
  'IdleWarning',
);
export const TicketClashBanner = later(
  () => withScreenMessages(import('./TicketClashBanner')),
  'TicketClashBanner',
);
export const LeadGate = later(
  () => withScreenMessages(import('../features/kiosk/LeadGate')),
  'LeadGate',
);

export const ShellWork = later(() => import('./ShellWork'), 'ShellWork');

/** Loads the code of every part above (call it once the door has painted). */
export function preloadShell() {
  return preloadAll([
    DeviceHealthWatch,
    IncidentAlert,
    HealthStatus,
    ThermometerChip,
    SyncChip,
    IdleWarning,
    LeadGate,
    TicketClashBanner,
    ShellWork,
  ]);
}
