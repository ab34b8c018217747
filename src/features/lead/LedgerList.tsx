import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_COLUMNS, ledgerReason, personOf } from '../../domain/ledger';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { Button } from '../../ui/Button';
import { useLedgerCells } from './use-ledger-cells';
import { useReasonText } from './use-reason-text';

const ROW_HEIGHT = 64;

/** The paper ledger's columns, as the list shows them (the export has them all). */
const NOT_LISTED: ReadonlySet<string> = new Set(['date', 'mask', 'reason', 'policyVersion']);
const LIST_COLUMNS = LEDGER_COLUMNS.filter((c) => !NOT_LISTED.has(c));

/** The day's visits, virtualised: only the rows on screen are in the DOM. */
export function LedgerList({
  visits,
  revealed,
  selected,
  onSelect,
}: {
  visits: readonly Visit[];
  revealed: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const { recordedBy } = useLedgerCells();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Until the list is measured (and in tests), assume a tablet-sized viewport.
    initialRect: { width: 760, height: 520 },
  });

  return (
    <div ref={scroller} className="ledger-scroll">
      <div className="ledger-header" data-testid="ledger-header">
        {LIST_COLUMNS.map((c) => (
          <span key={c}>{t(`lead.columns.${c}`)}</span>
        ))}
      </div>
      <ul
        className="ledger-items"
        aria-label={t('lead.list')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const v = visits[item.index];
          if (!v) return null;
          // After the retention period the visit still counts, but names nobody.
          const person = v.purgedAt ? null : personOf(v);
          const nobody = v.purgedAt ? t('lead.purged') : '—';
          const outcome = v.decision?.outcome;
          const reason = reasonText(ledgerReason(v));
          const matter = v.appointment?.kind === 'booked' ? v.appointment.booking.matter : '';
          return (
            <li
              key={v.id}
              className="ledger-item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <Button
                bare
                className={`ledger-row row-${v.status} ${selected === v.id ? 'ledger-selected' : ''}`}
                onClick={() => onSelect(v.id)}
              >
                <span>{clockTime(v.openedAt)}</span>
                <span>{v.exited ? clockTime(v.exited.at) : ''}</span>
                <span>{person ? (revealed ? person.name : maskName(person.name)) : nobody}</span>
                <span>
                  {person ? (revealed ? person.idNumber : maskIdNumber(person.idNumber)) : nobody}
                </span>
                <span>{person ? (revealed ? person.phone : maskPhone(person.phone)) : nobody}</span>
                <span>{formatReadings(v.readings.map((r) => r.celsius))}</span>
                <span className={v.healthCode ? `code code-${v.healthCode}` : ''}>
                  {v.healthCode ? t(`door.codes.${v.healthCode}`) : ''}
                </span>
                <span>
                  {v.travelRisk === null
                    ? ''
                    : t(v.travelRisk ? 'lead.travel.risk' : 'lead.travel.clear')}
                </span>
                <span className="ledger-matter">{matter}</span>
                <span className={`status status-${v.status}`}>
                  {t(`log.status.${v.status}`)}
                  {reason && <small className="ledger-reason">{reason}</small>}
                </span>
                <span className="ticket-cell">
                  {outcome?.kind === 'admitted' ? outcome.ticket : ''}
                </span>
                <span className="ledger-by">{recordedBy(v.device)}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
