import { useCallback } from 'react';
import { useDeviceHealth } from '../../services/health/use-device-health';
import { useServices } from '../../services/services';

/**
 * The device-health watchers (network, storage, clock) and the recording of each problem:
 * rendered by the shell once its code has loaded, after the door paints. Problems raised
 * before then wait in the health store and are recorded as it starts.
 */
export function DeviceHealthWatch() {
  const { log, now, clock } = useServices();
  const observeClock = useCallback((ms: number) => clock.observe(ms), [clock]);
  useDeviceHealth(log, now, observeClock);
  return null;
}
