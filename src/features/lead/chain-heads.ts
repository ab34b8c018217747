import type { TFunction } from 'i18next';
import type { DayHead } from '../../domain/chain-heads';
import type { Sheet } from './xlsx-export';

/**
 * The day's chain heads as a table (the XLSX sheet, the CSV's second table, the printed
 * report): what `npm run admin -- verify <hall> <day>` prints from the server's copy.
 */
export function chainSheet(heads: readonly DayHead[], t: TFunction): Sheet {
  return {
    name: t('lead.report.chain.sheet'),
    headers: [
      t('lead.report.chain.device'),
      t('lead.report.chain.events'),
      t('lead.report.chain.seq'),
      t('lead.report.chain.head'),
    ],
    rows: heads.map((h) => [
      h.device,
      String(h.events),
      `${h.firstSeq}–${h.lastSeq}`,
      h.head ?? t('lead.report.chain.unchained'),
    ]),
  };
}
