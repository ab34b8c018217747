import { QrCode, ScanQrCode } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan, type SeenCode, scanCheck } from '../../domain/codes/inspect';
import type { CodeCheck, EventBody } from '../../domain/events';
import type { DoorStep } from '../../domain/flow';
import type { HealthCodeColour } from '../../domain/policy';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useDoorStore } from './door-store';
import { ScanNoticeBar } from './ScanNoticeBar';
import { StepTitle } from './StepTitle';
import { scanFeedback } from './scan-feedback';
import { ScanPanel } from './scanner/ScanPanel';
import { useRecord } from './use-record';

const check = (seen: SeenCode | null): CodeCheck => (seen ? scanCheck(seen) : { method: 'manual' });

/**
 * Must 5b: health code colour and travel-code risk. Staff confirm both by touch; a scan
 * (camera or handheld scanner) adds what was seen: a fingerprint of the code, recorded
 * as "seen, confirmed by staff, not verified". After a scan the confirming button is
 * focused, so the next touch (or Enter) is the one that matters.
 */
export function CodesStep({ step }: { step: Extract<DoorStep, 'health-code' | 'travel-code'> }) {
  const { t } = useTranslation();
  const { now } = useServices();
  const { record } = useRecord();
  const [health, setHealth] = useState<SeenCode | null>(null);
  const [travel, setTravel] = useState<SeenCode | null>(null);
  const greenButton = useRef<HTMLButtonElement>(null);
  const noRiskButton = useRef<HTMLButtonElement>(null);

  const healthEvent = (colour: HealthCodeColour): EventBody => ({
    type: 'health-code.checked',
    data: { colour, ...check(health) },
  });
  const travelEvent = (riskArea: boolean): EventBody => ({
    type: 'travel-code.checked',
    data: { riskArea, ...check(travel) },
  });

  useEffect(() => {
    const target =
      step === 'health-code' && health
        ? greenButton
        : step === 'travel-code' && travel
          ? noRiskButton
          : null;
    if (!target) return;
    // A button settling after the step appeared (src/ui/settle.tsx) is disabled and cannot
    // take the focus yet: try again until it can.
    const focus = () => {
      target.current?.focus();
      return document.activeElement === target.current;
    };
    if (focus()) return;
    const timer = setInterval(() => focus() && clearInterval(timer), 100);
    const stop = setTimeout(() => clearInterval(timer), 2_000);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [step, health, travel]);

  const scanned = async (text: string) => {
    if (useDoorStore.getState().saving) return;
    const reading = await readScan(text, now());
    switch (reading.kind) {
      case 'seen':
        if (reading.code.kind === 'health') {
          setHealth(reading.code);
          scanFeedback('good', 'healthSeen');
        } else {
          setTravel(reading.code);
          scanFeedback('good', 'travelSeen');
        }
        return;
      case 'booking':
        scanFeedback('bad', 'notCodes');
        return;
      case 'unknown':
        scanFeedback('bad', 'unknown');
        return;
      case 'rejected':
        scanFeedback('bad', reading.problem);
        return;
    }
  };

  return (
    <section className="step" aria-labelledby="step-title">
      <StepTitle step={step} icon={<QrCode aria-hidden />} title={t('door.codes.title')} />
      <div className="scan-layout">
        <div className="scan-main">
          {step === 'health-code' ? (
            <>
              <Button
                tone="ok"
                size="huge"
                onClick={() => record(healthEvent('green'), travelEvent(false))}
              >
                {t('door.codes.fast')}
              </Button>
              <fieldset className="choice-row">
                <legend>{t('door.codes.health')}</legend>
                <Button
                  ref={greenButton}
                  tone="ok"
                  className={health ? 'btn-suggested' : ''}
                  onClick={() => record(healthEvent('green'))}
                >
                  {t('door.codes.green')}
                </Button>
                <Button tone="warn" onClick={() => record(healthEvent('yellow'))}>
                  {t('door.codes.yellow')}
                </Button>
                <Button tone="danger" onClick={() => record(healthEvent('red'))}>
                  {t('door.codes.red')}
                </Button>
              </fieldset>
            </>
          ) : (
            <fieldset className="choice-row">
              <legend>{t('door.codes.travel')}</legend>
              <Button
                ref={noRiskButton}
                tone="ok"
                size="huge"
                className={travel ? 'btn-suggested' : ''}
                onClick={() => record(travelEvent(false))}
              >
                {t('door.codes.noRisk')}
              </Button>
              <Button tone="danger" onClick={() => record(travelEvent(true))}>
                {t('door.codes.risk')}
              </Button>
            </fieldset>
          )}
        </div>
        <ScanPanel title={t('door.scan.codesTitle')} onScan={(text) => void scanned(text)}>
          {(health || travel) && (
            <ul className="seen-codes">
              {health && (
                <li data-testid="seen-health">
                  <ScanQrCode aria-hidden /> {t('door.scan.healthChip')}
                </li>
              )}
              {travel && (
                <li data-testid="seen-travel">
                  <ScanQrCode aria-hidden /> {t('door.scan.travelChip')}
                </li>
              )}
            </ul>
          )}
          <ScanNoticeBar />
        </ScanPanel>
      </div>
    </section>
  );
}
