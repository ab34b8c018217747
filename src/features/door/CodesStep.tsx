import { CircleHelp, QrCode, ScanQrCode, Smartphone } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offeredAlternatives } from '../../domain/codes/alternatives';
import type { ColourReading, SeenColour } from '../../domain/codes/code-colour';
import { readScan, type SeenCode, scanCheck } from '../../domain/codes/inspect';
import type { CodeCheck, EventBody, HealthCodeChecked } from '../../domain/events';
import type { DoorStep } from '../../domain/flow';
import type { HealthCodeColour } from '../../domain/policy';
import { type CodeShown, findSharedCode, indexCodes } from '../../domain/shared-code';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { Button } from '../../ui/Button';
import { COLOUR_ICON, ColourRow } from './code-colours';
import { useDoorStore } from './door-store';
import { NoPhonePanel } from './NoPhonePanel';
import { ScanNoticeBar } from './ScanNoticeBar';
import { SharedCodeBanner, type SharedDecision } from './SharedCodeBanner';
import { StepTitle } from './StepTitle';
import { scanFeedback } from './scan-feedback';
import { ScanPanel } from './scanner/ScanPanel';
import { useRecord } from './use-record';

const check = (seen: SeenCode | null): CodeCheck => (seen ? scanCheck(seen) : { method: 'manual' });

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
 *
 * A visitor without a smartphone takes the alternatives the policy offers (NoPhonePanel);
 * a health code another identity showed today is said before any colour is taken
 * (SharedCodeBanner), and the colour then carries staff's decision (issue 33).
 */
export function CodesStep({
  step,
  visit,
}: {
  step: Extract<DoorStep, 'health-code' | 'travel-code'>;
  visit: Visit;
}) {
  const { t } = useTranslation();
  const { now, policyFor } = useServices();
  const policy = policyFor(visit.policyVersion);
  const { record } = useRecord();
  const today = useToday();
  // Once per change of the day's visits, not per scan or frame.
  const codes = useMemo(() => indexCodes(today?.visits ?? []), [today?.visits]);
  const [health, setHealth] = useState<SeenHealth | null>(null);
  const [travel, setTravel] = useState<SeenCode | null>(null);
  const [noPhone, setNoPhone] = useState(false);
  const [shared, setShared] = useState<{
    match: CodeShown;
    decision: SharedDecision | null;
  } | null>(null);
  const undecided = shared !== null && shared.decision === null;
  const sharedField = shared?.decision
    ? { shared: { visit: shared.match.visit, at: shared.match.at, decision: shared.decision } }
    : {};
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
      ...sharedField,
    },
  });
  const alternativeEvent = (data: HealthCodeChecked): EventBody => ({
    type: 'health-code.checked',
    data: data.method === 'id-registration' ? data : { ...data, ...sharedField },
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
        if (reading.code.kind === 'health' || (noPhone && step === 'health-code')) {
          setHealth({ code: reading.code, ...(colour ? { colour: colour.colour } : {}) });
          const match = findSharedCode(
            codes,
            reading.code.payloadHash,
            visit.identity?.idNumber ?? '',
            visit.id,
          );
          setShared((before) =>
            match
              ? { match, decision: before?.match.visit === match.visit ? before.decision : null }
              : null,
          );
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
          {step === 'health-code' && shared && (
            <SharedCodeBanner
              match={shared.match}
              decision={shared.decision}
              onDecide={(decision) => setShared({ ...shared, decision })}
            />
          )}
          {step === 'health-code' && noPhone ? (
            <NoPhonePanel
              policy={policy}
              scanned={
                health
                  ? { payloadHash: health.code.payloadHash, excerpt: health.code.excerpt }
                  : null
              }
              colourDisabled={undecided}
              onRecord={(data) => record(alternativeEvent(data))}
              onBack={() => setNoPhone(false)}
            />
          ) : step === 'health-code' ? (
            <>
              <Button
                tone="ok"
                size="huge"
                disabled={offered === 'yellow' || offered === 'red' || undecided}
                onClick={() => record(healthEvent('green'), travelEvent(false))}
              >
                {t('door.codes.fast')}
              </Button>
              {seenColour !== undefined && <ColourSeenLine colour={seenColour} />}
              <ColourRow
                legend={t('door.codes.health')}
                offered={offered}
                disabled={undecided}
                buttonRef={(colour) => (button) => {
                  colourButtons.current[colour] = button;
                }}
                onPick={(colour) => record(healthEvent(colour))}
              />
              {offeredAlternatives(policy).length > 0 && (
                <Button size="huge" className="no-phone-open" onClick={() => setNoPhone(true)}>
                  <Smartphone aria-hidden /> {t('door.codes.noPhone.open')}
                </Button>
              )}
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
