import { useTranslation } from 'react-i18next';
import { guideTold } from '../../domain/codes/alternatives';
import type { WaitingTicket } from '../../domain/queue';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { useGuideStore } from './guide-store';
import { useQueueAction } from './use-queue-action';

/**
 * Waiting tickets in call order, with minutes waited and where each one waits. Tapping a
 * ticket chooses it for the priority lane (or for "left", if the visitor gave up).
 */
export function WaitingList({
  waiting,
  chosen,
}: {
  waiting: readonly WaitingTicket[];
  /** The chosen visit and its ticket, even if it no longer waits (another tablet's write). */
  chosen: { visit: string; ticket: string } | null;
}) {
  const { t } = useTranslation();
  const { now, policyFor } = useServices();
  const today = useToday();
  // Admitted without a smartphone on an alternative whose rule tells the guide (issue 33).
  const told = new Set(
    (today?.visits ?? [])
      .filter((v) => guideTold(v.codeMethod, policyFor(v.policyVersion)))
      .map((v) => v.id),
  );
  const current = useNow(now, 30_000);
  const select = useGuideStore((s) => s.select);
  const act = useQueueAction();

  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h3 id="waiting-title">{t('guide.waitingTitle', { count: waiting.length })}</h3>
      {chosen && (
        <div className="chosen" data-testid="chosen">
          <p>{t('guide.selected', { ticket: chosen.ticket })}</p>
          <Button tone="warn" onClick={() => act({ kind: 'left', visit: chosen.visit })}>
            {t('guide.visitorLeft', { ticket: chosen.ticket })}
          </Button>
          <Button onClick={() => select(null)}>{t('guide.cancel')}</Button>
        </div>
      )}
      {waiting.length === 0 ? (
        <p className="hint">{t('guide.waitingEmpty')}</p>
      ) : (
        <ol className="ticket-list" aria-label={t('guide.waitingTitle', { count: waiting.length })}>
          {waiting.map((w) => (
            <li key={w.visit}>
              <Button
                bare
                className="ticket-row"
                aria-pressed={chosen?.visit === w.visit}
                onClick={() => select(chosen?.visit === w.visit ? null : w.visit)}
              >
                <span className="ticket-row-number">{w.ticket}</span>
                {told.has(w.visit) && (
                  <span className="priority-tag" data-testid="no-phone-tag">
                    {t('guide.noPhone')}
                  </span>
                )}
                <span className={`ticket-row-place place-${w.place.area}`}>
                  {w.place.area === 'inside'
                    ? t('guide.inside')
                    : t('guide.outside', { marker: w.place.marker })}
                </span>
                <span className="ticket-row-minutes">
                  {t('guide.minutes', {
                    minutes: Math.max(0, Math.floor((current - w.admittedAt) / 60_000)),
                  })}
                </span>
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
