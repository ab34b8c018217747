import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useEffect } from 'react';
import { takeOverSince } from '../../db/take-over';
import { type DoorStep, nextStep } from '../../domain/flow';
import type { Visit } from '../../domain/visit';
import { markFirstScreenShown } from '../../services/first-screen';
import { useServices } from '../../services/services';
import { useHall } from '../../services/use-hall';
import { usePaintedFirst } from '../../ui/after-paint';
import { SettleRegion } from '../../ui/settle';
import { AppointmentStep } from './AppointmentStep';
import {
  CheckStep,
  ClosureNotice,
  CodesStep,
  ComeBackCard,
  IdentityStep,
  LowStockLine,
  MaskHandsStep,
  OutcomeCard,
  TemperatureStep,
  WalkInStep,
} from './door-later';
import { useDoorStore } from './door-store';
import { TakeOverGate } from './TakeOverGate';
import { VisitPanel } from './VisitPanel';
import './door.css';

/**
 * The door: one visitor at a time through the six musts. With no visit in progress
 * the last verdict stays on the left while the next visitor's booking is chosen.
 */
export function DoorScreen() {
  const { policyFor, db, takeOverSince: atStart } = useServices();
  const visit = useDoorStore((s) => s.visit);
  const closure = useHall()?.closure.current;
  // A tablet taking over its door's day starts no visit (src/db/take-over.ts).
  const takeOver = useLiveQuery(() => takeOverSince(db), [db], atStart);
  // Anything but the booking list (which says so itself once listed) is a first screen.
  const listing = !visit && !closure && takeOver === null;
  useEffect(() => {
    if (!listing) markFirstScreenShown();
  }, [listing]);

  if (!visit && closure) {
    return (
      <Suspense fallback={null}>
        <ClosureNotice closure={closure} />
      </Suspense>
    );
  }
  if (!visit) return <DoorBetweenVisits takeOver={takeOver} />;

  const step = nextStep(visit, policyFor(visit.policyVersion));
  return <DoorVisit visit={visit} step={step} />;
}

/**
 * No visit open: the last verdict (or when to come back) beside the next visitor's
 * booking list. When a visit has just ended the verdict is painted first and the list
 * (its live queries, the camera starting again) a frame later.
 */
function DoorBetweenVisits({ takeOver }: { takeOver: number | null | undefined }) {
  const lastFinished = useDoorStore((s) => s.lastFinished);
  const comeBack = useDoorStore((s) => s.comeBack);
  const next = useDoorStore((s) => s.next);
  const card = lastFinished ? (
    <OutcomeCard visit={lastFinished} onNext={next} />
  ) : comeBack ? (
    <ComeBackCard comeBack={comeBack} onNext={next} />
  ) : null;
  const listing = usePaintedFirst(card !== null);
  return (
    <>
      <div className={`door ${card ? 'door-with-outcome' : ''}`}>
        {card && (
          <SettleRegion step={lastFinished?.id ?? `come-back-${comeBack?.from}`}>
            <Suspense fallback={null}>{card}</Suspense>
          </SettleRegion>
        )}
        {takeOver === null && listing && (
          <SettleRegion step={`start-${lastFinished?.id ?? ''}`}>
            <AppointmentStep />
          </SettleRegion>
        )}
        {takeOver !== null && <TakeOverGate />}
      </div>
      <Suspense fallback={null}>
        <LowStockLine />
      </Suspense>
    </>
  );
}

/** A visit on screen: who and which musts on the left, the step on the right. */
function DoorVisit({ visit, step }: { visit: Visit; step: DoorStep }) {
  // A scan's complaint belongs to the step it was made at: gone when the step changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new step
  useEffect(() => {
    const { notice, clearNotice } = useDoorStore.getState();
    if (notice?.tone === 'bad') clearNotice();
  }, [visit.id, step]);
  return (
    <div className="door">
      <VisitPanel visit={visit} step={step} />
      <SettleRegion step={`${visit.id}-${step}`}>
        <div className="door-main">
          <Suspense fallback={null}>
            {(step === 'mask' || step === 'hands') && <MaskHandsStep step={step} />}
            {(step === 'temperature' || step === 'recheck') && (
              <TemperatureStep key={step} visit={visit} recheck={step === 'recheck'} />
            )}
            {step === 'identity' && <IdentityStep visit={visit} />}
            {(step === 'health-code' || step === 'travel-code') && (
              <CodesStep step={step} visit={visit} />
            )}
            {step === 'appointment' && <WalkInStep />}
            {step === 'check' && <CheckStep visit={visit} />}
          </Suspense>
        </div>
      </SettleRegion>
    </div>
  );
}
