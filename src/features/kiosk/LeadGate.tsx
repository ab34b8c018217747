import { LockKeyhole } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useNow } from '../../ui/use-now';
import { useKioskStore } from './kiosk-store';
import { PinPad } from './PinPad';
import './kiosk.css';

type Feedback =
  | { kind: 'none' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; until: number };

/**
 * Screens only the shift lead may open (ledger, settings, leaving kiosk mode): the lead
 * PIN first. One unlock covers all of them, until the lead leaves them, taps Lock, or
 * the tablet idles out (the shell locks; see App).
 */
export function LeadGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { leadPin, now } = useServices();
  const unlocked = useKioskStore((s) => s.leadUnlocked);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'none' });
  const clock = useNow(now, 1000);

  useEffect(() => {
    let live = true;
    void leadPin.lockedUntil().then((until) => {
      if (live && until !== null) setFeedback({ kind: 'locked', until });
    });
    return () => {
      live = false;
    };
  }, [leadPin]);

  if (unlocked) return <>{children}</>;

  const locked = feedback.kind === 'locked' && clock < feedback.until;
  const enter = async (pin: string) => {
    setBusy(true);
    try {
      const result = await leadPin.check(pin);
      // 'not-set': a device without a lead PIN has nothing to guard (setup sets one).
      if (result.kind === 'ok' || result.kind === 'not-set') {
        useKioskStore.getState().unlock();
        return true;
      }
      setFeedback(result);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="lead-gate" aria-labelledby="lead-gate-title">
      <h2 id="lead-gate-title">
        <LockKeyhole aria-hidden size={32} /> {t('kiosk.pin.title')}
      </h2>
      <PinPad label={t('kiosk.pin.label')} busy={busy} disabled={locked} onEnter={enter} />
      {feedback.kind === 'wrong' && (
        <p role="alert" className="field-error">
          {t('kiosk.pin.wrong', { left: feedback.attemptsLeft })}
        </p>
      )}
      {locked && feedback.kind === 'locked' && (
        <p role="alert" className="field-error">
          {t('kiosk.pin.locked', {
            time: clockTime(feedback.until),
            seconds: Math.ceil((feedback.until - clock) / 1000),
          })}
        </p>
      )}
    </section>
  );
}
