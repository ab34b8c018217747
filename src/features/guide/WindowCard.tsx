import { useTranslation } from 'react-i18next';
import type { CalledTicket, WindowState } from '../../domain/queue';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { SettleRegion } from '../../ui/settle';
import { useQueueAction } from './use-queue-action';

/** One window: free (call next, or the chosen ticket), or the ticket called to it. */
export function WindowCard({
  state,
  chosen,
  closed = false,
}: {
  state: WindowState;
  /** The ticket chosen for the priority lane, if any. */
  chosen: { visit: string; ticket: string } | null;
  /** No calls: service suspended, or its staff are off duty (src/domain/staff-health). */
  closed?: boolean;
}) {
  const { t } = useTranslation();
  const act = useQueueAction();
  const { window } = state;
  const title = state.configured
    ? t('guide.window', { window })
    : t('guide.unconfiguredWindow', { window });

  return (
    <section
      className={`window-card ${state.tickets.length ? 'window-busy' : 'window-free'} ${closed ? 'window-closed' : ''}`}
      aria-label={title}
      data-testid={`window-${window}`}
    >
      <h3>{title}</h3>
      {/* The window's state is its content: after a call, recall or end, its buttons are
          new (a ghost of 重呼 must not recall again, issue 31), even where they stay put. */}
      <SettleRegion
        step={`${window}:${state.callsMade}:${state.tickets.map((c) => `${c.visit}/${c.calls}`).join()}`}
      >
        {state.tickets.length === 0 ? (
          <>
            <p className="window-free-label">
              {closed ? t('guide.windowClosed') : t('guide.free')}
            </p>
            {state.configured && !closed && (
              <Button
                tone="primary"
                className="window-call"
                onClick={() =>
                  void act(
                    chosen
                      ? { kind: 'call', visit: chosen.visit, window, callsMade: state.callsMade }
                      : { kind: 'call-next', window, callsMade: state.callsMade },
                  )
                }
              >
                {chosen ? t('guide.callThis', { ticket: chosen.ticket }) : t('guide.callNext')}
              </Button>
            )}
          </>
        ) : (
          state.tickets.map((ticket) => <CalledRow key={ticket.visit} ticket={ticket} />)
        )}
      </SettleRegion>
    </section>
  );
}

function CalledRow({ ticket }: { ticket: CalledTicket }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const act = useQueueAction();
  const max = policy.queue.noShowAfterCalls;
  const visit = ticket.visit;
  return (
    <div className="window-ticket">
      <p className="window-ticket-number">
        {ticket.ticket}
        {ticket.priority && <span className="priority-tag">{t('guide.priority')}</span>}
      </p>
      <p className="window-calls">
        {t('guide.calls', { calls: ticket.calls, max, time: clockTime(ticket.lastCallAt) })}
      </p>
      <div className="window-actions">
        <Button tone="ok" onClick={() => act({ kind: 'served', visit, calls: ticket.calls })}>
          {t('guide.served')}
        </Button>
        <Button onClick={() => act({ kind: 'recall', visit, calls: ticket.calls })}>
          {t('guide.recall')}
        </Button>
        <Button
          tone={ticket.calls >= max ? 'warn' : 'neutral'}
          onClick={() => act({ kind: 'no-show', visit, calls: ticket.calls })}
        >
          {t('guide.noShow')}
        </Button>
      </div>
    </div>
  );
}
