import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_COLUMNS, type LedgerRow } from '../../domain/ledger';
import { useServices } from '../../services/services';
import { useReasonText } from './use-reason-text';

/** Ledger rows as the words a person reads in the export (headers and values translated). */
export function useLedgerCells() {
  const { t } = useTranslation();
  const { device, settings } = useServices();
  const reasonText = useReasonText();
  const headers = LEDGER_COLUMNS.map((c) => t(`lead.columns.${c}`));
  // The name is known for this tablet; another is "平板" and the end of its id.
  const deviceName = useCallback(
    (id: string) =>
      id === device && settings.deviceName
        ? settings.deviceName
        : `${t('lead.otherDevice')} ${id.slice(-6)}`,
    [t, device, settings.deviceName],
  );
  const recordedBy = useCallback(
    // Visits are opened at the door: the role is the door's.
    (id: string) => t('lead.recordedBy', { device: deviceName(id) }),
    [t, deviceName],
  );
  const cells = useCallback(
    (row: LedgerRow): string[] =>
      LEDGER_COLUMNS.map((c) => {
        switch (c) {
          case 'status':
            return t(`log.status.${row.status}`);
          case 'mask':
            return row.mask ? t(`lead.mask.${row.mask}`) : '';
          case 'reason':
            return reasonText(row.reason);
          case 'healthCode':
            return row.healthCode ? t(`door.codes.${row.healthCode}`) : '';
          case 'codeMethod':
            return row.codeMethod ? t(`lead.values.method.${row.codeMethod}`) : '';
          case 'travelCode':
            return row.travelCode
              ? t(`door.codes.${row.travelCode === 'risk' ? 'risk' : 'noRisk'}`)
              : '';
          case 'recordedBy':
            return recordedBy(row.recordedBy);
          default:
            return row[c];
        }
      }),
    [t, reasonText, recordedBy],
  );
  return { headers, cells, recordedBy, deviceName };
}
