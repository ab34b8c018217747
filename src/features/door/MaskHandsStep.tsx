import { Hand, ShieldCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DoorStep } from '../../domain/flow';
import { Button } from '../../ui/Button';
import { StepTitle } from './StepTitle';
import { useRecord } from './use-record';

/** Musts 2 and 3: mask (a free one if missing) and hand disinfection. */
export function MaskHandsStep({ step }: { step: Extract<DoorStep, 'mask' | 'hands'> }) {
  const { t } = useTranslation();
  const { record } = useRecord();
  const hands = { type: 'hands.disinfected', data: {} } as const;

  return (
    <section className="step" aria-labelledby="step-title">
      <StepTitle
        step={step}
        title={t(step === 'mask' ? 'door.mask.title' : 'door.mask.handsTitle')}
      />
      {step === 'mask' ? (
        <div className="choices">
          <Button
            tone="ok"
            size="huge"
            onClick={() => record({ type: 'mask.checked', data: { status: 'worn' } }, hands)}
          >
            <ShieldCheck aria-hidden /> {t('door.mask.fast')}
          </Button>
          <Button onClick={() => record({ type: 'mask.checked', data: { status: 'worn' } })}>
            {t('door.mask.worn')}
          </Button>
          <Button
            tone="warn"
            onClick={() => record({ type: 'mask.checked', data: { status: 'given' } })}
          >
            {t('door.mask.given')}
          </Button>
          <Button
            tone="danger"
            onClick={() => record({ type: 'mask.checked', data: { status: 'refused' } })}
          >
            {t('door.mask.refusesMask')}
          </Button>
        </div>
      ) : (
        <div className="choices">
          <Button tone="ok" size="huge" onClick={() => record(hands)}>
            <Hand aria-hidden /> {t('door.mask.hands')}
          </Button>
          <Button
            tone="danger"
            onClick={() =>
              record({ type: 'visit.abandoned', data: { reason: 'refused-measures' } })
            }
          >
            {t('door.mask.refuses')}
          </Button>
        </div>
      )}
    </section>
  );
}
