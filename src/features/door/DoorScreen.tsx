import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense } from 'react';
import { takeOverSince } from '../../db/take-over';
import { nextStep } from '../../domain/flow';
import { useServices } from '../../services/services';
import { useHall } from '../../services/use-hall';
import { SettleRegion } from '../../ui/settle';
import { AppointmentStep } from './AppointmentStep';
import {
  ClosureNotice,
  CodesStep,
  ComeBackCard,
  IdentityStep,
  MaskHandsStep,
  OutcomeCard,
  TemperatureStep,
  WalkInStep,
} from './door-later';
import { useDoorStore } from './door-store';
import { LowStockLine } from './LowStockLine';
import { ScanNoticeBar } from './ScanNoticeBar';
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
  const lastFinished = useDoorStore((s) => s.lastFinished);
  const comeBack = useDoorStore((s) => s.comeBack);
  const next = useDoorStore((s) => s.next);
  const closure = useHall()?.closure.current;
  // A tablet taking over its door's day starts no visit (src/db/take-over.ts).
  const takeOver = useLiveQuery(() => takeOverSince(db), [db], atStart);

  if (!visit && closure) {
    return (
      <Suspense fallback={null}>
        <ClosureNotice closure={closure} />
      </Suspense>
    );
  }
  if (!visit) {
    const card = lastFinished ? (
      <OutcomeCard visit={lastFinished} onNext={next} />
    ) : comeBack ? (
      <ComeBackCard comeBack={comeBack} onNext={next} />
    ) : null;
    return (
      <>
        <div className={`door ${card ? 'door-with-outcome' : ''}`}>
          {card && (
            <SettleRegion step={lastFinished?.id ?? `come-back-${comeBack?.from}`}>
              <Suspense fallback={null}>{card}</Suspense>
            </SettleRegion>
          )}
          {takeOver === null && (
            <SettleRegion step={`start-${lastFinished?.id ?? ''}`}>
              <AppointmentStep />
            </SettleRegion>
          )}
          {takeOver !== null && <TakeOverGate />}
        </div>
        <LowStockLine />
      </>
    );
  }

  const step = nextStep(visit, policyFor(visit.policyVersion));
  return (
    <div className="door">
      <VisitPanel visit={visit} step={step} />
      <SettleRegion step={`${visit.id}-${step}`}>
        <div className="door-main">
          <Suspense fallback={null}>
            {step !== 'health-code' && step !== 'travel-code' && <ScanNoticeBar overlay />}
            {(step === 'mask' || step === 'hands') && <MaskHandsStep step={step} />}
            {(step === 'temperature' || step === 'recheck') && (
              <TemperatureStep key={step} visit={visit} recheck={step === 'recheck'} />
            )}
            {step === 'identity' && <IdentityStep visit={visit} />}
            {(step === 'health-code' || step === 'travel-code') && <CodesStep step={step} />}
            {step === 'appointment' && <WalkInStep />}
          </Suspense>
        </div>
      </SettleRegion>
    </div>
  );
}
