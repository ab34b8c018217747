import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type LEDGER_COLUMNS, ledgerReason, personOf } from '../../domain/ledger';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { Button } from '../../ui/Button';
import { useLedgerCells } from './use-ledger-cells';
import { useReasonText } from './use-reason-text';

const ROW_HEIGHT = 64;

/**
 * The paper ledger's columns, as the list shows them (the export has them all, in the
 * paper's order). The outcome and ticket come right after the name, before the wide ID
 * number and phone: each row's outcome is on screen without a sideways swipe (issue 31).
 * Widths: --ledger-columns in lead.css, in this order.
 */
const LIST_COLUMNS = [
  'arrived',
  'exited',
  'name',
  'status',
  'ticket',
  'temperatures',
  'healthCode',
  'travelCode',
  'idNumber',
  'phone',
  'matter',
  'recordedBy',
] as const satisfies readonly (typeof LEDGER_COLUMNS)[number][];

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
          const cells: Record<(typeof LIST_COLUMNS)[number], ReactNode> = {
            arrived: <span>{clockTime(v.openedAt)}</span>,
            exited: <span>{v.exited ? clockTime(v.exited.at) : ''}</span>,
            name: <span>{person ? (revealed ? person.name : maskName(person.name)) : nobody}</span>,
            status: (
              <span className={`status status-${v.status}`}>
                {t(`log.status.${v.status}`)}
                {reason && <small className="ledger-reason">{reason}</small>}
              </span>
            ),
            ticket: (
              <span className="ticket-cell">
                {outcome?.kind === 'admitted' ? outcome.ticket : ''}
              </span>
            ),
            temperatures: <span>{formatReadings(v.readings.map((r) => r.celsius))}</span>,
            healthCode: (
              <span className={v.healthCode ? `code code-${v.healthCode}` : ''}>
                {[
                  v.codeMethod && v.codeMethod !== 'phone'
                    ? t(`lead.values.method.${v.codeMethod}`)
                    : '',
                  v.healthCode ? t(`door.codes.${v.healthCode}`) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            ),
            travelCode: (
              <span>
                {v.travelRisk === null
                  ? ''
                  : t(v.travelRisk ? 'lead.travel.risk' : 'lead.travel.clear')}
              </span>
            ),
            idNumber: (
              <span>
                {person ? (revealed ? person.idNumber : maskIdNumber(person.idNumber)) : nobody}
              </span>
            ),
            phone: (
              <span>{person ? (revealed ? person.phone : maskPhone(person.phone)) : nobody}</span>
            ),
            matter: <span className="ledger-matter">{matter}</span>,
            recordedBy: <span className="ledger-by">{recordedBy(v.device)}</span>,
          };
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
                {LIST_COLUMNS.map((c) => (
                  <Fragment key={c}>{cells[c]}</Fragment>
                ))}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
