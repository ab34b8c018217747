import { Megaphone, ShieldCheck, TriangleAlert, Users, VolumeX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardCalls, callsToAnnounce, speaksHere } from '../../domain/board';
import { awaitingLead, foldIncidents } from '../../domain/incidents';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { callAnnouncement } from '../../services/speech/call-announcement';
import { speaker, type VoiceAvailability } from '../../services/speech/speech';
import { useQueue } from '../../services/use-queue';
import { useToday } from '../../services/use-today';
import { useNow } from '../../ui/use-now';
import './board.css';

const OTHERS_SHOWN = 6;
const CALLED_IN_SHOWN = 4;

/**
 * The wall screen, like a 叫号机: the open calls (cleared once served, void or left), how
 * many wait, who may come in from outside, and the rules. Ticket numbers only, never
 * names; nothing on it leads into the staff screens. It chimes and speaks each new call
 * itself when the policy says the board speaks, and says so on screen when it cannot.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const { settings, now, policy } = useServices();
  const current = useNow(now, 15_000);
  const queue = useQueue();
  const today = useToday();
  const speaks = speaksHere(policy, 'board');
  const [voice, setVoice] = useState<VoiceAvailability | null>(null);
  const announced = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (speaks)
      void speaker
        .availability({ lang: settings.language, voice: settings.callVoice })
        .then(setVoice);
  }, [speaks, settings.language, settings.callVoice]);

  useEffect(() => {
    if (!queue) return;
    if (announced.current === null) {
      // Calls already open when the board starts were said where they were made.
      announced.current = new Set(callsToAnnounce(queue, new Set()).map((a) => a.key));
      return;
    }
    const fresh = callsToAnnounce(queue, announced.current);
    if (fresh.length === 0) return;
    for (const a of fresh) announced.current.add(a.key);
    if (!speaks) return;
    const items = fresh.map((a) =>
      callAnnouncement(t, { kind: 'call', ticket: a.ticket, window: a.window }),
    );
    void speaker
      .announce(items, { lang: settings.language, voice: settings.callVoice })
      .then(setVoice);
  }, [queue, speaks, settings.language, settings.callVoice, t]);

  const { current: calling, others } = queue ? boardCalls(queue) : { current: null, others: [] };
  const calledIn = (queue?.waiting ?? [])
    .filter((w) => w.place.area === 'inside' && w.enteredAt !== null && w.enteredAt > w.admittedAt)
    .sort((a, b) => (b.enteredAt ?? 0) - (a.enteredAt ?? 0))
    .slice(0, CALLED_IN_SHOWN);
  // For staff passing by: something waits for the duty lead. No detail on a public screen.
  const staffNeeded = today ? awaitingLead(foldIncidents(today.records)).length > 0 : false;

  return (
    <div className="board" data-testid="board">
      <header className="board-head">
        <h1>{settings.hallName || settings.siteName || t('app.title')}</h1>
        {staffNeeded && (
          <span className="board-staff" data-testid="board-staff-notice">
            <TriangleAlert aria-hidden /> {t('board.staffNotice')}
          </span>
        )}
        {/* A staff matter, not the public's: an icon, its reason in its label, no line of
            text pushing the calls down (issue 31). */}
        {speaks && voice !== null && voice !== 'available' && (
          <span
            className="board-mute"
            role="img"
            aria-label={t(`board.cannotSpeak.${voice}`)}
            title={t(`board.cannotSpeak.${voice}`)}
            data-testid="board-mute"
          >
            <VolumeX aria-hidden />
          </span>
        )}
        <span className="board-clock">{clockTime(current)}</span>
      </header>
      <main className="board-main">
        <section className="board-now" aria-labelledby="board-now-title" aria-live="polite">
          <h2 id="board-now-title">
            <Megaphone aria-hidden /> {t('board.nowCalling')}
          </h2>
          {calling ? (
            <>
              <p className="board-ticket" data-testid="board-ticket">
                {calling.ticket}
              </p>
              <p className="board-window" data-testid="board-window">
                {t('board.toWindow', { window: calling.window })}
              </p>
            </>
          ) : (
            <p className="board-none">{t('board.none')}</p>
          )}
        </section>
        <section className="board-recent" aria-labelledby="board-recent-title">
          <h2 id="board-recent-title">{t('board.others')}</h2>
          <ol data-testid="board-recent">
            {others.slice(0, OTHERS_SHOWN).map((c) => (
              <li key={c.visit}>
                <span className="board-recent-ticket">{c.ticket}</span>
                <span>{t('board.toWindow', { window: c.window })}</span>
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
