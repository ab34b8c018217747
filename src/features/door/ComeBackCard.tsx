import { Clock } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { maskName } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import type { ComeBack } from './door-store';

/** Too early for the booking: not a refusal, the booking is kept (amber, one soft tone). */
export function ComeBackCard({ comeBack, onNext }: { comeBack: ComeBack; onNext: () => void }) {
  const { t } = useTranslation();
  const { sound } = useServices();
  useEffect(() => sound.play('come-back'), [sound]);
  const { booking } = comeBack;
  return (
    <section
      className="outcome outcome-warn"
      role="status"
      aria-live="assertive"
      data-testid="outcome"
      data-severity="come-back"
    >
      <div className="outcome-head">
        <Clock aria-hidden size={72} />
        <h2 className="outcome-title">{t('door.outcome.comeBack')}</h2>
      </div>
      <p className="outcome-reason">{maskName(booking.name)}</p>
      <p className="outcome-reason" data-testid="come-back-at">
        {t('door.outcome.comeBackAt', {
          start: clockTime(booking.slotStart),
          end: clockTime(booking.slotEnd),
          time: clockTime(comeBack.from),
        })}
      </p>
      <p className="outcome-reason">{t('door.outcome.bookingKept')}</p>
      <Button size="large" onClick={onNext}>
        {t('door.outcome.next')}
      </Button>
    </section>
  );
}
