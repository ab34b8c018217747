import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayState } from '../../db/queries';
import { admittedTicket, queueState } from '../../domain/queue';
import { hallCalling } from '../../domain/queue-commands';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { OccupancyMeter } from '../../ui/OccupancyMeter';
import { useGuideStore } from './guide-store';
import { HallLines } from './hall/HallLines';
import { MessageLine } from './MessageLine';
import { useQueueAction } from './use-queue-action';
import { WaitingList } from './WaitingList';
import { WindowCard } from './WindowCard';

/** Calling: the windows on the left, who waits (and who was served) on the right. */
export function QueueTab({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const selectedId = useGuideStore((s) => s.selected);
  const act = useQueueAction();
  const queue = useMemo(() => queueState(today.visits, policy), [today, policy]);
  const hall = useMemo(() => hallCalling(today.records), [today]);

  const selectedVisit = today.visits.find((v) => v.id === selectedId);
  const selectedTicket = selectedVisit ? admittedTicket(selectedVisit) : null;
  const chosen =
    selectedVisit && selectedTicket ? { visit: selectedVisit.id, ticket: selectedTicket } : null;

  return (
    <div className="queue-tab">
      <div className="queue-top">
        <OccupancyMeter occupancy={queue.occupancy} />
        <MessageLine />
      </div>
      <HallLines today={today} />
      <CallConflicts today={today} />
      <div className="queue-body">
        <div className="windows">
          {queue.windows.map((w) => (
            <WindowCard
              key={w.window}
              state={w}
              chosen={chosen}
              closed={hall.suspended || hall.closedWindows.has(w.window)}
            />
          ))}
        </div>
        <div className="queue-side">
          <WaitingList waiting={queue.waiting} chosen={chosen} />
          <section className="served" aria-labelledby="served-title">
            <h3 id="served-title">{t('guide.servedTitle')}</h3>
            {queue.servedInHall.length === 0 ? (
              <p className="hint">{t('guide.servedEmpty')}</p>
            ) : (
              <ul className="served-list">
                {queue.servedInHall.map((s) => (
                  <li key={s.visit}>
                    <Button onClick={() => act({ kind: 'left', visit: s.visit })}>
                      {t('guide.exit', { ticket: s.ticket })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** Calls of this tablet that did not count: another guide called the same ticket first. */
function CallConflicts({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { device } = useServices();
  const dismissed = useGuideStore((s) => s.dismissed);
  const dismiss = useGuideStore((s) => s.dismiss);
  const conflicts = today.visits.flatMap((v) => {
    const [first, ...later] = v.calls;
    const ticket = admittedTicket(v);
    if (!first || !ticket) return [];
    return later
      .filter((c) => c.device === device && !dismissed.includes(`${v.id}:${c.at}`))
      .map((c) => ({ key: `${v.id}:${c.at}`, ticket, window: first.window, mine: c.window }));
  });
  if (conflicts.length === 0) return null;
  return (
    <ul className="conflicts">
      {conflicts.map((c) => (
        <li key={c.key} className="notice notice-warn" role="alert">
          <p>{t('guide.conflict', c)}</p>
          <Button onClick={() => dismiss(c.key)}>{t('guide.dismiss')}</Button>
        </li>
      ))}
    </ul>
  );
}
