import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../domain/ledger';

/** Why a visit did not end admitted, in words: a refusal's reason or an abandonment's. */
export function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: LedgerRow['reason']): string => {
      if (!reason) return '';
      if (reason === 'no-show') return t('lead.noShow');
      return reason === 'left' || reason === 'refused-measures' || reason === 'discarded-draft'
        ? t(`door.outcome.abandonReasons.${reason}`)
        : t(`log.reasons.${reason}`);
    },
    [t],
  );
}
