import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_COLUMNS, type LedgerRow } from '../../domain/ledger';

/** Ledger rows as the words a person reads in the export (headers and values translated). */
export function useLedgerCells() {
  const { t } = useTranslation();
  const headers = LEDGER_COLUMNS.map((c) => t(`lead.columns.${c}`));
  const cells = useCallback(
    (row: LedgerRow): string[] =>
      LEDGER_COLUMNS.map((c) => {
        const value = row[c];
        if (c === 'status') return t(`log.status.${row.status}`);
        if (c === 'mask') return row.mask ? t(`lead.mask.${row.mask}`) : '';
        if (c === 'reason') {
          if (!row.reason) return '';
          return row.reason === 'left' ||
            row.reason === 'refused-measures' ||
            row.reason === 'discarded-draft'
            ? t(`door.outcome.abandonReasons.${row.reason}`)
            : t(`log.reasons.${row.reason}`);
        }
        return value;
      }),
    [t],
  );
  return { headers, cells };
}
