import { Megaphone, ShieldCheck, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useQueue } from '../../services/use-today';
import { useNow } from '../../ui/use-now';
import './board.css';

const RECENT = 6;
const CALLED_IN_SHOWN = 4;

/**
 * The wall screen: who is called to which window (large), the last calls, how many wait,
 * who may come in from outside, and the rules. Ticket numbers only, never names.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const { settings, now } = useServices();
  const current = useNow(now, 15_000);
  const queue = useQueue();
  const [latest, ...earlier] = queue?.announcements ?? [];
  const calledIn = (queue?.waiting ?? [])
    .filter((w) => w.place.area === 'inside' && w.enteredAt !== null && w.enteredAt > w.admittedAt)
    .sort((a, b) => (b.enteredAt ?? 0) - (a.enteredAt ?? 0))
    .slice(0, CALLED_IN_SHOWN);

  return (
    <div className="board" data-testid="board">
      <header className="board-head">
        <h1>{settings.hallName || settings.siteName || t('app.title')}</h1>
        <span className="board-clock">{clockTime(current)}</span>
        <Link href="/" className="board-back">
          {t('board.back')}
        </Link>
      </header>
      <main className="board-main">
        <section className="board-now" aria-labelledby="board-now-title" aria-live="polite">
          <h2 id="board-now-title">
            <Megaphone aria-hidden /> {t('board.nowCalling')}
          </h2>
          {latest ? (
            <>
              <p className="board-ticket" data-testid="board-ticket">
                {latest.ticket}
              </p>
              <p className="board-window" data-testid="board-window">
                {t('board.toWindow', { window: latest.window })}
              </p>
            </>
          ) : (
            <p className="board-none">{t('board.none')}</p>
          )}
        </section>
        <section className="board-recent" aria-labelledby="board-recent-title">
          <h2 id="board-recent-title">{t('board.recent')}</h2>
          <ol data-testid="board-recent">
            {earlier.slice(0, RECENT).map((a) => (
              <li key={`${a.ticket}-${a.at}-${a.kind}`}>
                <span className="board-recent-ticket">{a.ticket}</span>
                <span>{t('board.toWindow', { window: a.window })}</span>
              </li>
            ))}
          </ol>
        </section>
      </main>
      <footer className="board-foot">
        <div className="board-waiting">
          <Users aria-hidden />
          <span>{t('board.waiting')}</span>
          <strong data-testid="board-waiting">{queue?.waiting.length ?? 0}</strong>
          {(queue?.occupancy.outside ?? 0) > 0 && (
            <span>{t('board.outside', { count: queue?.occupancy.outside })}</span>
          )}
        </div>
        {calledIn.length > 0 && (
          <div className="board-callin" data-testid="board-callin">
            <span>{t('board.callIn')}</span>
            {calledIn.map((w) => (
              <strong key={w.visit}>{w.ticket}</strong>
            ))}
          </div>
        )}
        <ul className="board-rules">
          {(['mask', 'distance', 'called'] as const).map((rule) => (
            <li key={rule}>
              <ShieldCheck aria-hidden /> {t(`board.rules.${rule}`)}
            </li>
          ))}
        </ul>
      </footer>
    </div>
  );
}
