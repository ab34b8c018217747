import { QrCode } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { EventBody } from '../../domain/events';
import type { DoorStep } from '../../domain/flow';
import type { HealthCodeColour } from '../../domain/policy';
import { Button } from '../../ui/Button';
import { useRecord } from './use-record';

const health = (colour: HealthCodeColour): EventBody => ({
  type: 'health-code.checked',
  data: { colour, method: 'manual' },
});
const travel = (riskArea: boolean): EventBody => ({
  type: 'travel-code.checked',
  data: { riskArea, method: 'manual' },
});

/**
 * Must 5b: health code colour and travel-code risk, entered by staff. The camera
 * scan (a later issue) will record the same events with another `method`.
 */
export function CodesStep({ step }: { step: Extract<DoorStep, 'health-code' | 'travel-code'> }) {
  const { t } = useTranslation();
  const { record } = useRecord();

  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title">
        <QrCode aria-hidden /> {t('door.codes.title')}
      </h2>
      {step === 'health-code' ? (
        <>
          <Button tone="ok" size="huge" onClick={() => record(health('green'), travel(false))}>
            {t('door.codes.fast')}
          </Button>
          <fieldset className="choice-row">
            <legend>{t('door.codes.health')}</legend>
            <Button tone="ok" onClick={() => record(health('green'))}>
              {t('door.codes.green')}
            </Button>
            <Button tone="warn" onClick={() => record(health('yellow'))}>
              {t('door.codes.yellow')}
            </Button>
            <Button tone="danger" onClick={() => record(health('red'))}>
              {t('door.codes.red')}
            </Button>
          </fieldset>
        </>
      ) : (
        <fieldset className="choice-row">
          <legend>{t('door.codes.travel')}</legend>
          <Button tone="ok" size="huge" onClick={() => record(travel(false))}>
            {t('door.codes.noRisk')}
          </Button>
          <Button tone="danger" onClick={() => record(travel(true))}>
            {t('door.codes.risk')}
          </Button>
        </fieldset>
      )}
    </section>
  );
}
