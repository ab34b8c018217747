import {
  CircleCheck,
  CircleHelp,
  type LucideIcon,
  OctagonX,
  QrCode,
  ScanQrCode,
  Square,
  TriangleAlert,
} from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColourReading, SeenColour } from '../../domain/codes/code-colour';
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

/** Each colour has a shape too, for staff who do not tell red from green. */
const COLOUR_ICON: Record<SeenColour, LucideIcon> = {
  green: CircleCheck,
  yellow: TriangleAlert,
  red: OctagonX,
  black: Square,
};
const HEALTH_COLOURS: readonly HealthCodeColour[] = ['green', 'yellow', 'red'];
const TONE = { green: 'ok', yellow: 'warn', red: 'danger' } as const;

/** A health code as scanned, and the colour the camera read from its modules (if any). */
interface SeenHealth {
  code: SeenCode;
  /** null: the camera could not tell; undefined: no pixels (a handheld scanner). */
  colour?: SeenColour | null;
}

/**
 * Must 5b: health code colour and travel-code risk. Staff confirm both by touch; a scan
 * (camera or handheld scanner) adds what was seen: a fingerprint of the code, recorded
 * as "seen, confirmed by staff, not verified". After a scan the confirming button is
 * focused, so the next touch (or Enter) is the one that matters: the colour the camera
 * read is offered (pre-selected, named, with its shape), and recorded as `colourSeen`
 * beside the colour staff confirm, which is the one that counts. A handheld scanner has
 * no pixels: green is focused as before. The one-tap "green and no risk" is not offered
 * over a yellow or red read.
 */
export function CodesStep({ step }: { step: Extract<DoorStep, 'health-code' | 'travel-code'> }) {
  const { t } = useTranslation();
  const { now } = useServices();
  const { record } = useRecord();
  const [health, setHealth] = useState<SeenHealth | null>(null);
  const [travel, setTravel] = useState<SeenCode | null>(null);
  const colourButtons = useRef<Partial<Record<HealthCodeColour, HTMLButtonElement | null>>>({});
  const noRiskButton = useRef<HTMLButtonElement>(null);
  const seenColour = health?.colour;
  // The button a scan points at: the colour read, else green for a handheld scan.
  const offered: HealthCodeColour | null =
    seenColour === undefined
      ? health
        ? 'green'
        : null
      : seenColour === 'black' || seenColour === null
        ? null
        : seenColour;

  const healthEvent = (colour: HealthCodeColour): EventBody => ({
    type: 'health-code.checked',
    data: {
      colour,
      ...(seenColour ? { colourSeen: seenColour } : {}),
      ...check(health?.code ?? null),
    },
  });
  const travelEvent = (riskArea: boolean): EventBody => ({
    type: 'travel-code.checked',
    data: { riskArea, ...check(travel) },
  });

  useEffect(() => {
    const target =
      step === 'health-code' && offered
        ? () => colourButtons.current[offered]
        : step === 'travel-code' && travel
          ? () => noRiskButton.current
          : null;
    if (!target) return;
    // A button settling after the step appeared (src/ui/settle.tsx) is disabled and cannot
    // take the focus yet: try again until it can.
    const focus = () => {
      target()?.focus();
      return document.activeElement === target();
    };
    if (focus()) return;
    const timer = setInterval(() => focus() && clearInterval(timer), 100);
    const stop = setTimeout(() => clearInterval(timer), 2_000);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [step, offered, travel]);

  const scanned = async (text: string, colour?: ColourReading) => {
    if (useDoorStore.getState().saving) return;
    const reading = await readScan(text, now());
    switch (reading.kind) {
      case 'seen':
        if (reading.code.kind === 'health') {
          setHealth({ code: reading.code, ...(colour ? { colour: colour.colour } : {}) });
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
                disabled={offered === 'yellow' || offered === 'red'}
                onClick={() => record(healthEvent('green'), travelEvent(false))}
              >
                {t('door.codes.fast')}
              </Button>
              {seenColour !== undefined && <ColourSeenLine colour={seenColour} />}
              <fieldset className="choice-row colour-row">
                <legend>{t('door.codes.health')}</legend>
                {HEALTH_COLOURS.map((colour) => {
                  const Icon = COLOUR_ICON[colour];
                  return (
                    <Button
                      key={colour}
                      ref={(button) => {
                        colourButtons.current[colour] = button;
                      }}
                      tone={TONE[colour]}
                      className={offered === colour ? 'btn-suggested' : ''}
                      data-offered={offered === colour ? 'true' : undefined}
                      onClick={() => record(healthEvent(colour))}
                    >
                      <Icon aria-hidden /> {t(`door.codes.${colour}`)}
                    </Button>
                  );
                })}
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
        <ScanPanel
          title={t('door.scan.codesTitle')}
          onScan={(text, _source, colour) => void scanned(text, colour)}
        >
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

/** What the camera read of the code's colour, in words and by shape. */
function ColourSeenLine({ colour }: { colour: SeenColour | null }) {
  const { t } = useTranslation();
  const Icon = colour ? COLOUR_ICON[colour] : CircleHelp;
  return (
    <p className={`colour-seen colour-seen-${colour ?? 'unknown'}`} data-testid="colour-seen">
      <Icon aria-hidden /> {t(`door.codes.seen.${colour ?? 'unknown'}`)}
    </p>
  );
}
