import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useRecord } from './use-record';

/** A walk-in refusal undone: the urgent question is asked again within the same visit. */
export function WalkInStep() {
  const { t } = useTranslation();
  const { record } = useRecord();
  const walkIn = (urgent: boolean) => record({ type: 'appointment.walk-in', data: { urgent } });
  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title">{t('door.appointment.urgentQuestion')}</h2>
      <div className="choices">
        <Button tone="primary" size="huge" onClick={() => walkIn(true)}>
          {t('door.appointment.urgentYes')}
        </Button>
        <Button onClick={() => walkIn(false)}>{t('door.appointment.urgentNo')}</Button>
      </div>
    </section>
  );
}
