import { useCallback } from 'react';
import { useServices } from '../../app/services';
import type { DeviceEventBody } from '../../domain/events';

type LeadAction = Extract<DeviceEventBody, { type: `lead.${string}` }>;

/** Records what the lead did with personal data, as a device event by 'lead', now. */
export function useLeadAudit() {
  const { log, now } = useServices();
  return useCallback(
    (action: LeadAction) => log.recordDevice({ ...action, at: now(), actor: 'lead' }),
    [log, now],
  );
}
