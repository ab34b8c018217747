import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { personOf } from '../../domain/ledger';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { Button } from '../../ui/Button';

const ROW_HEIGHT = 64;

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
                <span className="ticket-cell">
                  {outcome?.kind === 'admitted' ? outcome.ticket : ''}
                </span>
                <span>{person ? (revealed ? person.name : maskName(person.name)) : nobody}</span>
                <span>{person ? (revealed ? person.phone : maskPhone(person.phone)) : nobody}</span>
                <span>
                  {person ? (revealed ? person.idNumber : maskIdNumber(person.idNumber)) : nobody}
                </span>
                <span>{formatReadings(v.readings.map((r) => r.celsius))}</span>
                <span className={`status status-${v.status}`}>{t(`log.status.${v.status}`)}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
