import { useCallback } from 'react';
import type { DeviceEventBody } from '../../domain/events';
import { useServices } from '../../services/services';

type LeadAction = Extract<DeviceEventBody, { type: `lead.${string}` }>;

/** Records what the lead did with personal data, as a device event by 'lead', now. */
export function useLeadAudit() {
  const { log, now } = useServices();
  return useCallback(
    (action: LeadAction) => log.recordDevice({ ...action, at: now(), actor: 'lead' }),
    [log, now],
  );
}
